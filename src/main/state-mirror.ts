/**
 * What the shell itself shows (tray, notifications, sounds, window titles) needs a little of
 * the core's state: kept here, per signed-in account, from the same events the windows get.
 * Which accounts are signed in is the core's word (`accounts`); an account's session, friends
 * and settings come from its snapshot and then its events.
 */
import type { AccountId } from '../shared/account-id.ts'
import { STATUS } from '../shared/protocol/index.ts'
import type {
  AccountEvent,
  CoreEvent,
  Friend,
  FriendChanges,
  Me,
  SessionState,
  Settings,
  SignedIn,
  Snapshot
} from '../shared/model.ts'

export interface AccountState {
  readonly account: AccountId
  /** `host:port` of its server, as shown to the user. */
  readonly server: string
  readonly me: Me
  readonly session: SessionState
  /**
   * Names and unread counts, from the latest friend list and the changes since. Presence is
   * not followed: nothing the shell shows reads a friend's status, and presence is the most
   * frequent event, which would copy this map and rebuild the tray menu each time.
   */
  readonly friends: ReadonlyMap<number, Friend>
  /** The account's merged settings (notifications, sounds are its own). */
  readonly settings: Settings
}

export interface ShellState {
  /** The signed-in accounts, in the order they signed in. */
  readonly accounts: ReadonlyMap<AccountId, AccountState>
  /** The app-wide settings (language, autostart), the same for every account. */
  readonly settings: Settings
}

export interface StateMirror {
  current(): ShellState
  apply(event: AccountEvent): void
  /** An account's state as its snapshot says, for an account the mirror lists. */
  load(account: AccountId, snapshot: Snapshot): void
  /** Called after every change, with the state before it. */
  onChange(listener: (state: ShellState, before: ShellState) => void): void
}

/** Until its snapshot arrives: signed in, so online, with the app's settings. */
function newAccount({ account, server, me }: SignedIn, settings: Settings): AccountState {
  return {
    account,
    server,
    me,
    session: { phase: 'online', uin: me.uin, status: STATUS.ONLINE },
    friends: new Map(),
    settings
  }
}

function withFriend(
  state: AccountState,
  uin: number,
  changes: FriendChanges
): AccountState | undefined {
  const friend = state.friends.get(uin)
  if (friend === undefined) return undefined
  return { ...state, friends: new Map(state.friends).set(uin, { ...friend, ...changes }) }
}

/** One account's state after one of its events; undefined when the event changes nothing here. */
function nextAccount(state: AccountState, event: CoreEvent): AccountState | undefined {
  switch (event.type) {
    case 'session':
      return { ...state, session: event.session }
    case 'me':
      return { ...state, me: event.me }
    case 'settings':
      return { ...state, settings: event.settings }
    case 'friends':
      return { ...state, friends: new Map(event.friends.map((friend) => [friend.uin, friend])) }
    case 'friend-updated':
      return withFriend(state, event.uin, event.changes)
    default:
      return undefined
  }
}

/** The accounts the core lists, each keeping what the mirror knew of it. */
function listed(state: ShellState, signedIn: readonly SignedIn[]): ShellState {
  const accounts = new Map<AccountId, AccountState>()
  for (const entry of signedIn) {
    const known = state.accounts.get(entry.account)
    accounts.set(
      entry.account,
      known === undefined ? newAccount(entry, state.settings) : { ...known, me: entry.me }
    )
  }
  return { ...state, accounts }
}

export function createStateMirror(appSettings: Settings): StateMirror {
  let state: ShellState = { accounts: new Map(), settings: appSettings }
  const listeners: ((state: ShellState, before: ShellState) => void)[] = []

  function change(next: ShellState): void {
    const before = state
    state = next
    for (const listener of listeners) listener(state, before)
  }

  function withAccount(account: AccountId, next: AccountState): ShellState {
    return { ...state, accounts: new Map(state.accounts).set(account, next) }
  }

  function next({ account, event }: AccountEvent): ShellState | undefined {
    if (account === null) {
      if (event.type === 'accounts') return listed(state, event.accounts)
      if (event.type === 'settings') return { ...state, settings: event.settings }
      return undefined
    }
    const known = state.accounts.get(account)
    // Events of an account the core has not listed yet, or closed, are not the shell's.
    if (known === undefined) return undefined
    if (event.type === 'account-closed') {
      const accounts = new Map(state.accounts)
      accounts.delete(account)
      return { ...state, accounts }
    }
    const updated = nextAccount(known, event)
    return updated === undefined ? undefined : withAccount(account, updated)
  }

  return {
    current: () => state,
    apply(event) {
      const updated = next(event)
      if (updated !== undefined) change(updated)
    },
    load(account, snapshot) {
      const known = state.accounts.get(account)
      if (known === undefined) return
      change(
        withAccount(account, {
          ...known,
          me: snapshot.me ?? known.me,
          session: snapshot.session,
          settings: snapshot.settings,
          friends: new Map(snapshot.friends.map((friend) => [friend.uin, friend]))
        })
      )
    },
    onChange: (listener) => void listeners.push(listener)
  }
}

/** Every account's friends with unread messages, in sign-in order, then the core's (by number). */
export const unreadChats = (state: ShellState): { account: AccountId; friend: Friend }[] =>
  [...state.accounts.values()].flatMap(({ account, friends }) =>
    [...friends.values()]
      .filter((friend) => friend.unread > 0)
      .map((friend) => ({ account, friend }))
  )
