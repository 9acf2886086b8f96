import type { Unsubscribe } from '../../../shared/api.ts'
import type { AppError } from '../../../shared/errors.ts'
import type { CoreEvent, Snapshot } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'
import { useChatStore } from './chat.ts'
import { useFriendsStore } from './friends.ts'
import { useSessionStore } from './session.ts'
import { useSettingsStore } from './settings.ts'
import { useSystemStore } from './system.ts'

function applySnapshot(snapshot: Snapshot): void {
  useSessionStore().applySession(snapshot.session)
  useSessionStore().applyMe(snapshot.me)
  useFriendsStore().applyFriends(snapshot.friends, snapshot.groups)
  useSystemStore().applyAll(snapshot.systemMessages)
  useSettingsStore().apply(snapshot.settings)
}

export function applyEvent(event: CoreEvent, now = Date.now()): void {
  switch (event.type) {
    case 'session':
      return useSessionStore().applySession(event.session)
    case 'me':
      return useSessionStore().applyMe(event.me)
    case 'presence': {
      const friends = useFriendsStore()
      const previous = friends.byUin.get(event.uin)?.status
      friends.applyPresence(event.uin, event.status)
      return useSystemStore().applyPresence(event.uin, event.status, previous, now)
    }
    case 'friends':
      return useFriendsStore().applyFriends(event.friends, event.groups)
    case 'message':
    case 'message-state':
      return useChatStore().applyMessage(event.message)
    case 'system-message':
      return useSystemStore().applyMessage(event.message)
    case 'settings':
      return useSettingsStore().apply(event.settings)
  }
}

/**
 * Brings this window's stores up to date: listens first, then takes the snapshot, then
 * applies what arrived meanwhile (each event is safe to apply twice), then follows events.
 * Resolves to the error when the snapshot cannot be had, else to null.
 */
export async function syncWindow(): Promise<{ error: AppError | null; stop: Unsubscribe }> {
  let waiting: CoreEvent[] | null = []
  const stop = bridge().onEvent((event) => {
    if (waiting) waiting.push(event)
    else applyEvent(event)
  })
  const snapshot = await bridge().getSnapshot()
  if (snapshot.ok) applySnapshot(snapshot.value)
  const missed = waiting
  waiting = null
  for (const event of missed) applyEvent(event)
  return { error: snapshot.ok ? null : snapshot.error, stop }
}
