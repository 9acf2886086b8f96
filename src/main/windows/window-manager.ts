/**
 * The app's windows: one per route key (each account has its own buddy list, one chat per
 * friend, one of everything else), each loading the one renderer at its route. The registry
 * is also the IPC check's list of who may call and for which account, and the event
 * broadcast's list of who listens to which account.
 */
import type { BrowserWindow, Rectangle, WebContents } from 'electron'
import type { AccountId } from '../../shared/account-id.ts'
import { routeAccount, windowKey, type WindowRoute } from '../../shared/routes.ts'
import type { AppOrigin } from '../security/app-origin.ts'
import type { BoundsMemory } from './bounds-memory.ts'
import { createWindow } from './create-window.ts'
import { placeBeside } from './placement.ts'
import { WINDOW_SHAPES } from '../../shared/window-shapes.ts'

export interface WindowManagerOptions {
  readonly origin: AppOrigin
  readonly preload: string
  readonly icon: string
  readonly bounds: BoundsMemory
  /** Asked when the user closes a window: true hides it instead (close to tray). */
  hideOnClose(route: WindowRoute): boolean
  /** After a window is gone for good. */
  onClosed(route: WindowRoute): void
  /** The title bar's text, from the page's own title (undefined until it has one). */
  title(route: WindowRoute, pageTitle: string | undefined): string
}

export interface WindowManager {
  /** Opens the route's window, or shows and focuses it when it is open. */
  open(route: WindowRoute): BrowserWindow
  find(route: WindowRoute): BrowserWindow | undefined
  /** The route of one of our windows' contents; undefined for anything else. */
  routeOf(contents: WebContents): WindowRoute | undefined
  /** Closes for good, even a window that would hide on close. */
  destroy(route: WindowRoute): void
  /** To the windows of `account`; `null` to every window. */
  sendTo(account: AccountId | null, channel: string, payload: unknown): void
  routes(): WindowRoute[]
  /** Asks every window's title again (an owner's nick, the language changed). */
  retitle(): void
  destroyAll(): void
}

interface Tracked {
  readonly route: WindowRoute
  readonly window: BrowserWindow
  pageTitle: string | undefined
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const windows = new Map<string, Tracked>()
  const byContents = new Map<number, WindowRoute>()
  const closingForGood = new Set<BrowserWindow>()

  function track(route: WindowRoute, window: BrowserWindow): void {
    const key = windowKey(route)
    const contentsId = window.webContents.id
    const tracked: Tracked = { route, window, pageTitle: undefined }
    windows.set(key, tracked)
    byContents.set(contentsId, route)
    window.on('close', (event) => {
      if (!closingForGood.has(window) && options.hideOnClose(route)) {
        event.preventDefault()
        window.hide()
      }
    })
    window.on('closed', () => {
      windows.delete(key)
      byContents.delete(contentsId)
      closingForGood.delete(window)
      options.onClosed(route)
    })
    window.on('page-title-updated', (event, title) => {
      event.preventDefault()
      tracked.pageTitle = title
      window.setTitle(options.title(route, title))
    })
    window.once('ready-to-show', () => window.show())
    if (WINDOW_SHAPES[route.kind].remembersBounds === true) {
      const remember = (): void => options.bounds.save(route, window.getNormalBounds())
      window.on('moved', remember)
      window.on('resized', remember)
    }
  }

  function find(route: WindowRoute): BrowserWindow | undefined {
    return windows.get(windowKey(route))?.window
  }

  /** The remembered place, moved aside when another account's window of its kind is there. */
  function boundsFor(route: WindowRoute): Rectangle | undefined {
    const shape = WINDOW_SHAPES[route.kind]
    if (shape.remembersBounds !== true) return undefined
    const others = [...windows.values()]
      .filter((other) => other.route.kind === route.kind && !other.window.isDestroyed())
      .map((other) => other.window.getNormalBounds())
    return placeBeside(options.bounds.load(route), shape, others, options.bounds)
  }

  function close(window: BrowserWindow): void {
    closingForGood.add(window)
    window.close()
  }

  return {
    open(route) {
      const existing = find(route)
      if (existing !== undefined) {
        if (existing.isMinimized()) existing.restore()
        existing.show()
        existing.focus()
        return existing
      }
      const window = createWindow({
        shape: WINDOW_SHAPES[route.kind],
        preload: options.preload,
        icon: options.icon,
        bounds: boundsFor(route),
        title: options.title(route, undefined)
      })
      track(route, window)
      void window.loadURL(options.origin.pageUrl(route))
      return window
    },
    find,
    routeOf: (contents) => byContents.get(contents.id),
    destroy(route) {
      const window = find(route)
      if (window !== undefined) close(window)
    },
    sendTo(account, channel, payload) {
      for (const { route, window } of windows.values()) {
        if (window.isDestroyed()) continue
        if (account === null || routeAccount(route) === account) {
          window.webContents.send(channel, payload)
        }
      }
    },
    routes: () => [...windows.values()].map(({ route }) => route),
    retitle() {
      for (const { route, window, pageTitle } of windows.values()) {
        if (!window.isDestroyed()) window.setTitle(options.title(route, pageTitle))
      }
    },
    destroyAll() {
      for (const { window } of [...windows.values()]) close(window)
    }
  }
}
