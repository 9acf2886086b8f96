import Store from 'electron-store'
import type { SettingsStore } from './core/index.ts'
import type { BoundsStore } from './windows/bounds-memory.ts'

/**
 * electron-store files in the profile folder: the core's settings and saved accounts
 * (`settings.json`) and the shell's window places (`window-state.json`). A file broken by
 * hand goes back to defaults rather than stopping the app (history lives elsewhere).
 */
export function createElectronStore(name: string): SettingsStore & BoundsStore {
  const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true })
  return {
    get: (key: string) => store.get(key),
    set: (key: string, value: unknown) => store.set(key, value)
  }
}

/** Whether to host for the network, read before the core starts (the core checks the rest). */
export function startupHostForLan(store: SettingsStore): boolean {
  const settings = store.get('settings')
  return (
    typeof settings === 'object' &&
    settings !== null &&
    (settings as Record<string, unknown>).hostForLan === true
  )
}
