import type { Unsubscribe } from '../../../shared/api.ts'
import type { AppError } from '../../../shared/errors.ts'
import type { CoreEvent, Snapshot } from '../../../shared/model.ts'
import { bridge, type WindowBridge } from '../bridge.ts'
import { windowAccount } from '../window-account.ts'
import { useChatStore } from './chat.ts'
import { useFriendsStore } from './friends.ts'
import { useLoginStore } from './login.ts'
import { useSessionStore } from './session.ts'
import { useSettingsStore } from './settings.ts'
import { useSystemStore } from './system.ts'
import { useWindowsStore } from './windows.ts'

/** The stores that follow the core, taken once so events always reach this window's. */
function windowStores() {
  return {
    session: useSessionStore(),
    friends: useFriendsStore(),
    chat: useChatStore(),
    system: useSystemStore(),
    settings: useSettingsStore(),
    login: useLoginStore(),
    windows: useWindowsStore()
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
    case 'accounts':
      return stores.login.applyAccounts(event.accounts)
    case 'account-closed':
      // This window's account is gone (logged out, lost for good, removed): so is its window.
      void stores.windows.close()
  }
}

/** The login window belongs to no account: it has no snapshot, only the app's settings. */
async function takeState(qq: WindowBridge, stores: WindowStores): Promise<AppError | null> {
  if (windowAccount() === null) {
    const settings = await qq.getSettings()
    if (settings.ok) stores.settings.apply(settings.value)
    return settings.ok ? null : settings.error
  }
  const snapshot = await qq.getSnapshot()
  if (snapshot.ok) applySnapshot(stores, snapshot.value)
  return snapshot.ok ? null : snapshot.error
}

/**
 * Brings this window's stores up to date: listens first (to its own account's events and
 * the app's), then takes the snapshot, then applies what arrived meanwhile (each event is
 * safe to apply twice), then follows events. Says why when the snapshot cannot be had (a
 * window of an account that is not signed in: NOT_LOGGED_IN); `stop` ends the following.
 */
export async function syncWindow(): Promise<{ error: AppError | null; stop: Unsubscribe }> {
  const qq = bridge()
  const stores = windowStores()
  let waiting: CoreEvent[] | null = []
  const stop = qq.onEvent((event) => {
    if (waiting) waiting.push(event)
    else applyEvent(stores, event)
  })
  const error = await takeState(qq, stores)
  // A User Timing mark: where DevTools and the UI benchmark start a window's first render.
  performance.mark('qq:synced')
  const missed = waiting
  waiting = null
  for (const event of missed) applyEvent(stores, event)
  return { error, stop }
}
