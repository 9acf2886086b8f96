/**
 * `window.qq` for the web shell: the same contract as the preload's, over a WebSocket to the
 * web shell (which runs the core in Node and validates every call the way main does). Loaded
 * as a classic script before the app's modules, so the bridge exists when they run; calls
 * made before the socket opens wait in a queue. Window calls stay in the browser: a window is
 * a tab here.
 */
import { CALL_NAMES, type QQApi, type QQCallName } from '../../shared/api.ts'
import { isWebUrl } from '../../shared/api-schema.ts'
import { fail, ok, type Result } from '../../shared/errors.ts'
import type { CoreEvent } from '../../shared/model.ts'
import { hashToRoute, routeToHash, windowKey, type WindowRoute } from '../../shared/routes.ts'
import { BRIDGE_PATH, type CallMessage, type ShellMessage } from '../../shared/socket-messages.ts'

const token = new URLSearchParams(location.search).get('token') ?? ''
const socket = new WebSocket(
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`
)
const queued: string[] = []
const pending = new Map<number, (result: Result<unknown>) => void>()
const listeners = new Set<(event: CoreEvent) => void>()
let nextId = 1
let lost = false

socket.addEventListener('open', () => {
  for (const message of queued.splice(0)) socket.send(message)
})
socket.addEventListener('close', () => {
  lost = true
  for (const resolve of pending.values())
    resolve(fail('UNREACHABLE', 'the web shell closed the connection'))
  pending.clear()
})
socket.addEventListener('message', ({ data }) => {
  const message = JSON.parse(String(data)) as ShellMessage
  if ('event' in message) {
    for (const listener of listeners) listener(message.event)
  } else {
    pending.get(message.id)?.(message.result)
    pending.delete(message.id)
  }
})

function remote(call: QQCallName, args: unknown[]): Promise<Result<unknown>> {
  if (lost) return Promise.resolve(fail('UNREACHABLE', 'the web shell is gone: reload the page'))
  const id = nextId++
  const message = JSON.stringify({ id, call, args } satisfies CallMessage)
  return new Promise((resolve) => {
    pending.set(id, resolve)
    if (socket.readyState === WebSocket.OPEN) socket.send(message)
    else queued.push(message)
  })
}

/** A tab per window key: opening it again brings back the same tab (same name, same URL). */
const tabName = (route: WindowRoute): string => `qq${windowKey(route)}`
const here = hashToRoute(location.hash)
window.name = tabName(here)
// The renderer frames its window at the window's own size in a tab (base.css), not in Electron.
document.documentElement.dataset.shell = 'web'

/**
 * Logging in turns the login window into the buddy list, and logging out the other way
 * round: the app opens the one and closes the other. A page may not close a tab it did not
 * open itself, so here this tab becomes the other window instead (and the form is gone).
 */
const takesThisTab = (route: WindowRoute): boolean =>
  (here.kind === 'login' && route.kind === 'buddies') ||
  (here.kind === 'buddies' && route.kind === 'login')
let leaving = false

function openWindow(route: WindowRoute): Result<null> {
  const url = `${location.pathname}?token=${encodeURIComponent(token)}${routeToHash(route)}`
  if (takesThisTab(route)) {
    leaving = true
    window.name = tabName(route)
    // Only the hash changes, which alone would not load the page again: replace, then reload.
    history.replaceState(null, '', url)
    location.reload()
    return ok(null)
  }
  const tab = window.open(url, tabName(route))
  if (tab === null) return fail('FORBIDDEN', 'the browser blocked the new tab')
  tab.focus()
  return ok(null)
}

function openExternal(url: string): Result<null> {
  if (!isWebUrl(url)) return fail('INVALID_ARGUMENT', 'openExternal: only http(s) links')
  window.open(new URL(url).href, '_blank', 'noopener,noreferrer')
  return ok(null)
}

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (...args: unknown[]) => remote(name, args)])
)

const api = {
  ...calls,
  openWindow: async (route: WindowRoute) => openWindow(route),
  closeWindow: async () => {
    // A tab that is becoming another window stays open.
    if (!leaving) window.close()
    return ok(null)
  },
  openExternal: async (url: string) => openExternal(String(url)),
  onEvent(handler: (event: CoreEvent) => void) {
    listeners.add(handler)
    return () => {
      listeners.delete(handler)
    }
  }
} as QQApi

Object.defineProperty(window, 'qq', { value: Object.freeze(api), enumerable: true })
