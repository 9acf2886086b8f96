import { join } from 'node:path'
import type { App } from 'electron'

/** Where the app finds its parts and keeps its data. */
export interface AppPaths {
  readonly preload: string
  readonly renderer: string
  readonly icons: string
  readonly sounds: string
  readonly appIcon: string
  /** The core host's entry, run as a utility process (out/main/core-host.js). */
  readonly coreHost: string
  /** The profile folder: settings, history databases, the embedded server's data. */
  readonly profile: string
  /** Where main and the core host write their logs: `logs` in the profile. */
  readonly logs: string
}

/**
 * `HTTP_QQ_PROFILE` points the whole profile elsewhere (a second account side by side, or
 * a test); it must be applied before anything reads `userData`.
 */
export function resolveAppPaths(app: App, mainDir: string): AppPaths {
  const override = process.env.HTTP_QQ_PROFILE
  if (override !== undefined && override !== '') app.setPath('userData', override)
  const resources = join(app.getAppPath(), 'resources')
  const profile = app.getPath('userData')
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    renderer: join(mainDir, '../renderer'),
    icons: join(resources, 'icons'),
    sounds: join(resources, 'sounds'),
    appIcon: join(resources, 'icons/app.png'),
    coreHost: join(mainDir, 'core-host.js'),
    profile,
    logs: join(profile, 'logs')
  }
}
