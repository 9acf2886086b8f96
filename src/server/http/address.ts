/**
 * The address sessions are keyed by. An IPv4 client reaching a dual-stack socket shows up
 * as `::ffff:1.2.3.4`; it is the same client as `1.2.3.4`.
 */
export function clientAddress(remote: string | undefined): string {
  if (remote === undefined) return ''
  return remote.startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote
}

/** The client a proxy speaks for (PROXY protocol), as its header names it. */
export interface Peer {
  readonly address: string
  readonly port: number
}

const PROXIED = Symbol('the client a PROXY header named')
type Proxied = { [PROXIED]?: Peer }

/** Says whom a connection handed to the HTTP server really comes from. */
export function markProxied(connection: object, peer: Peer): void {
  ;(connection as Proxied)[PROXIED] = peer
}

/** The client behind a proxy, or undefined for a connection straight from its client. */
export function proxiedPeer(connection: object): Peer | undefined {
  return (connection as Proxied)[PROXIED]
}
