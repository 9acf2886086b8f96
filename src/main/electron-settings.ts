import Store from 'electron-store'
import type { BoundsStore } from './windows/bounds-memory.ts'

/**
 * electron-store files in the profile folder: the shell's window places
 * (`window-state.json`); the core host keeps its own settings.json. A file broken by hand
 * goes back to defaults rather than stopping the app (history lives elsewhere).
 */
export function createElectronStore(name: string): BoundsStore {
  const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true })
  return {
    get: (key: string) => store.get(key),
    set: (key: string, value: unknown) => store.set(key, value)
  }
}
