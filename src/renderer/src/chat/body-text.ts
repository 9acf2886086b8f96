import { withoutAutoReplyMarker } from '../../../shared/auto-reply-marker.ts'
import type { ChatMessage } from '../../../shared/model.ts'

/** What a bubble shows of a message: an auto-reply's marker gives way to the tag beside it. */
export const bodyText = (message: ChatMessage): string =>
  message.auto === true ? withoutAutoReplyMarker(message.text) : message.text
