import { CodedError } from '../shared/errors.ts'
import type { Status } from '../shared/model.ts'
import { parseStatus, parseUin, type CliOptions } from './args.ts'

/** A command with its arguments checked: made before logging in, so a usage error costs no request. */
export type CliCommand =
  | { readonly name: 'friends' | 'online' | 'listen' }
  | { readonly name: 'info'; readonly uin: number; readonly level: number }
  | { readonly name: 'send'; readonly uin: number; readonly text: string }
  | { readonly name: 'add' | 'refuse'; readonly uin: number; readonly reason: string }
  | { readonly name: 'accept' | 'remove'; readonly uin: number }
  | { readonly name: 'status'; readonly status: Status }
  | { readonly name: 'history'; readonly uin: number; readonly search: string | undefined }

function argument(options: CliOptions, index: number, name: string): string {
  const value = options.args[index]
  if (value === undefined || value === '')
    throw new CodedError('INVALID_ARGUMENT', `${options.command} needs ${name}`)
  return value
}

export function parseCommand(options: CliOptions): CliCommand {
  const name = options.command
  const uin = () => parseUin(argument(options, 0, 'a UIN'))
  switch (name) {
    case 'friends':
    case 'online':
    case 'listen':
      return { name }
    case 'info':
      return { name, uin: uin(), level: options.level }
    case 'send':
      return { name, uin: uin(), text: argument(options, 1, 'a text') }
    case 'add':
    case 'refuse':
      return { name, uin: uin(), reason: options.args[1] ?? options.reason }
    case 'accept':
    case 'remove':
      return { name, uin: uin() }
    case 'status':
      return { name, status: parseStatus(argument(options, 0, 'a status')) }
    case 'history':
      if (options.search?.trim() === '')
        throw new CodedError('INVALID_ARGUMENT', '--search needs a text')
      return { name, uin: uin(), search: options.search }
    default:
      throw new CodedError('INVALID_ARGUMENT', `unknown command "${name}" (see --help)`)
  }
}
