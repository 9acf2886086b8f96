import { createServer, type Server as NetServer, type Socket } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { TLSSocket, type SecureContext } from 'node:tls'
import { clientAddress, markProxied, type Peer } from './address.ts'
import { FirstLineDeadlines } from './first-line-deadlines.ts'
import { LegacySocket } from './legacy-socket.ts'
import { readProxyHeader } from './read-proxy-header.ts'
import { startsTargetless } from './request-lines.ts'
import type { TrustedProxies } from './trusted-proxies.ts'

/** The first byte of every TLS connection: a handshake record (D-27). */
const TLS_HANDSHAKE = 0x16

export interface FrontOptions {
  readonly maxConnections: number
  /** How long a new connection may take to send its first line (a TLS handshake included). */
  readonly firstLineTimeoutMs: number
  /** D-27: answer TLS on the same port, with this certificate. */
  readonly tls?: SecureContext
  /** D-27: NULL for every plain connection. */
  readonly requireTls?: boolean
  /**
   * The PROXY protocol: connections from these addresses must start with a PROXY header,
   * and the client it names is the connection's; anyone else sending one is cut off.
   */
  readonly proxies?: TrustedProxies
  /** A connection closed for its PROXY header (or its lack of one): from where, and why. */
  readonly onRefused?: (address: string, why: string) => void
}

export interface Front {
  readonly server: NetServer
  /** Stops watching deadlines and cuts the connections not handed on yet. */
  close(): void
}

/**
 * The listening socket. Each connection is looked at before anything is parsed: behind a
 * load balancer, its PROXY header is read first (it says whose connection it is); then a TLS
 * handshake is answered as HTTPS (D-27), anything else as the plain protocol. Then the first
 * request line: `node:http` refuses `POST HTTP/1.1` (no target), which clients of 2005 sent,
 * so most connections go to the HTTP server as they are; those without a target go through a
 * LegacySocket that adds one.
 */
export function createFront(http: HttpServer, options: FrontOptions): Front {
  // One sweep for all the connections still sending their first line costs less than a
  // timer per connection. The deadline covers a PROXY header and a TLS handshake too: the
  // plain socket under it stays on the list until the first line has arrived through it.
  const waiting = new FirstLineDeadlines<Socket>()
  const sweep = setInterval(
    () => waiting.sweep(performance.now()),
    Math.max(20, Math.min(1000, options.firstLineTimeoutMs / 4))
  )
  sweep.unref()

  // A client may shut its sending side once its request is written (what `nc` does): the
  // socket must stay writable for the reply, and node:http ends it once the reply is out.
  const server = createServer({ noDelay: true, allowHalfOpen: true }, (socket) => {
    const entry = waiting.add(socket, performance.now() + options.firstLineTimeoutMs)
    let peer: Peer | undefined
    const handOver = (stream: Socket, head: Buffer): void => {
      waiting.remove(entry)
      const connection = startsTargetless(head) ? new LegacySocket(stream, head) : stream
      if (peer) markProxied(connection, peer)
      http.emit('connection', connection)
      // The bytes read so far go straight to the HTTP server's reader; putting them back
      // with unshift() and resume() cost every connection a queued tick and a pass through
      // the stream's buffer. Later bytes reach the parser without passing through here.
      // (A LegacySocket has them already.)
      if (connection === stream) stream.emit('data', head)
    }
    const route = (_: Socket, head: Buffer): void => {
      if (options.tls !== undefined && head[0] === TLS_HANDSHAKE) {
        readFirstLine(secureSide(socket, head, options.tls), handOver)
      } else if (options.requireTls) {
        socket.destroy()
      } else {
        handOver(socket, head)
      }
    }
    const proxies = options.proxies
    if (proxies === undefined) return readFirstLine(socket, route)
    const from = socket.remoteAddress
    // Reset before it was taken (a balancer passing on a client that went away at once):
    // no address is left to judge, and no one to answer. Not a stranger's header.
    if (from === undefined) {
      waiting.remove(entry)
      socket.destroy()
      return
    }
    readProxyHeader(
      socket,
      proxies.trusts(from),
      (client, rest) => {
        peer = client
        readFirstLine(socket, route, rest)
      },
      (why) => options.onRefused?.(clientAddress(from), why)
    )
  })
  server.maxConnections = options.maxConnections
  return {
    server,
    close: () => {
      clearInterval(sweep)
      waiting.cutAll()
    }
  }
}

/**
 * Collects a stream's first bytes (after `already`, those read with a PROXY header) until its
 * first line can be judged (for a TLS handshake, the first byte is enough), then hands them
 * over and steps aside. Until then an error simply closes the connection: nothing has been
 * parsed.
 */
function readFirstLine(
  stream: Socket,
  done: (stream: Socket, head: Buffer) => void,
  already?: Buffer
): void {
  const judged = (head: Buffer): boolean =>
    head[0] === TLS_HANDSHAKE || startsTargetless(head) !== undefined
  if (already !== undefined && judged(already)) return done(stream, already)
  let head = already !== undefined && already.length > 0 ? already : undefined
  const giveUp = (): void => {
    stream.destroy()
  }
  const onData = (chunk: Buffer): void => {
    head = head === undefined ? chunk : Buffer.concat([head, chunk])
    if (!judged(head)) return
    stream.off('data', onData)
    stream.off('error', giveUp)
    stream.off('end', giveUp)
    done(stream, head)
  }
  stream.on('error', giveUp)
  // Gone before its first line was whole: no request will ever arrive.
  stream.on('end', giveUp)
  stream.on('data', onData)
}

/**
 * The TLS server side of a plain connection whose first bytes are already read: they are put
 * back, and TLSSocket takes what the socket holds before it reads on by itself.
 */
function secureSide(socket: Socket, head: Buffer, context: SecureContext): TLSSocket {
  socket.pause()
  socket.unshift(head)
  const secure = new TLSSocket(socket, { isServer: true, secureContext: context })
  // A failed handshake (or any error before the HTTP server has it) closes the connection.
  secure.on('error', () => socket.destroy())
  return secure
}
