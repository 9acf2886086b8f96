/**
 * The failures of the server's command line, each said in one line `error CODE: message`
 * that names what to fix (the port, the file, the folder), never a stack trace.
 */
import { RedisUnreachableError } from './cluster/redis-connection.ts'
import { SeedError } from './seed/seed-file.ts'
import { FolderInUseError } from './storage/folder-lock.ts'
import { StoreUnavailableError } from './storage/open-store.ts'

/** A command line that cannot be run as written: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Something on this computer stands in the way (a port, a file, a folder): exit code 1. */
export class StartError extends Error {
  override readonly name = 'StartError'
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** What a failed file operation means, by its errno code. */
const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  EACCES: 'cannot be used: permission denied',
  EPERM: 'cannot be used: operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'is not a folder (or a part of its path is a file)',
  EEXIST: 'is a file, not a folder',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'is on a full disk',
  ENAMETOOLONG: 'is a name too long'
}

export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string'
}

/** A failed file operation on `what` ("the seed file x.json"), said plainly. */
export function fileProblem(what: string, error: NodeJS.ErrnoException): StartError {
  const code = error.code ?? 'EIO'
  return new StartError(code, `${what} ${FILE_PROBLEMS[code] ?? `cannot be used (${code})`}`)
}

/** Why the server could not listen on `host`:`port`, or undefined when that was not it. */
export function listenProblem(error: unknown, host: string, port: number): StartError | undefined {
  if (!isSystemError(error)) return undefined
  const code = error.code ?? ''
  if (error.syscall === 'getaddrinfo') {
    return new StartError(code, `the host "${host}" does not resolve to an address`)
  }
  if (error.syscall !== 'listen' && error.syscall !== 'bind') return undefined
  const messages: Readonly<Record<string, string>> = {
    EADDRINUSE: `port ${port} on ${host} is in use by another program (another server?)`,
    EADDRNOTAVAIL: `${host} is not an address of this computer`,
    EACCES: `no permission to listen on port ${port} of ${host}`
  }
  return new StartError(code, messages[code] ?? `cannot listen on ${host} port ${port} (${code})`)
}

export interface StartPlace {
  readonly host: string
  readonly port: number
  readonly dataDir: string | undefined
  readonly seedPath: string | undefined
}

/**
 * What a failed start means to the person who started it, or the error itself when it is
 * none of the known ones (a bug, which keeps its stack trace).
 */
export function startProblem(error: unknown, place: StartPlace): unknown {
  if (error instanceof SeedError) {
    return new StartError('INVALID_SEED', `the seed file ${place.seedPath} ${error.detail}`)
  }
  if (error instanceof FolderInUseError) return new StartError('FOLDER_IN_USE', error.message)
  if (error instanceof RedisUnreachableError) return new StartError(error.code, error.message)
  if (error instanceof StoreUnavailableError) return new StartError('STORE', error.message)
  const listening = listenProblem(error, place.host, place.port)
  if (listening) return listening
  if (place.dataDir === undefined) return error
  return dataFolderProblem(error, place.dataDir) ?? error
}

/** A data folder that cannot be made or written, said plainly; undefined for other errors. */
export function dataFolderProblem(error: unknown, dataDir: string): StartError | undefined {
  if (isSystemError(error)) return fileProblem(dataPlace(error.path, dataDir), error)
  if (isSqliteError(error)) {
    return new StartError(
      'DATABASE',
      `the data folder ${dataDir} cannot hold the database: ${error.message}`
    )
  }
  return undefined
}

function dataPlace(path: string | undefined, dataDir: string): string {
  return path === undefined || path === dataDir ? `the data folder ${dataDir}` : path
}

function isSqliteError(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR'
}
