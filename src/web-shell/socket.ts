/**
 * The bridge's socket: one per open tab. The upgrade is refused unless it carries the launch
 * token and comes from our own page; every call then goes through the same dispatch (schema
 * checks, Results, no throws) as the app's IPC, and every core event goes to every tab.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { ok } from '../shared/errors.ts'
import type { BridgeCore } from '../core/host/bridge-core.ts'
import { dispatchCall, NO_WINDOW_CALLS } from '../core/host/dispatch.ts'
import { BRIDGE_PATH, type CallMessage, type ShellMessage } from '../shared/socket-messages.ts'
import type { LocalOrigin } from './local-origin.ts'
import { tokenMatches } from './token.ts'

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function parseCall(data: string): CallMessage | null {
  try {
    const message = JSON.parse(data) as Partial<CallMessage> | null
    if (typeof message !== 'object' || message === null) return null
    if (!Number.isSafeInteger(message.id) || !Array.isArray(message.args)) return null
    return message as CallMessage
  } catch {
    return null
  }
}

export function attachBridgeSocket(
  server: Server,
  core: BridgeCore,
  token: string,
  origin: LocalOrigin,
  logs: string
): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  // A tab is a window here: the page does the window calls itself and never sends them.
  // The log folder is shown, not opened: a page cannot open a folder on the machine.
  const handlers = {
    ...core.calls,
    ...NO_WINDOW_CALLS,
    getLogFolder: async () => ok({ path: logs, canOpen: false })
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname !== BRIDGE_PATH) return refuseUpgrade(socket, '404 Not Found')
    const allowed =
      origin.hostAllowed(request.headers.host) &&
      origin.originAllowed(request.headers.origin) &&
      tokenMatches(token, url.searchParams.get('token'))
    if (!allowed) return refuseUpgrade(socket, '403 Forbidden')
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client))
  })

  const stopEvents = core.onEvent((event) => {
    const frame = JSON.stringify({ event } satisfies ShellMessage)
    for (const client of sockets.clients) client.send(frame)
  })

  sockets.on('connection', (client: WebSocket) => {
    client.on('message', (data, isBinary) => {
      const message = isBinary ? null : parseCall(String(data))
      if (message === null) return client.close(1003, 'malformed call')
      void dispatchCall(handlers, message.call, message.args).then((result) => {
        client.send(JSON.stringify({ id: message.id, result } satisfies ShellMessage))
      })
    })
  })

  return () => {
    stopEvents()
    for (const client of sockets.clients) client.terminate()
    sockets.close()
  }
}
