import { fork } from 'node:child_process'
import type { HostPort } from './port.ts'

/** A running core host as its parent sees it, whatever started it. */
export interface HostProcess extends HostPort {
  /** Once, when the process is gone; `reason` says how (an exit code or a signal). */
  onExit(handler: (reason: string) => void): void
  kill(): void
}

export type SpawnHost = () => HostProcess

/** The core host as a Node child (the web shell, the tests): `fork` with structured clones. */
export function forkHost(entry: string, args: readonly string[]): SpawnHost {
  return () => {
    const child = fork(entry, args, {
      serialization: 'advanced',
      // node:sqlite still warns on every start; the warning says nothing to a user.
      execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    return {
      postMessage: (message) => {
        if (child.connected) child.send(message as object)
      },
      onMessage: (handler) => void child.on('message', handler),
      onExit: (handler) =>
        void child.once('exit', (code, signal) => handler(signal ?? `exit code ${code}`)),
      kill: () => void child.kill('SIGKILL')
    }
  }
}
