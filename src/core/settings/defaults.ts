import type { Settings } from '../../shared/model.ts'

/** The away message QQ offered. */
export const DEFAULT_AUTO_REPLY = '您好，我现在有事不在，一会再和您联系。'

/** The settings of a first run, and of any key a stored file lacks or has wrong. */
export const DEFAULT_SETTINGS: Settings = {
  server: '',
  hostForLan: false,
  pollIntervalMs: 2_000,
  sendKey: 'enter',
  theme: 'system',
  language: 'system',
  notifications: 'full',
  sounds: true,
  autostart: false,
  autoReply: { enabled: false, text: DEFAULT_AUTO_REPLY }
}
