import { networkInterfaces } from 'node:os'

/** The address other machines on the network reach this one at: the first external IPv4. */
export function lanAddress(port: number): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const external = addresses?.find((address) => address.family === 'IPv4' && !address.internal)
    if (external !== undefined) return `${external.address}:${port}`
  }
  return undefined
}
