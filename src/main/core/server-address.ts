import { CodedError } from '../../shared/errors.ts'

/** The protocol's default port (section 1). */
export const DEFAULT_PORT = 8000

export interface ServerAddress {
  readonly host: string
  readonly port: number
  /** `http://host:port`, with IPv6 hosts in brackets. */
  readonly origin: string
}

/**
 * Reads `host:port`, `host` (port 8000), `[::1]:port`, or the same with an `http://`
 * prefix pasted from a browser. Anything else is the user's typo, reported as such.
 */
export function parseServerAddress(input: string): ServerAddress {
  const text = input
    .trim()
    .replace(/^http:\/\//i, '')
    .replace(/\/$/, '')
  const match = /^(?:\[([0-9a-f:.]+)\]|([^\s:/[\]@]+))(?::(\d{1,5}))?$/i.exec(text)
  const host = match?.[1] ?? match?.[2]
  const port = match?.[3] === undefined ? DEFAULT_PORT : Number(match[3])
  if (host === undefined || port < 1 || port > 65535) {
    throw new CodedError('INVALID_ARGUMENT', `"${input.slice(0, 80)}" is not a host:port`)
  }
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return { host, port, origin }
}
