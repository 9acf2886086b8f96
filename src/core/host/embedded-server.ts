/**
 * The server the app brings along, in-process: a fresh install logs in with one click, and
 * switching back from another server needs no restart. Its accounts and queues live in the
 * profile (demo accounts on first run). It listens on loopback only, unless the user hosts
 * for the local network; switching that restarts it on the same port, so a session of this
 * app survives (the core logs in again by itself). Hosting for the network serves TLS on that
 * port too (D-27), with a certificate of its own kept in the profile.
 */
import { join } from 'node:path'
import type { EmbeddedServer } from '../index.ts'
import { startServer } from '../../server/index.ts'
import type { CertificatePair } from '../../server/tls/certificate.ts'
import { lanAddress, lanAddresses } from './lan-address.ts'
import { lanCertificate, lanCertificateHosts } from './lan-certificate.ts'

/** The protocol's own port, so people on the network can type the address from memory. */
export const LAN_PORT = 8000

type Running = Awaited<ReturnType<typeof startServer>>

/** What others on the network need, while hosting for it. */
export interface LanHosting {
  /** `https://ip:port`; none when this machine has no network address right now. */
  readonly address: string | undefined
  /** The certificate's SHA-256 fingerprint, which people compare on their first connection. */
  readonly fingerprint: string
}

export interface EmbeddedServerHost {
  /** What the core needs; its fields follow restarts. */
  readonly embedded: EmbeddedServer
  /** Where others on the network connect and what they compare, once any switch is done. */
  lan(): Promise<LanHosting | undefined>
  setHostForLan(on: boolean): Promise<void>
  close(): Promise<void>
}

/** Where to listen when hosting: every interface (tests use another loopback address). */
export const LAN_HOST = '0.0.0.0'

async function listen(
  serverDir: string,
  host: string,
  port: number,
  tls: CertificatePair | undefined
): Promise<Running> {
  const options = { dataDir: serverDir, demo: true, host, tls }
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
  const serverDir = join(dataDir, 'server')
  // A specific address to listen on (the tests' loopback one) is a name the certificate needs.
  const extraHosts = lanHost === LAN_HOST ? [] : [lanHost]
  async function start(on: boolean, port: number): Promise<Running> {
    if (!on) return listen(serverDir, '127.0.0.1', port, undefined)
    const hosts = lanCertificateHosts([...lanAddresses(), ...extraHosts])
    return listen(serverDir, lanHost, port, await lanCertificate(serverDir, hosts))
  }
  let running = await start(lan, lan ? LAN_PORT : 0)
  let hosting = lan
  let switching = Promise.resolve()
  return {
    embedded: {
      // The app itself always logs in over plain loopback, even while the port also serves
      // TLS to the network: the password never leaves this computer, so TLS would protect
      // nothing, and the core needs no certificate pin for its own server.
      get server() {
        return `127.0.0.1:${running.port}`
      },
      get demoAccounts() {
        return running.demoAccounts
      }
    },
    async lan() {
      await switching.catch(() => undefined)
      const { fingerprint } = running
      return hosting && fingerprint !== undefined
        ? { address: lanAddress(running.port), fingerprint }
        : undefined
    },
    setHostForLan(on) {
      // One switch at a time; a failed one does not block the next.
      switching = switching
        .catch(() => undefined)
        .then(async () => {
          if (on === hosting) return
          await running.close()
          running = await start(on, running.port)
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
