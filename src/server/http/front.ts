import { createServer, type Server as NetServer, type Socket } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { FirstLineDeadlines } from './first-line-deadlines.ts'
import { LegacySocket } from './legacy-socket.ts'
import { startsTargetless } from './request-lines.ts'

export interface FrontOptions {
  readonly maxConnections: number
  /** How long a new connection may take to send its first line. */
  readonly firstLineTimeoutMs: number
}

export interface Front {
  readonly server: NetServer
  /** Stops watching deadlines and cuts the connections not handed on yet. */
  close(): void
}

/**
 * The listening socket. `node:http` refuses `POST HTTP/1.1` (no target), which clients of
 * 2005 sent, so each connection's first line is looked at: most connections go to the HTTP
 * server as they are; those without a target go through a LegacySocket that adds one.
 */
export function createFront(http: HttpServer, options: FrontOptions): Front {
  // One sweep for all the connections still sending their first line costs less than a
  // timer per connection.
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
    const giveUp = (): void => {
      socket.destroy()
    }
    let head: Buffer | undefined
    const onData = (chunk: Buffer): void => {
      head = head === undefined ? chunk : Buffer.concat([head, chunk])
      const legacy = startsTargetless(head)
      if (legacy === undefined) return
      waiting.remove(entry)
      socket.off('data', onData)
      socket.off('error', giveUp)
      socket.off('end', giveUp)
      if (legacy) {
        http.emit('connection', new LegacySocket(socket, head))
        return
      }
      http.emit('connection', socket)
      // The bytes read so far go straight to the HTTP server's reader; putting them back
      // with unshift() and resume() cost every connection a queued tick and a pass through
      // the stream's buffer. Later bytes reach the parser without passing through here.
      socket.emit('data', head)
    }
    socket.on('error', giveUp)
    // Gone before its first line was whole: no request will ever arrive.
    socket.on('end', giveUp)
    socket.on('data', onData)
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
