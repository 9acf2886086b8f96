import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  serverKey,
  type ClientCore,
  type Timing
} from '../../../src/core/index.ts'
import type { Transport, TransportRequest } from '../../../src/core/transport.ts'
import { createUndiciTransport } from '../../../src/core/undici-transport.ts'
import {
  startServer,
  type RunningServer,
  type SeedFile,
  type ServerOptions
} from '../../../src/server/index.ts'
import { CodedError, type Result } from '../../../src/shared/errors.ts'
import { accountId, type AccountId } from '../../../src/shared/account-id.ts'
import type {
  AccountEvent,
  CoreEvent,
  Friend,
  LoginRequest,
  Settings
} from '../../../src/shared/model.ts'
import { decodeBody, decodeRequest, type Request } from '../../../src/shared/protocol/index.ts'

/** Penalties and rate-limit windows of the test server: 20 s becomes 400 ms. */
export const PENALTY_SCALE = 0.02
export const PENALTY_MS = 20_000 * PENALTY_SCALE

export const PASSWORD = 'test-password'
export const ALICE = 10001
export const BOB = 10002
export const CAROL = 10003
export const DAVE = 10004
export const EVE = 10005

/** Every field of a full profile (GetInfo level 3), as Carol's card must show it. */
export const CAROL_PROFILE: Readonly<Record<string, string>> = {
  AD: '江苏省苏州市人民路 1 号',
  AG: '19',
  BT: '2',
  CO: '6',
  CT: '苏州',
  CY: '中华人民共和国',
  EM: 'carol@example.com',
  HP: 'http://carol.example.com',
  JB: '学生',
  MO: '136********',
  PC: '215000',
  PH: '0512-1234567',
  PR: 'Hello & welcome, 100% 真的',
  PV: '江苏',
  RN: '胡吉阳',
  SC: '苏州大学',
  SH: '3',
  SX: '1'
}

export const SEED: SeedFile = {
  accounts: [
    {
      uin: ALICE,
      password: PASSWORD,
      nick: 'Alice 爱丽丝',
      face: 3,
      policy: 0,
      friends: [BOB, CAROL]
    },
    { uin: BOB, password: PASSWORD, nick: 'Bob', face: 6, policy: 0, friends: [ALICE] },
    { uin: CAROL, password: PASSWORD, nick: 'Carol', face: 9, policy: 1, profile: CAROL_PROFILE },
    { uin: DAVE, password: PASSWORD, nick: 'Dave', face: 12, policy: 2 },
    { uin: EVE, password: PASSWORD, nick: 'Eve', face: 15, policy: 1 }
  ]
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export function testServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, penaltyScale: PENALTY_SCALE, seed: SEED, ...options })
}

export interface Exchange {
  readonly request: Request
  /** `RES` of the reply, or the transport's error code. */
  readonly outcome: number | string
  readonly sentAt: number
  readonly repliedAt: number
}

/** The real transport, with every exchange written down for the test to look at. */
export class RecordingTransport implements Transport {
  readonly exchanges: Exchange[] = []
  readonly #inner = createUndiciTransport()

  async post(request: TransportRequest): Promise<Uint8Array> {
    const sentAt = Date.now()
    const decoded = decodeRequest(request.body).request
    try {
      const reply = await this.#inner.post(request)
      const res = decodeBody(reply).number('RES') ?? -1
      this.exchanges.push({ request: decoded, outcome: res, sentAt, repliedAt: Date.now() })
      return reply
    } catch (error) {
      const code = error instanceof CodedError ? error.code : 'INTERNAL'
      this.exchanges.push({ request: decoded, outcome: code, sentAt, repliedAt: Date.now() })
      throw error
    }
  }

  close(): Promise<void> {
    return this.#inner.close()
  }

  of(cmd: Request['cmd']): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.request.cmd === cmd)
  }
}

/** The id of `uin` on a test server, as the core makes it. */
export const accountOn = (server: RunningServer, uin: number): AccountId =>
  accountId(serverKey(server.address), uin)

/** Resolves once `condition` holds (checked every 20 ms), or fails after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/**
 * A real core on a fresh data folder, with its events kept and ways to wait for them. Its
 * account is the one it logged in last with `login`; `signIn` adds others, and every helper
 * takes another account to look at.
 */
export class TestClient {
  readonly core: ClientCore
  /** Every event of the core, with its account. */
  readonly allEvents: AccountEvent[] = []
  readonly transport = new RecordingTransport()
  readonly dataDir: string
  readonly #waiters = new Set<() => void>()
  #account: AccountId | undefined

