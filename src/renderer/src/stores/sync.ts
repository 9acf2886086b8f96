import type { Unsubscribe } from '../../../shared/api.ts'
import type { AppError } from '../../../shared/errors.ts'
import type { CoreEvent, Snapshot } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'
import { useChatStore } from './chat.ts'
import { useFriendsStore } from './friends.ts'
import { useSessionStore } from './session.ts'
import { useSettingsStore } from './settings.ts'
import { useSystemStore } from './system.ts'

/** The stores that follow the core, taken once so events always reach this window's. */
function windowStores() {
  return {
    session: useSessionStore(),
    friends: useFriendsStore(),
    chat: useChatStore(),
    system: useSystemStore(),
    settings: useSettingsStore()
  }
}
type WindowStores = ReturnType<typeof windowStores>

function applySnapshot(stores: WindowStores, snapshot: Snapshot): void {
  stores.session.applySession(snapshot.session)
  stores.session.applyMe(snapshot.me)
  stores.friends.applyFriends(snapshot.friends, snapshot.groups)
  stores.system.applyAll(snapshot.systemMessages)
  stores.settings.apply(snapshot.settings)
  stores.session.applyPacing(snapshot.pacing)
}

function applyEvent(stores: WindowStores, event: CoreEvent): void {
  switch (event.type) {
    case 'session':
      return stores.session.applySession(event.session)
    case 'me':
      return stores.session.applyMe(event.me)
    case 'presence':
      return stores.friends.applyPresence(event.uin, event.status)
    case 'friends':
      return stores.friends.applyFriends(event.friends, event.groups)
    case 'friend-updated':
      return stores.friends.applyUpdate(event.uin, event.changes)
    case 'message':
    case 'message-state':
      return stores.chat.applyMessage(event.message)
    case 'system-message':
      return stores.system.applyMessage(event.message)
    case 'settings':
      return stores.settings.apply(event.settings)
    case 'pacing':
      return stores.session.applyPacing(event.pacing)
  }
}

/**
 * Brings this window's stores up to date: listens first, then takes the snapshot, then
 * applies what arrived meanwhile (each event is safe to apply twice), then follows events.
 * Says why when the snapshot cannot be had; `stop` ends the following.
 */
export async function syncWindow(): Promise<{ error: AppError | null; stop: Unsubscribe }> {
  const stores = windowStores()
  let waiting: CoreEvent[] | null = []
  const stop = bridge().onEvent((event) => {
    if (waiting) waiting.push(event)
    else applyEvent(stores, event)
  })
  const snapshot = await bridge().getSnapshot()
  if (snapshot.ok) applySnapshot(stores, snapshot.value)
  // A User Timing mark: where DevTools and the UI benchmark start a window's first render.
  performance.mark('qq:synced')
  const missed = waiting
  waiting = null
  for (const event of missed) applyEvent(stores, event)
  return { error: snapshot.ok ? null : snapshot.error, stop }
}
