/** Starts every automatic answer, and is never answered: two busy clients cannot loop. */
export const AUTO_REPLY_MARKER = '[自动回复] '

const BARE_MARKER = AUTO_REPLY_MARKER.trimEnd()

/** A text another client answered automatically: it starts with the marker (space or not). */
export const isAutoReply = (text: string): boolean => text.startsWith(BARE_MARKER)

/**
 * The answer without its leading marker, for a window that shows an auto-reply tag instead;
 * the marker stays in what is sent and stored, where other clients look for it.
 */
export const withoutAutoReplyMarker = (text: string): string =>
  isAutoReply(text) ? text.slice(BARE_MARKER.length).trimStart() : text
