import type { ChatMessage } from '../shared/model.ts'

const pad = (n: number) => String(n).padStart(2, '0')

function timestamp(ms: number): string {
  const d = new Date(ms)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

const STATE_NOTES: Partial<Record<ChatMessage['state'], string>> = {
  pending: ' (pending)',
  failed: ' (not sent)',
  unknown: ' (may not have arrived)'
}

/**
 * Conversations as plain text, the way QQ exported them: a heading per person, then each
 * message under a line with its time and sender. Lines of a message are indented, so no
 * text can pass itself off as a heading. `senderOf` names the other side on its messages
 * (by default as in the heading); the command line names both sides by number.
 */
export function exportText(
  messages: readonly ChatMessage[],
  nameOf: (uin: number) => string,
  me: string,
  senderOf: (uin: number) => string = nameOf
): string {
  const lines: string[] = []
  let peer: number | undefined
  for (const message of messages) {
    if (message.peer !== peer) {
      peer = message.peer
      if (lines.length > 0) lines.push('')
      lines.push(`==== ${nameOf(peer)} (${peer}) ====`, '')
    }
    const sender = message.direction === 'out' ? me : senderOf(message.peer)
    lines.push(`${timestamp(message.time)}  ${sender}${STATE_NOTES[message.state] ?? ''}`)
    for (const line of message.text.split(/\r?\n/)) lines.push(`    ${line}`)
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}
