/**
 * The bridge's socket: one per open tab. The upgrade is refused unless it carries the launch
 * token and comes from our own page; every call then goes through the same dispatch (schema
 * checks, Results, no throws) as the app's IPC. A tab is a window of one account (or, the
 * login window, of none), named in the socket's address as its route names it: a call for
 * another account is refused, and the tab gets only its account's events and the app's.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { parseAccountId, type AccountId } from '../shared/account-id.ts'
import { ok, type Result } from '../shared/errors.ts'
import type { AccountEvent } from '../shared/model.ts'
import type { BridgeCore } from '../core/host/bridge-core.ts'
import { dispatchCall, NO_WINDOW_CALLS } from '../core/host/dispatch.ts'
import { BRIDGE_PATH, type CallMessage, type ShellMessage } from '../shared/socket-messages.ts'
import type { LocalOrigin } from './local-origin.ts'
import { tokenMatches } from './token.ts'
import { checkAccount } from '../shared/account-calls.ts'
import { isEventFor } from './tab-account.ts'

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
    const account = url.searchParams.get('account')
    if (account !== null && parseAccountId(account) === undefined)
      return refuseUpgrade(socket, '400 Bad Request')
    sockets.handleUpgrade(request, socket, head, (client) => {
      accounts.set(client, account)
      sockets.emit('connection', client)
    })
  })

  /** Each tab's account, from its socket's address; null for the login window. */
  const accounts = new WeakMap<WebSocket, AccountId | null>()

  const stopEvents = core.onEvent((event: AccountEvent) => {
    const frame = JSON.stringify({ event } satisfies ShellMessage)
    for (const client of sockets.clients) {
      if (isEventFor(accounts.get(client) ?? null, event)) client.send(frame)
    }
  })

  sockets.on('connection', (client: WebSocket) => {
    const account = accounts.get(client) ?? null
    client.on('message', (data, isBinary) => {
      const message = isBinary ? null : parseCall(String(data))
      if (message === null) return client.close(1003, 'malformed call')
      const answer = (result: Result<unknown>): void =>
        client.send(JSON.stringify({ id: message.id, result } satisfies ShellMessage))
      const refused = checkAccount(account, message.call, message.args)
      if (refused !== undefined) return answer(refused)
      void dispatchCall(handlers, message.call, message.args).then(answer)
    })
  })

  return () => {
    stopEvents()
    for (const client of sockets.clients) client.terminate()
    sockets.close()
  }
}
