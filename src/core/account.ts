import { createHash } from 'node:crypto'
import type { AccountId } from '../shared/account-id.ts'
import type { Me, SessionState, Settings, SignedIn, Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import type { AccountLine } from './account-line.ts'
import { autoReplyFor } from './auto-reply.ts'
import type { Emit } from './events.ts'
import { acceptBatch } from './inbox.ts'
import { runKeepalive } from './keepalive.ts'
import { Outbox } from './outbox.ts'
import { PacingReport } from './pacing-report.ts'
import { runPoller } from './poller.ts'
import type { Probe } from './probe.ts'
import { createPacers, type Pacers } from './rate-pacer.ts'
import { codeOf } from './results.ts'
import { Roster } from './roster.ts'
import {
  fetchDetails,
  refreshPresence,
  syncRoster,
  updateDetails,
  welcomeFriend
} from './roster-fetch.ts'
import { Session } from './session.ts'
import { StatusChanger } from './status-changer.ts'
import { openAccountStore, type AccountStore } from './store/account-store.ts'
import type { Clock, Timers } from './clock.ts'
import type { Timing } from './timing.ts'
import type { Transport } from './transport.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export interface Connection {
  readonly transport: Transport
  readonly timing: Timing
  readonly clock: Clock
  readonly timers: Timers
  readonly emit: Emit
  readonly probe?: Probe
  readonly settings: () => Settings
  /** Every session state, for the snapshot and the event stream. */
  readonly onSessionState: (state: SessionState) => void
}

export function passwordMd5(password: string): string {
  return createHash('md5').update(password, 'utf8').digest('hex')
}

export function accountPacers(connection: Connection): Pacers {
  return createPacers(connection.timing, connection.clock, connection.timers)
}

/**
 * A session for `uin` on `server`, logged in with `status`; throws what the server said.
 * The account's pacers go from one session to the next: the server may keep counting.
 */
export async function logIn(
  connection: Connection,
  server: string,
  uin: number,
  md5: string,
  status: Status,
  pacers: Pacers
): Promise<Session> {
  const session = new Session({
    transport: connection.transport,
    server,
    uin,
    passwordMd5: md5,
    timing: connection.timing,
    clock: connection.clock,
    onState: connection.onSessionState,
    statusPacer: pacers.status
  })
  await session.login(status)
  return session
}

/**
 * One logged-in account, from login to logout: its store, buddy list and outbox, and the
 * session of the moment with the loops that live as long as it does (poller, outbox,
 * keepalive). When a session ends (network or server gave up on it), the account stays,
 * with its history and list, until the user logs in again or logs out.
 */
export class Account {
  readonly id: AccountId
  readonly uin: number
  readonly server: string
  readonly store: AccountStore
  readonly roster: Roster
  readonly outbox: Outbox
  readonly pacing: PacingReport
  readonly #connection: AccountLine
  readonly #pacers: Pacers
  readonly #status: StatusChanger
  readonly #md5: string
  #session: Session | undefined
  #me: Me
  /** Resolves when the list, presence and every friend's nick and face are loaded. */
  synced: Promise<void> = Promise.resolve()

  constructor(
    connection: AccountLine,
    dataDir: string,
    session: Session,
    md5: string,
    pacers: Pacers
  ) {
    this.#connection = connection
    this.#pacers = pacers
    this.pacing = new PacingReport(connection.emit)
    this.#status = new StatusChanger(pacers.status, this.pacing)
    this.id = connection.id
    this.uin = session.client.uin
    this.server = session.client.server
    this.#md5 = md5
    this.#me = { uin: this.uin, nick: String(this.uin), face: 0 }
    this.store = openAccountStore(dataDir, connection.serverKey, this.uin)
    this.roster = new Roster(this.store.contacts, connection.emit)
    connection.whenOffline(() => this.roster.allOffline())
    this.outbox = new Outbox({
      messages: this.store.messages,
      emit: connection.emit,
      timers: connection.timers,
      penaltyMs: connection.timing.penaltyMs,
      now: () => connection.clock.now(),
      pacer: pacers.messages,
      report: this.pacing,
      probe: connection.probe
    })
    for (const message of this.store.messages.recoverInterrupted()) {
      connection.emit({ type: 'message-state', message })
    }
    this.#session = session
  }

