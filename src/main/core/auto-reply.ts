import type { ChatMessage, Settings, Status } from '../../shared/model.ts'
import { STATUS } from '../../shared/protocol/index.ts'

/** Starts every automatic answer, and is never answered: two busy clients cannot loop. */
export const AUTO_REPLY_MARKER = '[自动回复] '

/** A text another client answered automatically: it starts with the marker (space or not). */
export const isAutoReply = (text: string): boolean => text.startsWith(AUTO_REPLY_MARKER.trimEnd())

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
