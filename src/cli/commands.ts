import type { ClientCore } from '../core/index.ts'
import { CodedError, ERROR_CODES, type Result } from '../shared/errors.ts'
import type { AccountId } from '../shared/account-id.ts'
import type { ChatMessage } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import { friendLines, messageLines, profileLines, type Output } from './output.ts'
import type { CliCommand } from './parse-command.ts'

/** The value of a call, or its error thrown with its code. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok)
    throw new CodedError(result.error.code, result.error.message, {
      fingerprint: result.error.fingerprint
    })
  return result.value
}

/** Sends a message and waits until the server took it (or it failed, or may not have arrived). */
async function send(
  core: ClientCore,
  account: AccountId,
  peer: number,
  text: string
): Promise<ChatMessage> {
  let settle: (message: ChatMessage) => void = () => undefined
  const settled = new Promise<ChatMessage>((resolve) => (settle = resolve))
  let id: string | undefined
  const early: ChatMessage[] = []
  const stop = core.onEvent(({ account: of, event }) => {
    if (of !== account) return
    if (event.type !== 'message-state' || event.message.state === 'pending') return
    if (id === undefined) early.push(event.message)
    else if (event.message.id === id) settle(event.message)
  })
  try {
    const message = valueOf(await core.calls.sendMessage(account, peer, text))
    id = message.id
    const done = early.find((m) => m.id === id)
    const result = done ?? (await settled)
    if (result.state === 'sent') return result
    const code = ERROR_CODES.find((known) => known === result.error) ?? 'UNKNOWN_OUTCOME'
    const outcome = result.state === 'unknown' ? 'may not have arrived' : 'was not sent'
    throw new CodedError(code, `the message ${outcome}`)
  } finally {
    stop()
  }
}

/** One command, as `account` (logged in). Prints its result; throws a CodedError on failure. */
export async function runCommand(
  core: ClientCore,
  account: AccountId,
  command: CliCommand,
  json: boolean,
  out: Output
): Promise<void> {
  const { calls } = core
  const print = (lines: readonly string[]) => lines.forEach((line) => out.line(line))
  const word = (text: string) => out.line(json ? JSON.stringify(text) : text)
  switch (command.name) {
    case 'friends':
    case 'online': {
      await core.whenSynced(account)
      const snapshot = valueOf(await calls.getSnapshot(account))
      const online = command.name === 'online'
      const friends = online
        ? snapshot.friends.filter((f) => f.status !== STATUS.OFFLINE)
        : snapshot.friends
      // A script reading --json sees no line; a person sees that the list is empty.
      if (friends.length === 0 && !json) return word(online ? 'no friends online' : 'no friends')
      return print(friendLines(friends, snapshot.groups, json))
    }
    case 'info': {
      const profile =
        command.level === 3
          ? await calls.getProfile(account, command.uin, true)
          : await core.getInfo(account, command.uin, command.level)
      return print(profileLines(valueOf(profile), json))
    }
    case 'send': {
      const message = await send(core, account, command.uin, command.text)
      if (json) print(messageLines([message], true))
      return
    }
    case 'add': {
      // As the app's dialog does: the protocol would "add" a friend again without a word.
      await core.whenSynced(account)
      const { friends } = valueOf(await calls.getSnapshot(account))
      if (friends.some((friend) => friend.uin === command.uin)) return word('already-friends')
      return word(valueOf(await calls.addFriend(account, command.uin, command.reason)))
    }
    case 'accept':
      valueOf(await calls.answerRequest(account, command.uin, true, ''))
      return
    case 'refuse':
      valueOf(await calls.answerRequest(account, command.uin, false, command.reason))
      return
    case 'remove':
      valueOf(await calls.removeFriend(account, command.uin))
      return
    case 'status':
      valueOf(await calls.setStatus(account, command.status))
      return
    case 'listen':
    case 'history':
      throw new CodedError('INVALID_ARGUMENT', `${command.name} is not a command for a session`)
  }
}
