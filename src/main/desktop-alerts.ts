/**
 * Tells the user about what happens while they look elsewhere: a sound (unless muted) and a
 * native notification (as much as the privacy setting allows) for messages and system
 * messages, friends coming online among them.
 */
import type { CoreEvent } from '../shared/model.ts'
import type { Translate } from './i18n.ts'
import { notificationText, type NotificationText } from './notify/notification-text.ts'
import { soundFor } from './sounds/sound-cues.ts'
import type { SoundName } from '../shared/sound-names.ts'
import { displayName } from '../shared/display-name.ts'
import type { StateMirror } from './state-mirror.ts'

/** One sound for a burst (ten messages in a batch ring once). */
const SOUND_GAP_MS = 400

export interface AlertOutputs {
  /** The catalogue in the language the settings ask for now. */
  translator(): Translate
  /** True while the chat with `uin` is the focused window. */
  watching(uin: number): boolean
  playSound(name: SoundName): void
  notify(text: NotificationText): void
  now(): number
}

export function createDesktopAlerts(
  mirror: StateMirror,
  outputs: AlertOutputs
): (event: CoreEvent) => void {
  let lastSound = Number.NEGATIVE_INFINITY

  return (event) => {
    const state = mirror.current()
    const now = outputs.now()
    const sound = soundFor(event, outputs.watching)
    if (sound !== null && state.settings.sounds && now - lastSound >= SOUND_GAP_MS) {
      lastSound = now
      outputs.playSound(sound)
    }
    const watched = event.type === 'message' && outputs.watching(event.message.peer)
    const text = watched
      ? null
      : notificationText(
          event,
          state.settings.notifications,
          (uin) => displayName(state.friends.get(uin) ?? { uin }),
          outputs.translator()
        )
    if (text !== null) outputs.notify(text)
  }
}
