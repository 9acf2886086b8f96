import { BrowserWindow, type Rectangle } from 'electron'
import type { WindowShape } from '../../shared/window-shapes.ts'

export interface NewWindow {
  readonly shape: WindowShape
  readonly preload: string
  readonly icon: string
  /** Where to put it, when it remembers a place. */
  readonly bounds?: Rectangle
  readonly title: string
}

/**
 * Every window of the app, with the renderer locked down: no Node, a sandboxed preload in
 * its own world, web security on, no webviews, no middle-click navigation. Shown once it has
 * painted, so it never flashes white.
 */
export function createWindow({ shape, preload, icon, bounds, title }: NewWindow): BrowserWindow {
  return new BrowserWindow({
    ...(bounds ?? { width: shape.width, height: shape.height }),
    minWidth: shape.minWidth,
    minHeight: shape.minHeight,
    resizable: shape.resizable,
    maximizable: shape.resizable,
    fullscreenable: false,
    show: false,
    title,
    icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK our own bundled preload, which exposes only the validated bridge
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // Sounds play in a window that may be hidden in the tray, without a click first.
      autoplayPolicy: 'no-user-gesture-required'
    }
  })
}
