import type { Socket } from 'node:net'
import type { Peer } from './address.ts'
import { parseProxyHeader } from './proxy-header.ts'

/**
 * Reads a connection's PROXY header, when the server takes them (`--proxy-protocol`). From a
 * trusted proxy one must come, LOCAL included (its health checks); from anyone else none
 * may: a client that sends one is trying to pass for another address. `done` gets the
 * client the header names (undefined: the connection's own address is the client's) and
 * the bytes after the header; `refuse` is told why a connection was closed instead.
 */
export function readProxyHeader(
  socket: Socket,
  trusted: boolean,
  done: (peer: Peer | undefined, rest: Buffer) => void,
  refuse: (why: string) => void
): void {
  let head: Buffer | undefined
  const giveUp = (): void => {
    socket.destroy()
  }
  const onData = (chunk: Buffer): void => {
    head = head === undefined ? chunk : Buffer.concat([head, chunk])
    const header = parseProxyHeader(head)
    if (header.kind === 'incomplete') return
    socket.off('data', onData)
    socket.off('error', giveUp)
    socket.off('end', giveUp)
    if (trusted && header.kind === 'header') return done(header.peer, head.subarray(header.length))
    if (!trusted && header.kind === 'absent') return done(undefined, head)
    socket.destroy()
    if (!trusted) refuse('PROXY header from an untrusted address')
    else refuse(header.kind === 'invalid' ? header.why : 'no PROXY header from a trusted proxy')
  }
  socket.on('error', giveUp)
  // Gone before its header was whole: no request will ever arrive.
  socket.on('end', giveUp)
  socket.on('data', onData)
}
