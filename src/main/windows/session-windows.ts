import type { ShellState } from '../state-mirror.ts'
import type { WindowManager } from './window-manager.ts'

/**
 * The windows follow the session: logging in swaps the login window for the buddy list;
 * losing the session for good (logout, kicked, the one re-login failed) closes the account's
 * windows and shows the login window again. A failed login attempt changes nothing: the
 * login window shows why.
 */
export function followSession(windows: WindowManager, state: ShellState, before: ShellState): void {
  const phase = state.session.phase
  const was = before.session.phase
  if (phase === 'online' && was === 'logging-in') {
    windows.open({ kind: 'buddies' })
    windows.destroy({ kind: 'login' })
  } else if (phase === 'offline' && (was === 'online' || was === 'reconnecting')) {
    windows.open({ kind: 'login' })
    for (const route of windows.routes()) {
      if (route.kind !== 'login') windows.destroy(route)
    }
  }
}

/** The window the tray, a second launch or the dock brings back. */
export function showMainWindow(windows: WindowManager, state: ShellState): void {
  windows.open({ kind: state.session.phase === 'offline' ? 'login' : 'buddies' })
}
