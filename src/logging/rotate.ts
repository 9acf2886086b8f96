import { renameSync, statSync } from 'node:fs'

/**
 * Rotation at start, by size: a log past `maxBytes` becomes `FILE.1` (replacing the one
 * before), and the process starts a new one. The app starts often enough that this keeps
 * the folder small without a rotating stream of its own.
 */
export function rotateLog(file: string, maxBytes: number): void {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    return // no log yet
  }
  if (size > maxBytes) renameSync(file, `${file}.1`)
}
