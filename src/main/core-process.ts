import { utilityProcess } from 'electron'
import type { SpawnHost } from '../core/host/host-process.ts'

/**
 * The core host as an Electron utility process (the pattern Signal Desktop uses for its
 * database): a Node process of Electron's own, without a window, that dies with the app.
 * `key` is the key for remembered passwords, passed in the environment, never in argv.
 */
export function utilityHost(entry: string, args: readonly string[], key?: string): SpawnHost {
  return () => {
    const child = utilityProcess.fork(entry, [...args], {
      serviceName: 'HTTP QQ core',
      env: key === undefined ? { ...process.env } : { ...process.env, HTTP_QQ_CORE_KEY: key }
    })
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (handler) => void child.on('message', handler),
      onExit: (handler) => void child.once('exit', (code) => handler(`exit code ${code}`)),
      kill: () => void child.kill()
    }
  }
}
