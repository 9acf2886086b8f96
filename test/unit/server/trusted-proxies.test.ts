import { describe, expect, it } from 'vitest'
import { TrustedProxyError, trustedProxies } from '../../../src/server/http/trusted-proxies.ts'

describe('trustedProxies', () => {
  it('believes the addresses of its blocks, IPv4 mapped into IPv6 included', () => {
    const list = trustedProxies(['10.0.0.0/8, 192.0.2.7', 'fd00::/8', '::1'])
    for (const address of ['10.1.2.3', '::ffff:10.9.9.9', '192.0.2.7', 'fd12::5', '::1']) {
      expect(list.trusts(address)).toBe(true)
    }
    for (const address of ['11.0.0.1', '192.0.2.8', 'fe00::1', '::2', undefined]) {
      expect(list.trusts(address)).toBe(false)
    }
  })

  it.each(['10.0.0.0/33', '::/129', 'example.org', '10.0.0.0/8/8', '10.0.0.0/', '', 'fe80::1%lo'])(
    'refuses %j',
    (spec) => {
      expect(() => trustedProxies([spec])).toThrow(TrustedProxyError)
    }
  )
})
