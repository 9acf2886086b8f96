import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The static import graph of the sources, read with a regex rather than a compiler: the
 * sources always write `from '…'` or `import('…')` with a literal, so this sees every edge
 * the bundler sees. Lint checks each file's own imports; this follows what they pull in.
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g

export const ROOT = resolve(import.meta.dirname, '../../..')

/** Every .ts file under `folder` (relative to the root), as root-relative paths. */
export function sourcesUnder(folder: string): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(relative(ROOT, path))
    }
  }
  walk(join(ROOT, folder))
  return found
}

/** What one file imports: root-relative paths of source files, and bare specifiers. */
function importsOf(file: string): { files: string[]; bare: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const files: string[] = []
  const bare: string[] = []
  for (const [, specifier] of text.matchAll(SPECIFIER)) {
    if (specifier === undefined) continue
    if (specifier.startsWith('.'))
      files.push(relative(ROOT, resolve(ROOT, dirname(file), specifier)))
    else bare.push(specifier)
  }
  return { files, bare }
}

export interface Reach {
  /** Source file → the file that first imported it on the way from the start. */
  readonly via: Map<string, string | undefined>
  /** Bare specifier (package or builtin) → the source file that imports it. */
  readonly bare: Map<string, string>
}

/** Everything reachable from `start` through static imports, with one path back for each. */
export function reachFrom(start: string): Reach {
  const via = new Map<string, string | undefined>([[start, undefined]])
  const bare = new Map<string, string>()
  const queue = [start]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    // Assets (`?url`, .vue, .json) are leaves: they import nothing a layer cares about.
    if (!file.endsWith('.ts')) continue
    const found = importsOf(file)
    for (const name of found.bare) if (!bare.has(name)) bare.set(name, file)
    for (const next of found.files) {
      if (via.has(next)) continue
      via.set(next, file)
      queue.push(next)
    }
  }
  return { via, bare }
}

/** The chain of imports from the start to `file`, for a failure a reader can follow. */
export function chainTo(reach: Reach, file: string): string {
  const chain: string[] = []
  for (let at: string | undefined = file; at !== undefined; at = reach.via.get(at))
    chain.unshift(at)
  return chain.join(' → ')
}

/** A package that needs Electron itself: `electron`, `electron/…`, `electron-store` and kin. */
export const needsElectron = (specifier: string): boolean => /^electron($|[-/])/.test(specifier)

const BUILTINS = new Set(builtinModules)
export const isNodeBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? specifier)
