import {
  isValidUin,
  MAX_FACE_ID,
  MAX_UIN,
  MIN_UIN,
  type AddPolicy
} from '../../shared/protocol/index.ts'
import { hashPassword } from '../storage/passwords.ts'
import type { Account, Store } from '../storage/types.ts'

/** Why an account command could not be done, with a stable code for scripts. */
export class AdminError extends Error {
  readonly code: 'INVALID_UIN' | 'EXISTS' | 'NOT_FOUND' | 'NO_DATABASE' | 'INVALID_VALUE'

  constructor(code: AdminError['code'], message: string) {
    super(message)
    this.name = 'AdminError'
    this.code = code
  }
}

export interface AccountFields {
  readonly nick?: string
  readonly face?: number
  readonly policy?: AddPolicy
}

/** A nick as the clients show it: at least one character, at most 32 (code points). */
export const MAX_NICK_CHARACTERS = 32

function checkUin(uin: number): void {
  if (!isValidUin(uin)) {
    throw new AdminError('INVALID_UIN', `a QQ number is between ${MIN_UIN} and ${MAX_UIN}`)
  }
}

function checkPassword(password: string): void {
  if (password === '') throw new AdminError('INVALID_VALUE', 'the password is empty')
}

function checkFields({ nick, face, policy }: AccountFields): void {
  const length = nick === undefined ? 1 : [...nick].length
  if (length < 1 || length > MAX_NICK_CHARACTERS) {
    throw new AdminError('INVALID_VALUE', `--nick is 1 to ${MAX_NICK_CHARACTERS} characters`)
  }
  if (face !== undefined && (!Number.isInteger(face) || face < 0 || face > MAX_FACE_ID)) {
    throw new AdminError('INVALID_VALUE', `--face is a number from 0 to ${MAX_FACE_ID}`)
  }
  if (policy !== undefined && ![0, 1, 2].includes(policy)) {
    throw new AdminError('INVALID_VALUE', '--policy is 0, 1 or 2')
  }
}

/**
 * Checks all that can be known before the password is asked for, so that a number that
 * exists, or a wrong field, is said first rather than "the password is empty".
 */
export async function checkNewAccount(
  store: Store,
  uin: number,
  fields: AccountFields
): Promise<void> {
  checkUin(uin)
  checkFields(fields)
  if (await store.accounts.exists(uin)) {
    throw new AdminError('EXISTS', `account ${uin} exists already`)
  }
}

/** Refuses a number that has no account, before a password is asked for. */
export async function checkAccount(store: Store, uin: number): Promise<void> {
  if (!(await store.accounts.exists(uin))) {
    throw new AdminError('NOT_FOUND', `there is no account ${uin}`)
  }
}

export async function addAccount(
  store: Store,
  uin: number,
  password: string,
  fields: AccountFields = {}
): Promise<void> {
  await checkNewAccount(store, uin, fields)
  checkPassword(password)
  await store.accounts.create([
    {
      uin,
      passwordHash: await hashPassword(password),
      nick: fields.nick ?? String(uin),
      face: fields.face ?? 0,
      policy: fields.policy ?? 0,
      profile: {}
    }
  ])
}

export async function setPassword(store: Store, uin: number, password: string): Promise<void> {
  checkPassword(password)
  const hash = await hashPassword(password)
  if (!(await store.accounts.setPasswordHash(uin, hash))) {
    throw new AdminError('NOT_FOUND', `there is no account ${uin}`)
  }
  await store.demoAccounts.forget(uin)
}

/** Removes the account, its list, its queue and its place on every other list. */
export async function removeAccount(store: Store, uin: number): Promise<void> {
  if (!(await store.accounts.remove(uin))) {
    throw new AdminError('NOT_FOUND', `there is no account ${uin}`)
  }
}

export function listAccounts(store: Store): Promise<Account[]> {
  return store.accounts.all()
}
