import type { ChatMessage, Settings, Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import { AUTO_REPLY_MARKER } from '../shared/auto-reply-marker.ts'

export { AUTO_REPLY_MARKER, isAutoReply } from '../shared/auto-reply-marker.ts'

/** The answer to send for `message`, or undefined when it gets none. */
export function autoReplyFor(
  message: ChatMessage,
  status: Status,
  settings: Settings
): string | undefined {
  const { enabled, text } = settings.autoReply
  if (!enabled || status !== STATUS.BUSY || text.trim() === '') return undefined
  if (message.direction !== 'in' || message.auto === true) return undefined
  return AUTO_REPLY_MARKER + text
}
