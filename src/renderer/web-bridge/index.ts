/**
 * `window.qq` for the web shell: the same contract as the preload's, over a WebSocket to the
 * web shell (which runs the core in Node and validates every call the way main does). Loaded
 * as a classic script before the app's modules, so the bridge exists when they run; calls
 * made before the socket opens wait in a queue. Window calls stay in the browser: a window is
 * a tab here. The socket names the tab's account (from its route), as Electron knows each
 * window's: the web shell refuses a call for another account, and sends only the events of
 * this account and the app's own.
 */
import { CALL_NAMES, type QQApi, type QQCallName } from '../../shared/api.ts'
import { isWebUrl } from '../../shared/api-schema.ts'
import { fail, ok, type Result } from '../../shared/errors.ts'
import type { AccountEvent } from '../../shared/model.ts'
import {
  hashToRoute,
  routeAccount,
  routeToHash,
  windowKey,
  type WindowRoute
} from '../../shared/routes.ts'
import { BRIDGE_PATH, type CallMessage, type ShellMessage } from '../../shared/socket-messages.ts'

const token = new URLSearchParams(location.search).get('token') ?? ''
const here = hashToRoute(location.hash)
const account = routeAccount(here)
const socket = new WebSocket(
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}?${new URLSearchParams(
    { token, ...(account === null ? {} : { account }) }
  ).toString()}`
)
const queued: string[] = []
const pending = new Map<number, (result: Result<unknown>) => void>()
const listeners = new Set<(event: AccountEvent) => void>()
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
window.name = tabName(here)
// The renderer frames its window at the window's own size in a tab (base.css), not in Electron.
document.documentElement.dataset.shell = 'web'

const urlOf = (route: WindowRoute): string =>
  `${location.pathname}?token=${encodeURIComponent(token)}${routeToHash(route)}`
/** Set once this tab is becoming another window: it stays open, and takes no other. */
let leaving = false

/** This tab turns into the window of `route`, in place of the one it shows. */
function become(route: WindowRoute): void {
  leaving = true
  window.name = tabName(route)
  // Only the hash changes, which alone would not load the page again: replace, then reload.
  history.replaceState(null, '', urlOf(route))
  // After the calls of this turn: logging in several accounts opens their other lists first.
  setTimeout(() => location.reload())
}

/**
 * Logging in turns the login window into the buddy list: the app opens the one and closes
 * the other, and a page may not close a tab it did not open itself, so here the login tab
 * becomes the buddy list instead (and the form is gone).
 */
function openWindow(route: WindowRoute): Result<null> {
  if (here.kind === 'login' && route.kind === 'buddies' && !leaving) {
    become(route)
    return ok(null)
  }
  const tab = window.open(urlOf(route), tabName(route))
  if (tab === null) return fail('FORBIDDEN', 'the browser blocked the new tab')
  tab.focus()
  return ok(null)
}

/**
 * A window closes (its account closed, or it is done): a tab that one of ours opened
 * closes; a tab the person opened, which a page may not close, becomes the login window
 * (as the first tab does when its account logs out). A tab that is becoming another
 * window stays.
 */
function closeWindow(): Result<null> {
  if (leaving) return ok(null)
  if (window.opener !== null) window.close()
  // Still here when the browser refused to close it.
  if (!window.closed && here.kind !== 'login') become({ kind: 'login' })
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
  closeWindow: async () => closeWindow(),
  openExternal: async (url: string) => openExternal(String(url)),
  onEvent(handler: (event: AccountEvent) => void) {
    listeners.add(handler)
    return () => {
      listeners.delete(handler)
    }
  }
} as QQApi

Object.defineProperty(window, 'qq', { value: Object.freeze(api), enumerable: true })
