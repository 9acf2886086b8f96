/**
 * `npm start` on a machine where Electron's download failed says what to do in one line;
 * with the binary there it runs electron-vite preview as before. Each case is a project
 * folder of its own, with the electron package as npm leaves it; the one "Electron" that
 * runs is a shell script standing in for the binary (Electron is the one thing we mock).
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ELECTRON_MISSING } from '../../../scripts/electron-binary.ts'

const ROOT = join(import.meta.dirname, '../../..')
const START = join(ROOT, 'scripts/start.ts')
const scratch = mkdtempSync(join(tmpdir(), 'http-qq-start-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** A project whose electron package got this far: nothing, path.txt only, or the binary. */
function project(name: string, electron: 'no-path' | 'no-binary' | 'installed'): string {
  const root = join(scratch, name)
  write(join(root, 'package.json'), JSON.stringify({ name, main: 'main.js' }))
  write(join(root, 'main.js'), '')
  const electronDir = join(root, 'node_modules/electron')
  write(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  if (electron !== 'no-path') write(join(electronDir, 'path.txt'), 'electron')
  if (electron === 'installed') {
    const binary = join(electronDir, 'dist/electron')
    write(binary, '#!/bin/sh\necho "electron started with: $*"\n')
    chmodSync(binary, 0o755)
    symlinkSync(join(ROOT, 'node_modules/electron-vite'), join(root, 'node_modules/electron-vite'))
  }
  return root
}

function start(root: string, args: readonly string[] = []) {
  const env = { ...process.env }
  delete env.ELECTRON_EXEC_PATH
  return spawnSync(process.execPath, [START, ...args], { cwd: root, env, encoding: 'utf8' })
}

describe('npm start', () => {
  it('is the checking script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.start).toBe('node scripts/start.ts')
  })

  it.each(['no-path', 'no-binary'] as const)(
    'without the Electron binary (%s) says in one line what to do, and exits 1',
    (state) => {
      const run = start(project(state, state))
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`${ELECTRON_MISSING}\n`)
      expect(run.stderr).toMatch(/^error ELECTRON_MISSING: .*not installed/)
      expect(run.stderr).toContain('node node_modules/electron/install.js')
      expect(run.stderr).toContain('npm rebuild electron')
      expect(run.stderr).toContain('`npm run web` runs the same app in a browser')
    }
  )

  it('with the binary runs electron-vite preview, which starts that Electron on the app', () => {
    const run = start(project('installed', 'installed'), ['--skipBuild'])
    expect(run.stderr).not.toContain('ELECTRON_MISSING')
    expect(run.stdout).toContain('electron started with: .')
    expect(run.status).toBe(0)
  })
})
