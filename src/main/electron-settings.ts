import Store from 'electron-store'
import type { SettingsStore } from './core/index.ts'
import type { BoundsStore } from './windows/bounds-memory.ts'

/**
 * electron-store files in the profile folder: the core's settings and saved accounts
 * (`settings.json`) and the shell's window places (`window-state.json`). A file broken by
 * hand is set aside rather than stopping the app from starting.
 */
export function createElectronStore(name: string): SettingsStore & BoundsStore {
  const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true })
  return {
    get: (key: string) => store.get(key),
    set: (key: string, value: unknown) => store.set(key, value)
  }
}

/** Which server to use, read before the core starts (the core checks the rest itself). */
export function startupServerChoice(store: SettingsStore): { server: string; hostForLan: boolean } {
  const settings = store.get('settings')
  const field = (key: string): unknown =>
    typeof settings === 'object' && settings !== null
      ? (settings as Record<string, unknown>)[key]
      : undefined
  const server = field('server')
  return {
    server: typeof server === 'string' ? server.trim() : '',
    hostForLan: field('hostForLan') === true
  }
}
