import { MESSAGE_TYPE } from '../../shared/protocol/index.ts'
import type { Friends } from '../storage/friends.ts'
import type { Delivery, Mailbox } from '../storage/mailbox.ts'
import type { Sessions } from './sessions.ts'
import type { Waiters } from './waiters.ts'

/**
 * Puts messages in queues and wakes the long polls waiting for them. `send` returns once
 * the messages are committed, so a reply sent after it confirms something durable.
 */
export class PostOffice {
  readonly #mailbox: Mailbox
  readonly #waiters: Waiters
  readonly #friends: Friends
  readonly #sessions: Sessions
  readonly #now: () => number

  constructor(parts: {
    mailbox: Mailbox
    waiters: Waiters
    friends: Friends
    sessions: Sessions
    now: () => number
  }) {
    this.#mailbox = parts.mailbox
    this.#waiters = parts.waiters
    this.#friends = parts.friends
    this.#sessions = parts.sessions
    this.#now = parts.now
  }

  send(deliveries: readonly Delivery[]): void {
    this.#mailbox.deliver(deliveries, Math.floor(this.#now() / 1000))
    for (const { recipient } of deliveries) this.#waiters.wake(recipient)
  }

  /**
   * Section 6.8 and D-10: `uin` now appears as `status` to every logged-in user who has it
   * on their list, as a `MT=99` message.
   */
  announceStatus(uin: number, status: number): void {
    const text = String(status)
    this.send(
      this.#friends
        .listedBy(uin)
        .filter((owner) => owner !== uin && this.#sessions.current(owner) !== undefined)
        .map((recipient) => ({ recipient, type: MESSAGE_TYPE.STATUS, from: uin, text }))
    )
  }
}
