import { accountId, BUILT_IN_SERVER, type AccountId } from '../../../src/shared/account-id.ts'
import {
  DEFAULT_GROUP_ID,
  type Friend,
  type Settings,
  type SignedIn,
  type Snapshot
} from '../../../src/shared/model.ts'
import { createStateMirror, type StateMirror } from '../../../src/main/state-mirror.ts'

export const SETTINGS: Settings = {
  server: '',
  hostForLan: false,
  pollIntervalMs: 2000,
  sendKey: 'enter',
  theme: 'system',
  language: 'en',
  notifications: 'full',
  sounds: true,
  autostart: false,
  autoReply: { enabled: false, text: '' }
}

export const friend = (uin: number, extra: Partial<Friend> = {}): Friend => ({
  uin,
  nick: `nick${uin}`,
  face: 0,
  status: 10,
  remark: '',
  groupId: DEFAULT_GROUP_ID,
  unread: 0,
  ...extra
})

/** The account of number `uin` on the app's own server. */
export const account = (uin: number): AccountId => accountId(BUILT_IN_SERVER, uin)

export const signedIn = (uin: number, nick = 'me'): SignedIn => ({
  account: account(uin),
  server: '127.0.0.1:8000',
  me: { uin, nick, face: 0 }
})

export function snapshot(extra: Partial<Snapshot> = {}, uin = 10000): Snapshot {
  return {
    session: { phase: 'online', uin, status: 10 },
    me: { uin, nick: 'me', face: 0 },
    friends: [],
    groups: [{ id: DEFAULT_GROUP_ID, name: 'Friends' }],
    systemMessages: [],
    settings: SETTINGS,
    pacing: { messagesUntil: null, status: null },
    ...extra
  }
}

/** A mirror with these accounts signed in (in this order), each with its snapshot. */
export function mirrorOf(
  ...accounts: { who: SignedIn; snapshot?: Partial<Snapshot> }[]
): StateMirror {
  const mirror = createStateMirror(SETTINGS)
  mirror.apply({
    account: null,
    event: { type: 'accounts', accounts: accounts.map(({ who }) => who) }
  })
  for (const { who, snapshot: extra } of accounts) {
    mirror.load(who.account, snapshot({ me: who.me, ...extra }, who.me.uin))
  }
  return mirror
}