  /** `accountSettings`: each account's own settings as if set before, by account id. */
  constructor(
    timing: Partial<Timing> = {},
    dataDir = tempDir('qq-client-'),
    accountSettings: Record<AccountId, Partial<Settings>> = {}
  ) {
    this.dataDir = dataDir
    const settings = createFileSettingsStore(join(dataDir, 'settings.json'))
    if (Object.keys(accountSettings).length > 0) settings.set('accountSettings', accountSettings)
    this.core = createClientCore({
      dataDir,
      settings,
      secrets: NO_SECRETS,
      transport: this.transport,
      timing: {
        penaltyMs: PENALTY_MS,
        // The server's rate limits, scaled like its penalties: kept exactly, never exceeded.
        messageWindowMs: 5_000 * PENALTY_SCALE,
        statusWindowMs: 3_000 * PENALTY_SCALE,
        backoffBaseMs: 100,
        backoffMaxMs: 1_000,
        ...timing
      }
    })
    this.core.onEvent((event) => {
      this.allEvents.push(event)
      for (const wake of [...this.#waiters]) wake()
    })
  }

  get calls() {
    return this.core.calls
  }

  /** The account of the last `login`. */
  get account(): AccountId {
    if (this.#account === undefined) throw new Error('not logged in')
    return this.#account
  }

  /** Makes `account` this client's own, after a login the test made itself. */
  use(account: AccountId): void {
    this.#account = account
  }

  /** The events of this client's account (of `account`). */
  get events(): CoreEvent[] {
    return this.#account === undefined ? [] : this.eventsOf(this.#account)
  }

  eventsOf(account: AccountId | null): CoreEvent[] {
    return this.allEvents.flatMap((e) => (e.account === account ? [e.event] : []))
  }

  async login(
    server: RunningServer,
    uin: number,
    patch: Partial<LoginRequest> = {}
  ): Promise<this> {
    this.#account = await this.signIn(server, uin, patch)
    return this
  }

  /** Signs one more account in on this core; the client's own account stays what it was. */
  async signIn(
    server: RunningServer,
    uin: number,
    patch: Partial<LoginRequest> = {}
  ): Promise<AccountId> {
    const signedIn = valueOf(
      await this.calls.login({
        uin,
        password: PASSWORD,
        status: 10,
        rememberPassword: false,
        autoLogin: false,
        server: server.address,
        ...patch
      })
    )
    return signedIn.account
  }

  /** Resolves with the first event (past or future) of the account that `match` picks, or fails after `ms`. */
  waitFor<T>(
    match: (event: CoreEvent) => T | undefined,
    ms = 10_000,
    what = 'an event',
    account: AccountId | null = this.account
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (const event of this.eventsOf(account)) {
          const found = match(event)
          if (found !== undefined) {
            cleanup()
            resolve(found)
            return true
          }
        }
        return false
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`timed out waiting for ${what}`))
      }, ms)
      const cleanup = () => {
        clearTimeout(timer)
        this.#waiters.delete(wake)
      }
      const wake = () => void check()
      if (!check()) this.#waiters.add(wake)
    })
  }

  /** The session phase of the last session event. */
  phase(account: AccountId = this.account): string | undefined {
    const last = this.eventsOf(account).findLast((e) => e.type === 'session')
    return last?.type === 'session' ? last.session.phase : undefined
  }

  /**
   * The friend list as a window following the events shows it: the last list, with the
   * changes to single friends (and their presence) since.
   */
  shownFriends(account: AccountId = this.account): Friend[] {
    const events = this.eventsOf(account)
    const from = events.findLastIndex((e) => e.type === 'friends')
    const list = events[from]
    if (list?.type !== 'friends') return []
    const friends = new Map(list.friends.map((friend) => [friend.uin, friend]))
    for (const event of events.slice(from + 1)) {
      if (event.type !== 'friend-updated' && event.type !== 'presence') continue
      const friend = friends.get(event.uin)
      if (friend === undefined) continue
      const changes = event.type === 'presence' ? { status: event.status } : event.changes
      friends.set(event.uin, { ...friend, ...changes })
    }
    return [...friends.values()]
  }

  /** Texts received from `peer`, in the order they arrived. */
  received(peer: number, account: AccountId = this.account): string[] {
    return this.eventsOf(account).flatMap((e) =>
      e.type === 'message' && e.message.direction === 'in' && e.message.peer === peer
        ? [e.message.text]
        : []
    )
  }

  async waitForTexts(
    peer: number,
    count: number,
    ms = 10_000,
    account: AccountId = this.account
  ): Promise<string[]> {
    await this.waitFor(
      (e) => (this.received(peer, account).length >= count ? e : undefined),
      ms,
      `${count} messages from ${peer}`,
      account
    )
    return this.received(peer, account)
  }

  async stop(): Promise<void> {
    await this.core.stop()
    await this.transport.close()
    removeDir(this.dataDir)
  }
}
