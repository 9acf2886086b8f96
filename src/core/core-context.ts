import { accountId, BUILT_IN_SERVER, parseAccountId, type AccountId } from '../shared/account-id.ts'
import { CodedError } from '../shared/errors.ts'
import type { AccountEvent, CoreEvent, LostAccount, Settings, SignedIn } from '../shared/model.ts'
import type { Account } from './account.ts'
import { AccountLine, type SharedConnection } from './account-line.ts'
import { CertificatePins, pinnedTransport } from './certificate-pins.ts'
import { EventStream } from './events.ts'
import type { Probe } from './probe.ts'
import { serverKey } from './server-address.ts'
import { DEFAULT_SETTINGS } from './settings/defaults.ts'
import { SavedAccounts } from './settings/saved-accounts.ts'
import type { Session } from './session.ts'
import {
  checkSettingsPatch,
  readAccountSettings,
  readSettingsPatch
} from './settings/read-stored.ts'
import { accountPart, appPart, type AccountSettings, type AppSettings } from './settings/scopes.ts'
import type { SecretBox } from './settings/secret-box.ts'
import type { SettingsStore } from './settings/stored-data.ts'
import { moveSingleAccountFolders } from './store/move-single-account.ts'
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

const APP_DEFAULTS = appPart(DEFAULT_SETTINGS) as AppSettings
const pickApp = (settings: Partial<Settings>): AppSettings => ({
  ...APP_DEFAULTS,
  ...appPart(settings)
})

/**
 * The core's state: the app's settings, the signed-in accounts by id (each with its own
 * session, list, outbox, store and settings), and the one event stream, every event tagged
 * with the account it is for.
 */
export class CoreContext {
  readonly options: CoreOptions
  readonly events = new EventStream()
  readonly saved: SavedAccounts
  readonly pins: CertificatePins
  readonly connection: SharedConnection
  /** In the order they signed in. */
  readonly accounts = new Map<AccountId, Account>()
  /** The last account the server or the network signed out, for the login window. */
  lost: LostAccount | undefined
  #app: AppSettings
  /** Each account's own settings, as stored (read once: the poller asks on every poll). */
  #own: Record<AccountId, Partial<AccountSettings>>

  constructor(options: CoreOptions, connection: SharedConnection) {
    this.options = options
    moveSingleAccountFolders(options.dataDir, options.settings)
    this.saved = new SavedAccounts(options.settings, options.secrets)
    this.pins = new CertificatePins(options.settings)
    this.#app = pickApp(readSettingsPatch(options.settings.get('settings')))
    this.#own = readAccountSettings(options.settings.get('accountSettings'))
    this.connection = {
      ...connection,
      transport: pinnedTransport(connection.transport, this.pins)
    }
  }

  /** A line for a login of `id`: its events tagged, its own settings. */
  lineFor(id: AccountId, key: string): AccountLine {
    return new AccountLine(
      this.connection,
      id,
      key,
      (account, event) => this.emit(account, event),
      (account) => this.settingsOf(account)
    )
  }

  emit(account: AccountId | null, event: CoreEvent): void {
    this.events.emit({ account, event } satisfies AccountEvent)
    // The signed-in list shows who each account is: a new nick or face changes it.
    if (event.type === 'me' && account !== null && this.accounts.has(account)) {
      this.accountsChanged()
    }
  }

  accountsChanged(): void {
    this.emit(null, { type: 'accounts', accounts: this.signedIn() })
  }

  signedIn(): SignedIn[] {
    return [...this.accounts.values()].map((account) => account.signedIn)
  }

  /** The settings `account`'s windows use; null: the app's, with the defaults for the rest. */
  settingsOf(account: AccountId | null): Settings {
    const own = account === null ? {} : this.#own[account]
    return { ...DEFAULT_SETTINGS, ...own, ...this.#app }
  }

  /**
   * App-wide keys change for everyone: each signed-in account hears its settings, and so
   * do the windows of no account. An account's keys change for it alone.
   */
  updateSettings(account: AccountId | null, patch: unknown): Settings {
    const checked = checkSettingsPatch(patch)
    if (checked === undefined) throw new CodedError('INVALID_ARGUMENT', 'not a settings patch')
    const app = appPart(checked)
    const own = accountPart(checked)
    if (account === null && Object.keys(own).length > 0) {
      throw new CodedError('INVALID_ARGUMENT', `${Object.keys(own).join(', ')}: an account's own`)
    }
    if (account !== null) this.require(account)
    if (Object.keys(own).length > 0 && account !== null) {
      this.#own = { ...this.#own, [account]: { ...this.#own[account], ...own } }
      this.options.settings.set('accountSettings', this.#own)
    }
    if (Object.keys(app).length > 0) {
      this.#app = { ...this.#app, ...app }
      this.options.settings.set('settings', this.#app)
      for (const id of this.accounts.keys()) {
        this.emit(id, { type: 'settings', settings: this.settingsOf(id) })
      }
      this.emit(null, { type: 'settings', settings: this.settingsOf(null) })
    } else if (account !== null) {
      this.emit(account, { type: 'settings', settings: this.settingsOf(account) })
    }
    return this.settingsOf(account)
  }

  /** The server a login goes to when it names none. */
  defaultServer(): string {
    return this.#app.server || this.options.embedded?.server || ''
  }

  isEmbedded(server: string): boolean {
    return this.options.embedded !== undefined && server === this.options.embedded.server
  }

  /** What a server's accounts are filed under: the built-in one's port changes each run. */
  serverKeyOf(server: string): string {
    return this.isEmbedded(server) ? BUILT_IN_SERVER : serverKey(server)
  }

  /** The id of `uin` on `server`; a server whose key cannot make one is the user's typo. */
  accountIdOf(server: string, uin: number): AccountId {
    const id = accountId(this.serverKeyOf(server), uin)
    if (parseAccountId(id) === undefined) {
      throw new CodedError('INVALID_ARGUMENT', `"${server.slice(0, 80)}" is not a host:port`)
    }
    return id
  }

  /** A signed-in account; any other id is NOT_LOGGED_IN, never another account. */
  require(account: AccountId): Account {
    const found = this.accounts.get(account)
    if (found === undefined) throw new CodedError('NOT_LOGGED_IN', `${account} is not signed in`)
    return found
  }

  requireSession(account: AccountId): Session {
    const session = this.require(account).session
    if (session === undefined) throw new CodedError('OFFLINE', 'not connected')
    return session
  }
}
