import { normaliseFingerprint } from '../shared/fingerprint.ts'
import { parseServerAddress } from './server-address.ts'
import type { SettingsStore } from './settings/stored-data.ts'
import type { Transport } from './transport.ts'

/** The server's origin, or undefined for an address the transport will refuse anyway. */
function originOf(server: string): string | undefined {
  try {
    return parseServerAddress(server).origin
  } catch {
    return undefined
  }
}

/** Stored pins as the file holds them: only fingerprints survive, one per https origin. */
function readPins(stored: unknown): Record<string, string> {
  if (typeof stored !== 'object' || stored === null) return {}
  return Object.fromEntries(
    Object.entries(stored).flatMap(([origin, value]) => {
      const fingerprint = typeof value === 'string' ? normaliseFingerprint(value) : undefined
      return origin.startsWith('https://') && fingerprint !== undefined
        ? [[origin, fingerprint]]
        : []
    })
  )
}

/**
 * The certificates the user accepted, one per https server (D-27), kept with the settings
 * so that a second login asks nothing. A fingerprint offered with a login is tried for that
 * login only and kept once the login worked: a refused one is never remembered.
 */
export class CertificatePins {
  readonly #store: SettingsStore
  readonly #trying = new Map<string, string>()

  constructor(store: SettingsStore) {
    this.#store = store
  }

  /** The fingerprint to accept from this server: the one being tried, or the one kept. */
  fingerprintFor(server: string): string | undefined {
    const origin = originOf(server)
    if (origin === undefined) return undefined
    return this.#trying.get(origin) ?? readPins(this.#store.get('certificates'))[origin]
  }

  /** Tries `fingerprint` for `server` until the returned function is called. */
  tryOut(server: string, fingerprint: string | undefined): () => void {
    const origin = originOf(server)
    if (origin === undefined || fingerprint === undefined) return () => undefined
    this.#trying.set(origin, fingerprint)
    return () => {
      if (this.#trying.get(origin) === fingerprint) this.#trying.delete(origin)
    }
  }

  /** After a login that worked: the fingerprint it was offered is this server's from now on. */
  keep(server: string, fingerprint: string | undefined): void {
    const origin = originOf(server)
    if (origin === undefined || fingerprint === undefined || !origin.startsWith('https://')) return
    const pins = readPins(this.#store.get('certificates'))
    if (pins[origin] === fingerprint) return
    this.#store.set('certificates', { ...pins, [origin]: fingerprint })
  }
}

/** Every request carries the fingerprint accepted for its server, for the transport to check. */
export function pinnedTransport(transport: Transport, pins: CertificatePins): Transport {
  return {
    post: (request) => {
      const fingerprint = pins.fingerprintFor(request.server)
      return transport.post(fingerprint === undefined ? request : { ...request, fingerprint })
    },
    close: () => transport.close()
  }
}
