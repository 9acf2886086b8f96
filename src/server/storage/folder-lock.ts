import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const LOCK_FILE = 'server.pid'

export class FolderInUseError extends Error {
  override readonly name = 'FolderInUseError'
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One server per data folder: a second one would keep its own sessions and miss the
 * messages the first delivers. The lock is a file with the owner's process id; the file of
 * a process that is gone (after a crash) is taken over. Returns the function that frees it.
 */
export function lockFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(path, 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new FolderInUseError(`${dataDir} is used by another server (process ${owner})`)
      }
      rmSync(path, { force: true })
    }
  }
  throw new FolderInUseError(`${dataDir} could not be locked`)
}