  get me(): Me {
    return this.#me
  }

  /** Who this account is, for the list of signed-in accounts. */
  get signedIn(): SignedIn {
    return { account: this.id, server: this.server, me: this.#me }
  }

  get sessionState(): SessionState {
    return this.#connection.sessionState
  }

  /** The session, while it lives. */
  get session(): Session | undefined {
    return this.#session?.state.phase === 'offline' ? undefined : this.#session
  }

  /** Loads me, the list and who is online, then starts the session's loops. */
  async start(): Promise<void> {
    const session = this.#session
    if (session === undefined) return
    const { nick, face } = await fetchDetails(session, this.uin)
    this.#me = { uin: this.uin, nick: nick || String(this.uin), face }
    this.#connection.emit({ type: 'me', me: this.#me })
    const missingDetails = await syncRoster(session, this.roster, this.store.contacts)
    this.#runLoops(session)
    // Offline friends' nicks and faces follow in the background: a long list would
    // otherwise hold up the login.
    this.synced = updateDetails(session, this.roster, this.store.contacts, missingDetails)
    this.synced.catch((error: unknown) => this.#loopFailed('loading nicks and faces', error))
  }

  /** Logs in again after the session ended (going offline, or the server ended it). */
  async reconnect(status: Status): Promise<void> {
    await this.#session?.logout()
    const { server, uin } = this
    this.#session = await logIn(this.#connection, server, uin, this.#md5, status, this.#pacers)
    await this.start()
  }

  async changeStatus(status: Status): Promise<void> {
    const session = this.session
    if (status === STATUS.OFFLINE) {
      this.#status.withdraw()
      await session?.logout()
      return
    }
    if (session === undefined) await this.reconnect(status)
    else await this.#status.change(session, status)
  }

  /** Logs out and closes the store. */
  async close(): Promise<void> {
    this.#status.withdraw()
    await this.#session?.logout()
    this.roster.allOffline()
    this.store.close()
  }

  #runLoops(session: Session): void {
    const { timing, clock, timers, probe, settings } = this.#connection
    const loops: [string, Promise<void>][] = [
      [
        'polling',
        runPoller({
          session,
          timing,
          clock,
          timers,
          probe,
          pollIntervalMs: () => settings().pollIntervalMs,
          accept: (batch) =>
            acceptBatch(
              {
                ...this.store,
                roster: this.roster,
                emit: this.#connection.emit,
                now: () => clock.now(),
                probe,
                onText: (message) => {
                  const reply = autoReplyFor(message, session.state.status, settings())
                  if (reply !== undefined) this.outbox.add(message.peer, reply, true)
                },
                onNewFriend: (uin) => {
                  welcomeFriend(session, this.roster, this.store.contacts, uin).catch(
                    (error: unknown) => this.#loopFailed('loading a new friend', error)
                  )
                }
              },
              batch
            )
        })
      ],
      ['sending', this.outbox.run(session)],
      [
        'keepalive',
        runKeepalive({
          session,
          clock,
          timers,
          presenceRefreshMs: timing.presenceRefreshMs,
          refreshPresence: () => refreshPresence(session, this.roster)
        })
      ]
    ]
    for (const [name, loop] of loops) loop.catch((error: unknown) => this.#loopFailed(name, error))
  }

  #loopFailed(what: string, error: unknown): void {
    const code = codeOf(error)
    // A session that ended mid-way is expected; anything else is worth a line in the log.
    if (code !== 'OFFLINE' && code !== 'NOT_LOGGED_IN')
      diagnostics().error({ err: error }, `${what} failed`)
  }
}
