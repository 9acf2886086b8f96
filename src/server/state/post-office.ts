import { MESSAGE_TYPE } from '../../shared/protocol/index.ts'
import type { Delivery, FriendStore, MailboxStore } from '../storage/types.ts'
import type { SessionTable, Waiters } from './types.ts'

/**
 * Puts messages in queues and wakes the long polls waiting for them, on whichever node
 * holds them. `send` resolves once the messages are committed, so a reply sent after it
 * confirms something durable.
 */
export class PostOffice {
  readonly #mailbox: MailboxStore
  readonly #waiters: Waiters
  readonly #friends: FriendStore
  readonly #sessions: SessionTable
  readonly #now: () => number

  constructor(parts: {
    mailbox: MailboxStore
    waiters: Waiters
    friends: FriendStore
    sessions: SessionTable
    now: () => number
  }) {
    this.#mailbox = parts.mailbox
    this.#waiters = parts.waiters
    this.#friends = parts.friends
    this.#sessions = parts.sessions
    this.#now = parts.now
  }

  async send(deliveries: readonly Delivery[]): Promise<void> {
    if (deliveries.length === 0) return
    await this.#mailbox.deliver(deliveries, Math.floor(this.#now() / 1000))
    const recipients = new Set(deliveries.map((delivery) => delivery.recipient))
    await Promise.all([...recipients].map((recipient) => this.#waiters.wake(recipient)))
  }

  /**
   * Section 6.8 and D-10: `uin` now appears as `status` to every logged-in user who has it
   * on their list, as a `MT=99` message.
   */
  async announceStatus(uin: number, status: number): Promise<void> {
    const owners = (await this.#friends.listedBy(uin)).filter((owner) => owner !== uin)
    if (owners.length === 0) return
    const online = await this.#sessions.statuses(owners)
    const text = String(status)
    await this.send(
      owners
        .filter((owner) => online.has(owner))
        .map((recipient) => ({ recipient, type: MESSAGE_TYPE.STATUS, from: uin, text }))
    )
  }
}
