import { createLogger, type Logger } from './logger.ts'

let current: Logger | undefined

/**
 * The process's log of its own problems (a call that failed unexpectedly, a listener that
 * threw): one logger per process, which code deep in the core reaches without every caller
 * passing it down. Until the entry point chooses another, it writes to stderr.
 */
export function diagnostics(): Logger {
  return (current ??= createLogger({ fd: 2 }))
}

/** Where the rest of this process's diagnostics go (the app: a file in its profile folder). */
export function useDiagnostics(logger: Logger): void {
  current = logger
}
