import type { AccountId } from '../shared/account-id.ts'
import type { CoreEvent, SessionState, Settings } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import type { Connection } from './account.ts'
import type { Emit } from './events.ts'

/** The parts of a connection every account shares: the transport, timing, clock, probe. */
export type SharedConnection = Omit<Connection, 'emit' | 'settings' | 'onSessionState'>

export const OFFLINE: SessionState = { phase: 'offline', uin: null, status: STATUS.OFFLINE }

/**
 * One account's line to the core, made for each login: the shared connection, with every
 * event tagged with the account's id, the account's own settings, and the state of its
 * session of the moment (for its snapshot). A login of its own, so that a session ending in
 * one login never touches the list of another.
 */
export class AccountLine implements Connection {
  readonly id: AccountId
  readonly serverKey: string
  readonly transport: Connection['transport']
  readonly timing: Connection['timing']
  readonly clock: Connection['clock']
  readonly timers: Connection['timers']
  readonly probe: Connection['probe']
  readonly emit: Emit
  readonly settings: () => Settings
  #state = OFFLINE
  #offline: (() => void) | undefined
  #lost: ((reason: string) => void) | undefined

  constructor(
    shared: SharedConnection,
    id: AccountId,
    serverKey: string,
    emit: (account: AccountId, event: CoreEvent) => void,
    settings: (account: AccountId) => Settings
  ) {
    this.id = id
    this.serverKey = serverKey
    this.transport = shared.transport
    this.timing = shared.timing
    this.clock = shared.clock
    this.timers = shared.timers
    this.probe = shared.probe
    this.emit = (event) => emit(id, event)
    this.settings = () => settings(id)
  }

  get sessionState(): SessionState {
    return this.#state
  }

  /** The account's list goes offline with its session: nobody is online for it then. */
  whenOffline(handler: () => void): void {
    this.#offline = handler
  }

  /**
   * A live session ended by the server or the network, with the reason: no session comes
   * back by itself then (the one re-login was refused, or a certificate needs the user).
   * A login that fails, or going offline on purpose, is not a loss.
   */
  whenLost(handler: (reason: string) => void): void {
    this.#lost = handler
  }

  readonly onSessionState = (state: SessionState): void => {
    const wasLive = this.#state.phase === 'online' || this.#state.phase === 'reconnecting'
    this.#state = state
    if (state.phase === 'offline') this.#offline?.()
    this.emit({ type: 'session', session: state })
    if (wasLive && state.phase === 'offline' && state.reason !== undefined) {
      this.#lost?.(state.reason)
    }
  }
}
