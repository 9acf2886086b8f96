import { createServer, type Server as NetServer, type Socket } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { LegacySocket } from './legacy-socket.ts'
import { startsTargetless } from './request-lines.ts'

export interface FrontOptions {
  readonly maxConnections: number
  /** How long a new connection may take to send its first line. */
  readonly firstLineTimeoutMs: number
}

export interface Front {
  readonly server: NetServer
  /** Cuts every connection, handed on or not. */
  destroyAll(): void
}

/**
 * The listening socket. `node:http` refuses `POST HTTP/1.1` (no target), which clients of
 * 2005 sent, so each connection's first line is looked at: most connections go to the HTTP
 * server as they are; those without a target go through a LegacySocket that adds one.
 */
export function createFront(http: HttpServer, options: FrontOptions): Front {
  const sockets = new Set<Socket>()
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket)
    const giveUp = (): void => {
      socket.destroy()
    }
    // A deadline, not an idle timer: a byte now and then does not keep a connection here.
    const deadline = setTimeout(giveUp, options.firstLineTimeoutMs)
    socket.once('close', () => {
      clearTimeout(deadline)
      sockets.delete(socket)
    })
    let head: Buffer = Buffer.alloc(0)
    const onData = (chunk: Buffer): void => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk])
      const legacy = startsTargetless(head)
      if (legacy === undefined) return
      socket.off('data', onData)
      socket.off('error', giveUp)
      clearTimeout(deadline)
      if (legacy) {
        http.emit('connection', new LegacySocket(socket, head))
        return
      }
      socket.pause()
      socket.unshift(head)
      http.emit('connection', socket)
      socket.resume()
    }
    socket.on('error', giveUp)
    socket.on('data', onData)
  })
  server.maxConnections = options.maxConnections
  return {
    server,
    destroyAll: () => {
      for (const socket of sockets) socket.destroy()
    }
  }
}
