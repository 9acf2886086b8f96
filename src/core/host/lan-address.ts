import { networkInterfaces } from 'node:os'

/** Every external IPv4 address of this machine: where others on the network may reach it. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) =>
    (addresses ?? [])
      .filter((address) => address.family === 'IPv4' && !address.internal)
      .map((address) => address.address)
  )
}

/**
 * The address other machines on the network type to reach this one: the first external
 * IPv4, over TLS on the same port (D-27), since hosting for the network serves a certificate.
 */
export function lanAddress(port: number): string | undefined {
  const [first] = lanAddresses()
  return first === undefined ? undefined : `https://${first}:${port}`
}
