/**
 * The app's windows: one per route key (one chat per friend, one of everything else), each
 * loading the one renderer at its route. The registry is also the IPC check's list of who
 * may call, and the event broadcast's list of who listens.
 */
import type { BrowserWindow, WebContents } from 'electron'
import { windowKey, type WindowRoute } from '../../shared/routes.ts'
import type { AppOrigin } from '../security/app-origin.ts'
import type { BoundsMemory } from './bounds-memory.ts'
import { createWindow } from './create-window.ts'
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
}

export interface WindowManager {
  /** Opens the route's window, or shows and focuses it when it is open. */
  open(route: WindowRoute): BrowserWindow
  find(route: WindowRoute): BrowserWindow | undefined
  /** The route of one of our windows' contents; undefined for anything else. */
  routeOf(contents: WebContents): WindowRoute | undefined
  /** Closes for good, even a window that would hide on close. */
  destroy(route: WindowRoute): void
  send(channel: string, payload: unknown): void
  routes(): WindowRoute[]
  destroyAll(): void
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const windows = new Map<string, { route: WindowRoute; window: BrowserWindow }>()
  const byContents = new Map<number, WindowRoute>()
  const closingForGood = new Set<BrowserWindow>()

  function track(route: WindowRoute, window: BrowserWindow): void {
    const key = windowKey(route)
    const contentsId = window.webContents.id
    windows.set(key, { route, window })
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
    window.once('ready-to-show', () => window.show())
    if (WINDOW_SHAPES[route.kind].remembersBounds === true) {
      const remember = (): void => options.bounds.save(route.kind, window.getNormalBounds())
      window.on('moved', remember)
      window.on('resized', remember)
    }
  }

  function find(route: WindowRoute): BrowserWindow | undefined {
    return windows.get(windowKey(route))?.window
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
      const shape = WINDOW_SHAPES[route.kind]
      const bounds = shape.remembersBounds === true ? options.bounds.load(route.kind) : undefined
      const window = createWindow({ shape, preload: options.preload, icon: options.icon, bounds })
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
    send(channel, payload) {
      for (const { window } of windows.values()) {
        if (!window.isDestroyed()) window.webContents.send(channel, payload)
      }
    },
    routes: () => [...windows.values()].map(({ route }) => route),
    destroyAll() {
      for (const { window } of [...windows.values()]) close(window)
    }
  }
}
