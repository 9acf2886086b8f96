import Store from 'electron-store'
import type { BoundsStore } from './bounds-memory.ts'

/**
 * Where the windows were, in `window-state.json` in the profile folder: the shell's only
 * file of its own (the core host keeps the settings, in src/core/settings/). A file broken
 * by hand goes back to defaults rather than stopping the app.
 */
export function createWindowStateStore(): BoundsStore {
  const store = new Store<Record<string, unknown>>({
    name: 'window-state',
    clearInvalidConfig: true
  })
  return {
    get: (key: string) => store.get(key),
    set: (key: string, value: unknown) => store.set(key, value)
  }
}
