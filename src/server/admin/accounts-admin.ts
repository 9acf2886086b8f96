import type { DatabaseSync } from 'node:sqlite'
import { isValidUin, MAX_UIN, MIN_UIN, type AddPolicy } from '../../shared/protocol/index.ts'
import { forgetDemoPassword } from '../demo/demo.ts'
import { Accounts, type Account } from '../storage/accounts.ts'
import { hashPassword } from '../storage/passwords.ts'

/** Why an account command could not be done, with a stable code for scripts. */
export class AdminError extends Error {
  readonly code: 'INVALID_UIN' | 'EXISTS' | 'NOT_FOUND' | 'INVALID_VALUE'

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

function checkUin(uin: number): void {
  if (!isValidUin(uin)) {
    throw new AdminError('INVALID_UIN', `a QQ number is between ${MIN_UIN} and ${MAX_UIN}`)
  }
}

function checkPassword(password: string): void {
  if (password === '') throw new AdminError('INVALID_VALUE', 'the password is empty')
}

export async function addAccount(
  db: DatabaseSync,
  uin: number,
  password: string,
  fields: AccountFields = {}
): Promise<void> {
  checkUin(uin)
  checkPassword(password)
  const accounts = new Accounts(db)
  if (accounts.exists(uin)) throw new AdminError('EXISTS', `account ${uin} exists already`)
  accounts.add({
    uin,
    passwordHash: await hashPassword(password),
    nick: fields.nick ?? String(uin),
    face: fields.face ?? 0,
    policy: fields.policy ?? 0,
    profile: {}
  })
}

export async function setPassword(db: DatabaseSync, uin: number, password: string): Promise<void> {
  checkPassword(password)
  const hash = await hashPassword(password)
  if (!new Accounts(db).setPasswordHash(uin, hash)) {
    throw new AdminError('NOT_FOUND', `there is no account ${uin}`)
  }
  forgetDemoPassword(db, uin)
}

/** Removes the account, its list, its queue and its place on every other list. */
export function removeAccount(db: DatabaseSync, uin: number): void {
  if (!new Accounts(db).remove(uin)) throw new AdminError('NOT_FOUND', `there is no account ${uin}`)
}

export function listAccounts(db: DatabaseSync): Account[] {
  return new Accounts(db).all()
}
