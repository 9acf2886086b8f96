/**
 * `npm start`: `electron-vite preview` (build, then open the app), once Electron's binary is
 * known to be there. Without it electron-vite only says "Electron uninstall"; this says
 * what happened and what to do, in one line, and exits 1. Arguments go to electron-vite.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ELECTRON_MISSING, findElectronBinary } from './electron-binary.ts'

// npm runs scripts in the project's folder.
const root = process.cwd()
const binary = findElectronBinary(root)
if (binary === null) {
  console.error(ELECTRON_MISSING)
  process.exit(1)
}

const electronVite = join(
  dirname(createRequire(join(root, 'package.json')).resolve('electron-vite/package.json')),
  'bin/electron-vite.js'
)
// The binary checked is the one electron-vite starts.
const child = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary }
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 1))
