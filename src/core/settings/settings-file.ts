import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SettingsStore, StoredData } from './stored-data.ts'

/**
 * Settings in a JSON file, for hosts without electron-store (the command line). Written to
 * a temporary file and renamed, so a crash mid-write leaves the old file, not half of one.
 */
export function createFileSettingsStore(path: string): SettingsStore {
  const read = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
      return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {}
    } catch {
      return {}
    }
  }
  return {
    get: (key) => read()[key],
    set: <K extends keyof StoredData>(key: K, value: StoredData[K]) => {
      const data = { ...read(), [key]: value }
      mkdirSync(dirname(path), { recursive: true })
      const temporary = `${path}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 })
      renameSync(temporary, path)
    }
  }
}
