/** For tests of the whole app (mocked Electron, real core host): its paths and its windows. */
import { join } from 'node:path'
import type { AppPaths } from '../../../src/main/app-paths.ts'
import { callChannel, type QQCallName } from '../../../src/shared/api.ts'
import type { Result } from '../../../src/shared/errors.ts'
import type { SignedIn } from '../../../src/shared/model.ts'
import { BrowserWindow, ipcMain } from '../../mocks/electron.ts'

/** The open window whose address ends with `hash` (`#/login`). */
export const windowAt = (hash: string): BrowserWindow | undefined =>
  BrowserWindow.getAllWindows().find((window) => window.webContents.getURL().endsWith(hash))

/** An account's buddy list. */
export const buddiesOf = (who: SignedIn): BrowserWindow | undefined =>
  windowAt(`#/${encodeURIComponent(who.account)}/buddies`)

/** A bridge call as `window` makes it, through the app's IPC handlers. */
export function call<T>(
  window: BrowserWindow,
  name: QQCallName,
  ...args: unknown[]
): Promise<Result<T>> {
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
  return ipcMain.invoke(callChannel(name), event, ...args) as Promise<Result<T>>
}

/** The app's files for a test: the core host from the sources, the profile given. */
export const appPaths = (profile: string): AppPaths => ({
  preload: '/app/out/preload/index.cjs',
  renderer: join(profile, 'renderer'),
  icons: '/app/resources/icons',
  sounds: '/app/resources/sounds',
  appIcon: '/app/resources/icons/app.png',
  coreHost: join(import.meta.dirname, '../../../src/core/host/host-main.ts'),
  profile,
  logs: join(profile, 'logs')
})
