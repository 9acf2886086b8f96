import {
  DEFAULT_GROUP_ID,
  type Friend,
  type Settings,
  type Snapshot
} from '../../../src/shared/model.ts'

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

export function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  return {
    session: { phase: 'online', uin: 10000, status: 10 },
    me: { uin: 10000, nick: 'me', face: 0 },
    friends: [],
    groups: [{ id: DEFAULT_GROUP_ID, name: 'Friends' }],
    systemMessages: [],
    settings: SETTINGS,
    pacing: { messagesUntil: null, status: null },
    ...extra
  }
}
