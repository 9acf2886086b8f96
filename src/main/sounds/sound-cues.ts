import type { CoreEvent } from '../../shared/model.ts'
import type { SoundName } from '../../shared/sound-names.ts'

/**
 * Which sound an event deserves: a received message, a friend coming online (the core
 * records that as a system message, never for the list arriving at login), any other
 * system message. Messages of the chat the user is looking at stay quiet.
 */
export function soundFor(event: CoreEvent, watching: (uin: number) => boolean): SoundName | null {
  switch (event.type) {
    case 'message':
      return event.message.direction === 'in' && !watching(event.message.peer) ? 'message' : null
    case 'system-message':
      return event.message.kind === 'online' ? 'online' : 'system'
    default:
      return null
  }
}
