import type { WindowKind } from './routes.ts'

export interface WindowShape {
  readonly width: number
  readonly height: number
  readonly minWidth?: number
  readonly minHeight?: number
  readonly resizable: boolean
  /** The buddy list keeps its place on screen between runs. */
  readonly remembersBounds?: boolean
}

/**
 * Logical sizes of the classic client's windows (UI.md): Electron opens its windows at them,
 * and the web shell frames each tab's window at them, so both show the same window.
 */
export const WINDOW_SHAPES: Readonly<Record<WindowKind, WindowShape>> = {
  login: { width: 330, height: 250, resizable: false },
  buddies: {
    width: 280,
    height: 620,
    minWidth: 220,
    minHeight: 360,
    resizable: true,
    remembersBounds: true
  },
  chat: { width: 520, height: 460, minWidth: 360, minHeight: 320, resizable: true },
  profile: { width: 420, height: 480, minWidth: 360, minHeight: 400, resizable: true },
  system: { width: 400, height: 360, minWidth: 320, minHeight: 280, resizable: true },
  history: { width: 560, height: 480, minWidth: 400, minHeight: 320, resizable: true },
  settings: { width: 440, height: 480, minWidth: 380, minHeight: 400, resizable: true }
}
