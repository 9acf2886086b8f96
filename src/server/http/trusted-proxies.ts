import { BlockList, isIPv4, isIPv6 } from 'node:net'

/** The addresses whose PROXY headers are believed (`--trusted-proxy`). */
export interface TrustedProxies {
  trusts(remoteAddress: string | undefined): boolean
}

/** A `--trusted-proxy` value that is not an address or a CIDR block. */
export class TrustedProxyError extends Error {}

/**
 * Reads `10.0.0.0/8`, `fd00::/8`, a single address (`127.0.0.1`, `::1`), or several of them
 * separated by commas. An IPv4 block also covers the same addresses mapped into IPv6
 * (`::ffff:10.1.2.3`), as a dual-stack socket shows them.
 */
export function trustedProxies(specs: readonly string[]): TrustedProxies {
  const list = new BlockList()
  for (const spec of specs.flatMap((value) => value.split(','))) {
    const text = spec.trim()
    const [address = '', prefix, ...extra] = text.split('/')
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined
    const bits = family === 'ipv4' ? 32 : 128
    const length = prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
    if (family === undefined || address.includes('%') || extra.length > 0 || !(length <= bits)) {
      throw new TrustedProxyError(
        `"${text}" is not an address or a CIDR block (such as 10.0.0.0/8 or fd00::/8)`
      )
    }
    list.addSubnet(address, length, family)
  }
  return {
    trusts: (remoteAddress) => {
      if (remoteAddress === undefined) return false
      return list.check(remoteAddress, isIPv4(remoteAddress) ? 'ipv4' : 'ipv6')
    }
  }
}
