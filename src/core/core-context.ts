import { CodedError } from '../shared/errors.ts'
import type { SessionState, Settings } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import type { Account, Connection } from './account.ts'
import { CertificatePins, pinnedTransport } from './certificate-pins.ts'
import { EventStream } from './events.ts'
import type { Probe } from './probe.ts'
import { SavedAccounts } from './settings/saved-accounts.ts'
import type { Session } from './session.ts'
import { checkSettingsPatch, readSettings } from './settings/read-stored.ts'
import type { SecretBox } from './settings/secret-box.ts'
import type { SettingsStore } from './settings/stored-data.ts'
import type { Clock, Timers } from './clock.ts'
import type { Timing } from './timing.ts'
import type { Transport } from './transport.ts'

/** Every call of the bridge but the ones on windows and the desktop, which each host has. */
export type { CoreCalls } from './host/dispatch.ts'

export interface EmbeddedServer {
  /** `host:port` of the server the host started in-process. */
  readonly server: string
  readonly demoAccounts: readonly { uin: number; nick: string; face: number; password: string }[]
}

/** What the core needs from its host; everything after `embedded` is for tests. */
export interface CoreOptions {
  /** Per-account history databases live under it. */
  readonly dataDir: string
  readonly settings: SettingsStore
  readonly secrets: SecretBox
  readonly embedded?: EmbeddedServer
  readonly clock?: Clock
  readonly timers?: Timers
  readonly transport?: Transport
  readonly timing?: Partial<Timing>
  /** Told each step of every message in and out (crash tests kill the process there). */
  readonly probe?: Probe
}

/** The core's state: settings, the account in use and its session, and the event stream. */
export class CoreContext {
  readonly options: CoreOptions
  readonly events = new EventStream()
  readonly saved: SavedAccounts
  readonly pins: CertificatePins
  readonly connection: Connection
  account: Account | undefined
  #settings: Settings
  #session: SessionState = { phase: 'offline', uin: null, status: STATUS.OFFLINE }

  constructor(
    options: CoreOptions,
    connection: Omit<Connection, 'emit' | 'settings' | 'onSessionState'>
  ) {
    this.options = options
    this.saved = new SavedAccounts(options.settings, options.secrets)
    this.pins = new CertificatePins(options.settings)
    this.#settings = readSettings(options.settings.get('settings'))
    this.connection = {
      ...connection,
      transport: pinnedTransport(connection.transport, this.pins),
      emit: this.events.emit,
      settings: () => this.#settings,
      onSessionState: (state) => this.#onSessionState(state)
    }
  }

  get sessionState(): SessionState {
    return this.#session
  }

  get settings(): Settings {
    return this.#settings
  }

  updateSettings(patch: unknown): Settings {
    const checked = checkSettingsPatch(patch)
    if (checked === undefined) throw new CodedError('INVALID_ARGUMENT', 'not a settings patch')
    this.#settings = { ...this.#settings, ...checked }
    this.options.settings.set('settings', this.#settings)
    this.events.emit({ type: 'settings', settings: this.#settings })
    return this.#settings
  }

  /** The server a login goes to when it names none. */
  defaultServer(): string {
    return this.#settings.server || this.options.embedded?.server || ''
  }

  isEmbedded(server: string): boolean {
    return this.options.embedded !== undefined && server === this.options.embedded.server
  }

  requireAccount(): Account {
    if (this.account === undefined) throw new CodedError('OFFLINE', 'not logged in')
    return this.account
  }

  requireSession(): Session {
    const session = this.requireAccount().session
    if (session === undefined) throw new CodedError('OFFLINE', 'not connected')
    return session
  }

  #onSessionState(state: SessionState): void {
    this.#session = state
    if (state.phase === 'offline') this.account?.roster.allOffline()
    this.events.emit({ type: 'session', session: state })
  }
}
