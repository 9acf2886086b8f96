/**
 * The browser tests drive the built renderer through the web shell. So that `npm test`
 * works on a fresh clone, build first when the output is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')
const OUTPUTS = ['out/renderer/index.html', 'out/web-bridge/web-bridge.js', 'out/main/index.js']
const SOURCES = ['src', 'resources', 'electron.vite.config.ts', 'package-lock.json']

function newestChange(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    0
  )
}

function oldestOutput(): number {
  try {
    return Math.min(...OUTPUTS.map((path) => statSync(join(ROOT, path)).mtimeMs))
  } catch {
    return -1
  }
}

export default function setup(): void {
  const sources = Math.max(...SOURCES.map((path) => newestChange(join(ROOT, path))))
  if (oldestOutput() >= sources) return
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
}
