/**
 * The server the app brings along, in-process: a fresh install logs in with one click, and
 * switching back from another server needs no restart. Its accounts and queues live in the
 * profile (demo accounts on first run). It listens on loopback only, unless the user hosts
 * for the local network; switching that restarts it on the same port, so a session of this
 * app survives (the core logs in again by itself).
 */
import { join } from 'node:path'
import type { EmbeddedServer } from '../index.ts'
import { startServer } from '../../../server/index.ts'
import { lanAddress } from './lan-address.ts'

/** The protocol's own port, so people on the network can type the address from memory. */
export const LAN_PORT = 8000

type Running = Awaited<ReturnType<typeof startServer>>

export interface EmbeddedServerHost {
  /** What the core needs; its fields follow restarts. */
  readonly embedded: EmbeddedServer
  /** Where others on the network connect, while hosting for it. */
  lanAddress(): string | undefined
  setHostForLan(on: boolean): Promise<void>
  close(): Promise<void>
}

/** Where to listen when hosting: every interface (tests use another loopback address). */
export const LAN_HOST = '0.0.0.0'

async function listen(dataDir: string, host: string, port: number): Promise<Running> {
  const options = { dataDir: join(dataDir, 'server'), demo: true, host }
  try {
    return await startServer({ ...options, port })
  } catch (error) {
    // The port is taken (another server, another copy): any free port still serves.
    if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return startServer({ ...options, port: 0 })
  }
}

export async function hostEmbeddedServer(
  dataDir: string,
  lan: boolean,
  lanHost = LAN_HOST
): Promise<EmbeddedServerHost> {
  const hostFor = (on: boolean): string => (on ? lanHost : '127.0.0.1')
  let running = await listen(dataDir, hostFor(lan), lan ? LAN_PORT : 0)
  let hosting = lan
  let switching = Promise.resolve()
  return {
    embedded: {
      get server() {
        return `127.0.0.1:${running.port}`
      },
      get demoAccounts() {
        return running.demoAccounts
      }
    },
    lanAddress: () => (hosting ? lanAddress(running.port) : undefined),
    setHostForLan(on) {
      // One switch at a time; a failed one does not block the next.
      switching = switching
        .catch(() => undefined)
        .then(async () => {
          if (on === hosting) return
          await running.close()
          running = await listen(dataDir, hostFor(on), running.port)
          hosting = on
        })
      return switching
    },
    close: async () => {
      await switching.catch(() => undefined)
      await running.close()
    }
  }
}
