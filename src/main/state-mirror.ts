/**
 * What the shell itself shows (tray, notifications, sounds) needs a little of the core's
 * state: kept here from the first snapshot and then the same events the windows get.
 */
import type {
  CoreEvent,
  Friend,
  FriendChanges,
  Me,
  SessionState,
  Settings,
  Snapshot
} from '../shared/model.ts'

export interface ShellState {
  readonly session: SessionState
  readonly me: Me | null
  /**
   * Names and unread counts, from the latest friend list and the changes since. Presence is
   * not followed: nothing the shell shows reads a friend's status, and presence is the most
   * frequent event, which would copy this map and rebuild the tray menu each time.
   */
  readonly friends: ReadonlyMap<number, Friend>
  readonly settings: Settings
}

export interface StateMirror {
  current(): ShellState
  apply(event: CoreEvent): void
  /** Called after every change, with the state before it. */
  onChange(listener: (state: ShellState, before: ShellState) => void): void
}

/** The state with one friend's row changed; a friend not on the list changes nothing. */
function withFriend(
  state: ShellState,
  uin: number,
  changes: FriendChanges
): ShellState | undefined {
  const friend = state.friends.get(uin)
  if (friend === undefined) return undefined
  return { ...state, friends: new Map(state.friends).set(uin, { ...friend, ...changes }) }
}

export function createStateMirror(initial: Snapshot): StateMirror {
  let state: ShellState = {
    session: initial.session,
    me: initial.me,
    friends: new Map(initial.friends.map((friend) => [friend.uin, friend])),
    settings: initial.settings
  }
  const listeners: ((state: ShellState, before: ShellState) => void)[] = []

  function change(next: ShellState): void {
    const before = state
    state = next
    for (const listener of listeners) listener(state, before)
  }

  function next(event: CoreEvent): ShellState | undefined {
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

  return {
    current: () => state,
    apply(event) {
      const updated = next(event)
      if (updated !== undefined) change(updated)
    },
    onChange: (listener) => void listeners.push(listener)
  }
}
