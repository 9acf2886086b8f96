import { CodedError } from '../shared/errors.ts'

/** The protocol's default port (section 1); TLS shares it (D-27). */
export const DEFAULT_PORT = 8000

export interface ServerAddress {
  readonly host: string
  readonly port: number
  /** `http://host:port` or `https://host:port`, with IPv6 hosts in brackets. */
  readonly origin: string
}

/**
 * Reads `host:port`, `host` (port 8000), `[::1]:port`, or the same with an `http://`
 * prefix pasted from a browser; `https://` asks for TLS on the same port (D-27). Anything
 * else is the user's typo, reported as such.
 */
export function parseServerAddress(input: string): ServerAddress {
  const trimmed = input.trim()
  const scheme = /^https:\/\//i.test(trimmed) ? 'https' : 'http'
  const text = trimmed.replace(/^https?:\/\//i, '').replace(/\/$/, '')
  const match = /^(?:\[([0-9a-f:.]+)\]|([^\s:/[\]@]+))(?::(\d{1,5}))?$/i.exec(text)
  const host = match?.[1] ?? match?.[2]
  const port = match?.[3] === undefined ? DEFAULT_PORT : Number(match[3])
  if (host === undefined || port < 1 || port > 65535) {
    throw new CodedError('INVALID_ARGUMENT', `"${input.slice(0, 80)}" is not a host:port`)
  }
  const origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`
  return { host, port, origin }
}

/** Whether requests to this server travel over TLS. */
export const isSecureServer = (server: string): boolean =>
  parseServerAddress(server).origin.startsWith('https:')

/**
 * The key a server's accounts and their history are filed under: `host:port`, the host in
 * lower case (IPv6 in brackets), without the scheme, as TLS shares the port with plain
 * HTTP (D-27) and either way it is the same server with the same accounts.
 */
export function serverKey(server: string): string {
  const { host, port } = parseServerAddress(server)
  const shown = host.includes(':') ? `[${host}]` : host
  return `${shown.toLowerCase()}:${port}`
}
