import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron executable the electron package of `root` installed, as electron-vite finds
 * it (`ELECTRON_EXEC_PATH`, or `path.txt` naming a file under `dist/`), or null when it is
 * missing: the package's download of it failed (offline, a proxy, a locked-down machine)
 * or stopped half-way.
 */
export function findElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv = process.env
): string | null {
  const given = env.ELECTRON_EXEC_PATH
  if (given !== undefined && given !== '') return existsSync(given) ? given : null
  let packageDir: string
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export const ELECTRON_MISSING =
  "error ELECTRON_MISSING: Electron's binary is not installed (its download failed: offline, " +
  'a proxy or a locked-down machine); fetch it again with `node node_modules/electron/install.js` ' +
  '(or `npm rebuild electron`), and meanwhile `npm run web` runs the same app in a browser'
