import type { ClientCore } from '../main/core/index.ts'
import { CodedError, ERROR_CODES, type Result } from '../shared/errors.ts'
import type { ChatMessage, CoreEvent } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import { parseStatus, parseUin, type CliOptions } from './args.ts'
import { friendLines, messageLines, profileLines, type Output } from './output.ts'

/** The value of a call, or its error thrown with its code. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok)
    throw new CodedError(result.error.code, result.error.message, {
      fingerprint: result.error.fingerprint
    })
  return result.value
}

function argument(options: CliOptions, index: number, name: string): string {
  const value = options.args[index]
  if (value === undefined || value === '')
    throw new CodedError('INVALID_ARGUMENT', `${options.command} needs ${name}`)
  return value
}

/** Sends a message and waits until the server took it (or it failed, or may not have arrived). */
async function send(core: ClientCore, peer: number, text: string): Promise<ChatMessage> {
  let settle: (message: ChatMessage) => void = () => undefined
  const settled = new Promise<ChatMessage>((resolve) => (settle = resolve))
  let id: string | undefined
  const early: ChatMessage[] = []
  const stop = core.onEvent((event: CoreEvent) => {
    if (event.type !== 'message-state' || event.message.state === 'pending') return
    if (id === undefined) early.push(event.message)
    else if (event.message.id === id) settle(event.message)
  })
  try {
    const message = valueOf(await core.calls.sendMessage(peer, text))
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

/** One command, logged in. Prints its result; throws a CodedError on failure. */
export async function runCommand(
  core: ClientCore,
  options: CliOptions,
  out: Output
): Promise<void> {
  const { calls } = core
  const print = (lines: readonly string[]) => lines.forEach((line) => out.line(line))
  const word = (text: string) => out.line(options.json ? JSON.stringify(text) : text)
  switch (options.command) {
    case 'friends':
    case 'online': {
      await core.whenSynced()
      const snapshot = valueOf(await calls.getSnapshot())
      const friends =
        options.command === 'online'
          ? snapshot.friends.filter((f) => f.status !== STATUS.OFFLINE)
          : snapshot.friends
      return print(friendLines(friends, snapshot.groups, options.json))
    }
    case 'info': {
      const uin = parseUin(argument(options, 0, 'a UIN'))
      const profile =
        options.level === 3
          ? await calls.getProfile(uin, true)
          : await core.getInfo(uin, options.level)
      return print(profileLines(valueOf(profile), options.json))
    }
    case 'send': {
      const message = await send(
        core,
        parseUin(argument(options, 0, 'a UIN')),
        argument(options, 1, 'a text')
      )
      if (options.json) print(messageLines([message], true))
      return
    }
    case 'add':
      return word(
        valueOf(
          await calls.addFriend(
            parseUin(argument(options, 0, 'a UIN')),
            options.args[1] ?? options.reason
          )
        )
      )
    case 'accept':
      valueOf(await calls.answerRequest(parseUin(argument(options, 0, 'a UIN')), true, ''))
      return
    case 'refuse':
      valueOf(
        await calls.answerRequest(
          parseUin(argument(options, 0, 'a UIN')),
          false,
          options.args[1] ?? options.reason
        )
      )
      return
    case 'remove':
      valueOf(await calls.removeFriend(parseUin(argument(options, 0, 'a UIN'))))
      return
    case 'status':
      valueOf(await calls.setStatus(parseStatus(argument(options, 0, 'a status'))))
      return
    default:
      throw new CodedError('INVALID_ARGUMENT', `unknown command "${options.command}" (see --help)`)
  }
}
