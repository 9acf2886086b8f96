/**
 * The web shell answers only requests addressed to itself on the loopback interface: a
 * `Host` of 127.0.0.1 or localhost with our port (which defeats DNS rebinding), and for the
 * socket an `Origin` of the same, so another site open in the browser cannot connect.
 */
export interface LocalOrigin {
  hostAllowed(host: string | undefined): boolean
  originAllowed(origin: string | undefined): boolean
}

export function createLocalOrigin(port: () => number): LocalOrigin {
  const hosts = (): string[] => [`127.0.0.1:${port()}`, `localhost:${port()}`]
  return {
    hostAllowed: (host) => host !== undefined && hosts().includes(host.toLowerCase()),
    originAllowed: (origin) =>
      origin !== undefined && hosts().some((host) => origin.toLowerCase() === `http://${host}`)
  }
}
