import { describe, expect, it } from 'vitest'
import { chainTo, isNodeBuiltin, needsElectron, reachFrom, sourcesUnder } from './import-graph.ts'

/**
 * The layers of the README's design table, checked through everything an import pulls in:
 * lint sees only each file's own imports, so a plain-Node file importing a harmless-looking
 * helper that imports Electron passes lint, and fails here.
 */
const PLAIN_NODE = ['core', 'server', 'cli', 'web-shell', 'logging', 'serve', 'sqlite', 'shared']

/** Every breach reachable from `files`, as "start: a → b → c" lines. */
function breaches(files: string[], isBad: (reach: ReturnType<typeof reachFrom>) => string[]) {
  return files.flatMap((file) => isBad(reachFrom(file)).map((line) => `${file}: ${line}`))
}

const badBare = (test: (specifier: string) => boolean) => (reach: ReturnType<typeof reachFrom>) =>
  [...reach.bare]
    .filter(([specifier]) => test(specifier))
    .map(([specifier, importer]) => `${chainTo(reach, importer)} → ${specifier}`)

describe('the layers, through what imports pull in', () => {
  for (const folder of PLAIN_NODE) {
    const files = sourcesUnder(`src/${folder}`)

    it(`src/${folder} reaches neither Electron nor src/main`, () => {
      expect(files.length).toBeGreaterThan(0)
      expect(breaches(files, badBare(needsElectron))).toEqual([])
      const intoMain = (reach: ReturnType<typeof reachFrom>) =>
        [...reach.via.keys()].filter((f) => f.startsWith('src/main/')).map((f) => chainTo(reach, f))
      expect(breaches(files, intoMain)).toEqual([])
    })
  }

  it('src/shared reaches no Node builtin', () => {
    expect(breaches(sourcesUnder('src/shared'), badBare(isNodeBuiltin))).toEqual([])
  })

  it('sees a breach two imports away', () => {
    // The walker itself: main/index.ts reaches electron, through files of its own.
    const reach = reachFrom('src/main/index.ts')
    expect([...reach.bare.keys()].some(needsElectron)).toBe(true)
    expect(reach.via.size).toBeGreaterThan(5)
  })
})
