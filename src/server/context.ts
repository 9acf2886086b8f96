import type { DatabaseSync } from 'node:sqlite'
import { STATUS } from '../shared/protocol/index.ts'
import { LoginGuard } from './state/login-guard.ts'
import { Penalties } from './state/penalties.ts'
import { PostOffice } from './state/post-office.ts'
import { Sessions, visibleStatus } from './state/sessions.ts'
import { Waiters } from './state/waiters.ts'
import { Accounts } from './storage/accounts.ts'
import { AddRequests } from './storage/add-requests.ts'
import { Friends } from './storage/friends.ts'
import { Mailbox } from './storage/mailbox.ts'

export interface ServerConfig {
  /** Section 8's extensions off: no long poll, no acknowledged batches. */
  readonly classic: boolean
  /** Multiplies the 20 s / 30 s penalties and the rate-limit windows. */
  readonly penaltyScale: number
  readonly idleTimeoutSeconds: number
  readonly heartbeatSeconds: number
}

/** Everything a command handler works with. */
export interface ServerContext {
  readonly config: ServerConfig
  readonly accounts: Accounts
  readonly friends: Friends
  readonly addRequests: AddRequests
  readonly mailbox: Mailbox
  readonly sessions: Sessions
  readonly waiters: Waiters
  readonly penalties: Penalties
  readonly loginGuard: LoginGuard
  readonly post: PostOffice
  readonly now: () => number
}

export function createContext(db: DatabaseSync, config: ServerConfig): ServerContext {
  const now = (): number => Date.now()
  const accounts = new Accounts(db)
  const friends = new Friends(db)
  const mailbox = new Mailbox(db)
  const waiters = new Waiters()
  const sessions: Sessions = new Sessions({
    idleMs: config.idleTimeoutSeconds * 1000,
    rateScale: config.penaltyScale,
    now,
    // D-10: an ended session appears offline, and its held long polls answer RES=20.
    onEnd: (session) => {
      if (visibleStatus(session.status) !== STATUS.OFFLINE) {
        post.announceStatus(session.uin, STATUS.OFFLINE)
      }
      waiters.wake(session.uin)
    }
  })
  const post = new PostOffice({ mailbox, waiters, friends, sessions, now })
  return {
    config,
    accounts,
    friends,
    addRequests: new AddRequests(db),
    mailbox,
    sessions,
    waiters,
    penalties: new Penalties(config.penaltyScale),
    loginGuard: new LoginGuard(config.penaltyScale),
    post,
    now
  }
}
