/**
 * Tells the user about what happens while they look elsewhere: a sound (unless that account
 * muted them) and a native notification (as much as that account's privacy setting allows)
 * for messages and system messages, friends coming online among them. With several
 * accounts signed in, a notification names the account it came to.
 */
import type { AccountId } from '../shared/account-id.ts'
import type { AccountEvent } from '../shared/model.ts'
import type { Translate } from './i18n.ts'
import { addressedTo, notificationText, type NotificationText } from './notify/notification-text.ts'
import { soundFor } from './sounds/sound-cues.ts'
import type { SoundName } from '../shared/sound-names.ts'
import { displayName } from '../shared/display-name.ts'
import type { StateMirror } from './state-mirror.ts'

/** One sound for a burst (ten messages in a batch ring once, whichever accounts they came to). */
const SOUND_GAP_MS = 400

export interface AlertOutputs {
  /** The catalogue in the language the settings ask for now. */
  translator(): Translate
  /** True while `account`'s chat with `uin` is the focused window. */
  watching(account: AccountId, uin: number): boolean
  playSound(name: SoundName): void
  /** A click leads to `account`'s chat or system messages. */
  notify(text: NotificationText, account: AccountId): void
  now(): number
}

export function createDesktopAlerts(
  mirror: StateMirror,
  outputs: AlertOutputs
): (event: AccountEvent) => void {
  let lastSound = Number.NEGATIVE_INFINITY

  return ({ account, event }) => {
    const state = mirror.current()
    const mine = account === null ? undefined : state.accounts.get(account)
    if (account === null || mine === undefined) return
    const watching = (uin: number): boolean => outputs.watching(account, uin)
    const now = outputs.now()
    const sound = soundFor(event, watching)
    if (sound !== null && mine.settings.sounds && now - lastSound >= SOUND_GAP_MS) {
      lastSound = now
      outputs.playSound(sound)
    }
    const watched = event.type === 'message' && watching(event.message.peer)
    const t = outputs.translator()
    const text = watched
      ? null
      : notificationText(
          event,
          mine.settings.notifications,
          (uin) => displayName(mine.friends.get(uin) ?? { uin }),
          t
        )
    if (text === null) return
    outputs.notify(state.accounts.size > 1 ? addressedTo(text, mine.me, t) : text, account)
  }
}
