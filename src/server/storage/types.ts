/**
 * What the server keeps, as small async interfaces: SQLite (`sqlite/`, the embedded default)
 * and PostgreSQL (`postgres/`, for a cluster) implement them. Every method that writes
 * resolves only once its write is committed, so a reply sent after it confirms something
 * durable; a store that cannot be reached rejects, and the request gets no reply (NULL).
 */
import type { AddPolicy } from '../../shared/protocol/index.ts'
import type { ProfileValues } from './profile.ts'

export type { ProfileValues } from './profile.ts'

export interface Account {
  readonly uin: number
  readonly nick: string
  readonly face: number
  readonly policy: AddPolicy
  readonly profile: ProfileValues
}

export interface NewAccount extends Omit<Account, 'profile'> {
  readonly passwordHash: string
  /** Unknown keys are dropped; numbers are kept as text. */
  readonly profile: Readonly<Record<string, unknown>>
  /** Numbers this account lists (D-15: one-way); each must exist or be created with it. */
  readonly friends?: readonly number[]
}

export interface AccountStore {
  get(uin: number): Promise<Account | undefined>
  exists(uin: number): Promise<boolean>
  passwordHash(uin: number): Promise<string | undefined>
  /** Creates the accounts with their friend lists, all of them or none (one transaction). */
  create(accounts: readonly NewAccount[]): Promise<void>
  /** Returns whether the account exists. */
  setPasswordHash(uin: number, passwordHash: string): Promise<boolean>
  /** Removes the account with its list, its queue and its place on others' lists. */
  remove(uin: number): Promise<boolean>
  /** Every account, ordered by number. */
  all(): Promise<Account[]>
  count(): Promise<number>
}

/** One-way friend lists (D-15): `owner` has added `friend`. Ordered by number (D-14). */
export interface FriendStore {
  /** Up to `limit` friends of `owner` numbered above `after`. */
  page(owner: number, after: number, limit: number): Promise<number[]>
  all(owner: number): Promise<number[]>
  count(owner: number): Promise<number>
  has(owner: number, friend: number): Promise<boolean>
  add(owner: number, friend: number): Promise<void>
  /** Returns whether `friend` was on the list. */
  remove(owner: number, friend: number): Promise<boolean>
  /** Everyone who has `uin` on their list: the people its status changes are sent to. */
  listedBy(uin: number): Promise<number[]>
}

/**
 * Open verification requests: `requester` asked `target` to let them add `target`
 * (`Ack_AddToList CD=2`). Only an open request can be accepted or refused, so nobody can
 * put themselves on a list by "accepting" a request that was never made.
 */
export interface AddRequestStore {
  /** Opens the request; resolves to false when it was already open. */
  open(requester: number, target: number): Promise<boolean>
  /** Closes the request; resolves to whether it was open. */
  close(requester: number, target: number): Promise<boolean>
}

/** D-21: the most messages that wait for one user; past it the oldest go. */
export const MAX_QUEUED = 1000

export interface QueuedMessage {
  readonly type: number
  readonly from: number
  readonly text: string
  /** Unix seconds when it reached the server. */
  readonly time: number
}

export interface Delivery {
  readonly recipient: number
  readonly type: number
  readonly from: number
  readonly text: string
}

/** A batch awaiting acknowledgement (D-24); id 0 is the empty batch. */
export interface Batch {
  readonly id: number
  readonly messages: readonly QueuedMessage[]
}

/**
 * Every user's queue: at most MAX_QUEUED waiting, at most MAX_MESSAGES_PER_REPLY per reply.
 * A batch's id is the id of its last message, so ids only grow.
 */
export interface MailboxStore {
  /** Queues every delivery in one transaction; resolves once it is committed. */
  deliver(deliveries: readonly Delivery[], time: number): Promise<void>
  /** Classic `GetMsgEx`: the oldest messages, removed as they are returned (at most once). */
  take(recipient: number): Promise<QueuedMessage[]>
  /**
   * `GetMsgEx` with `AK` (D-24): `ack` naming the batch awaiting acknowledgement removes it;
   * a batch still awaiting one is returned again; otherwise the oldest waiting messages
   * become the next batch. Never loses a message: at worst one is sent again.
   */
  batch(recipient: number, ack: string): Promise<Batch>
  count(recipient: number): Promise<number>
}

export type DemoRole = 'person' | 'bot'

export interface DemoAccount {
  readonly uin: number
  readonly nick: string
  readonly face: number
  readonly password: string
  readonly role: DemoRole
}

/** The demo set's passwords, kept so that they stay the same across restarts. */
export interface DemoAccountStore {
  remember(accounts: readonly { uin: number; password: string; role: DemoRole }[]): Promise<void>
  /** The demo accounts that still exist and keep their demo password, ordered by number. */
  list(): Promise<DemoAccount[]>
  /** A password set by hand replaces the demo one, which must then not be shown any more. */
  forget(uin: number): Promise<void>
}

/** Everything the server keeps, in one place that can be closed. */
export interface Store {
  /** `sqlite` or `postgres`, for messages that depend on it. */
  readonly kind: 'sqlite' | 'postgres'
  readonly accounts: AccountStore
  readonly friends: FriendStore
  readonly addRequests: AddRequestStore
  readonly mailbox: MailboxStore
  readonly demoAccounts: DemoAccountStore
  /**
   * Runs `work` while no other server on this store runs its own: nodes started together
   * make the demo set and import the seed one after the other, so the later ones find them.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}
