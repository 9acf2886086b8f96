import type { CoreEvent } from '../../shared/model.ts'
import type { SoundName } from './sound-names.ts'

/** Presence right after login is the friend list arriving, not friends coming online. */
export const LOGIN_QUIET_MS = 5_000

/**
 * Which sound an event deserves: a received message, a system message, a friend coming
 * online (from offline, not at login). Messages of the chat the user is looking at stay quiet.
 */
export function soundFor(
  event: CoreEvent,
  context: {
    readonly wasOffline: (uin: number) => boolean
    readonly sinceLogin: number
    readonly watching: (uin: number) => boolean
  }
): SoundName | null {
  switch (event.type) {
    case 'message':
      return event.message.direction === 'in' && !context.watching(event.message.peer)
        ? 'message'
        : null
    case 'system-message':
      return 'system'
    case 'presence':
      return (event.status === 10 || event.status === 30) &&
        context.wasOffline(event.uin) &&
        context.sinceLogin >= LOGIN_QUIET_MS
        ? 'online'
        : null
    default:
      return null
  }
}
