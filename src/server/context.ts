import { STATUS } from '../shared/protocol/index.ts'
import { createMemoryState } from './state/memory/memory-state.ts'
import { Penalties } from './state/penalties.ts'
import { PostOffice } from './state/post-office.ts'
import {
  visibleStatus,
  type LiveState,
  type LiveStateOptions,
  type LoginGuard,
  type RateLimits,
  type SessionTable,
  type Waiters
} from './state/types.ts'
import type {
  AccountStore,
  AddRequestStore,
  FriendStore,
  MailboxStore,
  Store
} from './storage/types.ts'

export interface ServerConfig {
  /** Section 8's extensions off: no long poll, no acknowledged batches. */
  readonly classic: boolean
  /** Multiplies the 20 s / 30 s penalties and the rate-limit windows. */
  readonly penaltyScale: number
  readonly idleTimeoutSeconds: number
  readonly heartbeatSeconds: number
}

/** Makes the live state (memory for one server; a shared one for a cluster). */
export type LiveStateFactory = (options: LiveStateOptions) => LiveState

/** Everything a command handler works with. */
export interface ServerContext {
  readonly config: ServerConfig
  readonly accounts: AccountStore
  readonly friends: FriendStore
  readonly addRequests: AddRequestStore
  readonly mailbox: MailboxStore
  readonly sessions: SessionTable
  readonly rateLimits: RateLimits
  readonly waiters: Waiters
  readonly penalties: Penalties
  readonly loginGuard: LoginGuard
  readonly post: PostOffice
  readonly now: () => number
  /** Closes the live state (its timers, its connections); the store is closed by its owner. */
  readonly close: () => Promise<void>
}

export function createContext(
  store: Store,
  config: ServerConfig,
  makeState: LiveStateFactory = createMemoryState
): ServerContext {
  const now = (): number => Date.now()
  const state: LiveState = makeState({
    idleMs: config.idleTimeoutSeconds * 1000,
    rateScale: config.penaltyScale,
    now,
    // D-10: an ended session appears offline, and its held long polls answer RES=20. When
    // the store cannot be reached, the offline notice is lost (the request that ended the
    // session gets NULL): friends see the change at their next Query_Stat.
    onEnd: async (session) => {
      const announced =
        visibleStatus(session.status) === STATUS.OFFLINE
          ? undefined
          : post.announceStatus(session.uin, STATUS.OFFLINE)
      await Promise.all([
        state.rateLimits.forget(session.id),
        state.waiters.wake(session.uin),
        announced
      ])
    }
  })
  const { sessions, waiters } = state
  const { accounts, friends, mailbox } = store
  const post = new PostOffice({ mailbox, waiters, friends, sessions, now })
  return {
    config,
    accounts,
    friends,
    addRequests: store.addRequests,
    mailbox,
    sessions,
    rateLimits: state.rateLimits,
    waiters,
    penalties: new Penalties(config.penaltyScale),
    loginGuard: state.loginGuard,
    post,
    now,
    close: () => state.close()
  }
}
