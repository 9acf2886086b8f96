import { CodedError } from '../shared/errors.ts'
import { normaliseFingerprint } from '../shared/fingerprint.ts'
import type { AccountId } from '../shared/account-id.ts'
import type { LoginRequest, SignedIn, Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import { Account, accountPacers, logIn, passwordMd5 } from './account.ts'
import type { AccountLine } from './account-line.ts'
import type { CoreCalls, CoreContext } from './core-context.ts'
import { attempt, codeOf } from './results.ts'
import type { Pacers } from './rate-pacer.ts'
import type { Session } from './session.ts'

type SessionCalls = Pick<
  CoreCalls,
  | 'getLoginOptions'
  | 'login'
  | 'logout'
  | 'setStatus'
  | 'getSnapshot'
  | 'getSettings'
  | 'updateSettings'
>

/** The password for a login: typed, remembered, or a demo account's on the embedded server. */
function passwordFor(context: CoreContext, request: LoginRequest, server: string): string {
  if (request.password !== '') return request.password
  const remembered = context.saved.password(request.uin)
  if (remembered !== undefined) return remembered
  const demo = context.isEmbedded(server)
    ? context.options.embedded?.demoAccounts.find((account) => account.uin === request.uin)
    : undefined
  if (demo !== undefined) return demo.password
  throw new CodedError('INVALID_ARGUMENT', 'a password is needed')
}

/** The accepted fingerprint in its one form; the bridge has checked it, the CLI may not have. */
function fingerprintOf(request: LoginRequest): string | undefined {
  if (request.fingerprint === undefined) return undefined
  const fingerprint = normaliseFingerprint(request.fingerprint)
  if (fingerprint === undefined) {
    throw new CodedError('INVALID_ARGUMENT', 'a fingerprint is 64 hex digits')
  }
  return fingerprint
}

/** Logging in as "offline" means: be there, but not seen. */
const loginStatus = (status: Status): Status =>
  status === STATUS.OFFLINE ? STATUS.INVISIBLE : status

/**
 * Signs one more account in. The same number on the same server while its session lives is
 * refused; an account whose session ended (lost, or set offline) is replaced by the new
 * login under the same id, so its windows stay and show the new session.
 */
async function login(
  context: CoreContext,
  request: LoginRequest,
  id: AccountId,
  onLost: (account: Account, reason: string) => void
): Promise<SignedIn> {
  const existing = context.accounts.get(id)
  if (existing?.session !== undefined) {
    throw new CodedError('ALREADY_SIGNED_IN', `${request.uin} is already signed in there`)
  }
  const server = request.server.trim() || context.defaultServer()
  const fingerprint = fingerprintOf(request)
  const password = passwordFor(context, request, server)
  const md5 = passwordMd5(password)
  const line = context.lineFor(id, context.serverKeyOf(server))
  // A certificate the user has just accepted counts for this login; kept once it worked.
  const endTrial = context.pins.tryOut(server, fingerprint)
  let replaced = false
  let account: Account
  try {
    const pacers = accountPacers(line)
    const session = await logIn(line, server, request.uin, md5, loginStatus(request.status), pacers)
    if (existing !== undefined) {
      // The ended account's store closes before the new one opens the same file.
      context.accounts.delete(id)
      replaced = true
      await existing.close()
    }
    account = await openAccount(context, line, session, md5, pacers)
    context.pins.keep(server, fingerprint)
  } catch (error) {
    if (replaced) closed(context, id)
    throw error
  } finally {
    endTrial()
  }
  context.accounts.set(id, account)
  line.whenLost((reason) => onLost(account, reason))
  if (context.lost?.account === id) context.lost = undefined
  context.saved.remember(request, password)
  if (
    request.server.trim() !== '' &&
    !context.isEmbedded(server) &&
    server !== context.settingsOf(null).server
  ) {
    context.updateSettings(null, { server })
  }
  context.accountsChanged()
  return account.signedIn
}

/** The account of a new session, its list loaded and its loops running; closed if that fails. */
async function openAccount(
  context: CoreContext,
  line: AccountLine,
  session: Session,
  md5: string,
  pacers: Pacers
): Promise<Account> {
  let account: Account
  try {
    account = new Account(line, context.options.dataDir, session, md5, pacers)
  } catch (error) {
    await session.logout()
    throw error
  }
  try {
    await account.start()
  } catch (error) {
    await account.close()
    throw error
  }
  return account
}

/** The account is gone: its windows close, and the list of accounts changes. */
function closed(context: CoreContext, id: AccountId, reason?: string): void {
  context.accounts.delete(id)
  context.emit(
    id,
    reason === undefined ? { type: 'account-closed' } : { type: 'account-closed', reason }
  )
  context.accountsChanged()
}

/**
 * The server or the network ended the account's session for good: the account closes as
 * on a logout, and the login window says why. Unless it was logged out or replaced since.
 */
async function lose(context: CoreContext, account: Account, reason: string): Promise<void> {
  const { account: id, server, me } = account.signedIn
  if (context.accounts.get(id) !== account) return
  context.accounts.delete(id)
  await account.close()
  context.lost = { account: id, uin: me.uin, server, reason }
  closed(context, id, reason)
}

async function logOut(context: CoreContext, id: AccountId): Promise<void> {
  const account = context.require(id)
  context.accounts.delete(id)
  await account.close()
  closed(context, id)
}

export function sessionCalls(context: CoreContext): SessionCalls {
  // Logins and logouts of an account one at a time: a second click on "log in" waits for
  // the first. Different accounts do not wait for each other.
  const turns = new Map<AccountId, Promise<unknown>>()
  const inTurn = <T>(id: AccountId, work: () => Promise<T>): Promise<T> => {
    const next = (turns.get(id) ?? Promise.resolve()).then(work, work)
    const settled = next.catch(() => undefined)
    turns.set(id, settled)
    void settled.then(() => {
      if (turns.get(id) === settled) turns.delete(id)
    })
    return next
  }
  // Automatic login is for a fresh start only: any login or logout since ends it.
  let freshStart = true
  return {
    getLoginOptions: () =>
      attempt('getLoginOptions', () => {
        const server = context.defaultServer()
        const embedded = context.options.embedded
        const onEmbedded = context.isEmbedded(server)
        const signedInHere = (uin: number): boolean => {
          try {
            return context.accounts.has(context.accountIdOf(server, uin))
          } catch {
            return false
          }
        }
        return {
          server,
          embedded: onEmbedded,
          demoAccounts:
            onEmbedded && embedded
              ? embedded.demoAccounts.map(({ uin, nick, face }) => ({ uin, nick, face }))
              : [],
          savedAccounts: context.saved
            .list()
            .map((saved) => ({ ...saved, signedIn: signedInHere(saved.uin) })),
          keepsPasswords: context.saved.keepsPasswords(),
          autoLoginUins: freshStart ? context.saved.autoLoginUins() : [],
          signedIn: context.signedIn(),
          ...(context.lost && { lost: context.lost })
        }
      }),
    login: (request) => {
      freshStart = false
      return attempt('login', () => {
        const server = request.server.trim() || context.defaultServer()
        if (server === '') throw new CodedError('INVALID_ARGUMENT', 'no server to log in to')
        const id = context.accountIdOf(server, request.uin)
        const onLost = (account: Account, reason: string): void =>
          void inTurn(id, () => lose(context, account, reason))
        return inTurn(id, () =>
          login(context, request, id, onLost).catch((error: unknown) => {
            if (request.automatic) {
              const reason = codeOf(error)
              context.lost = { account: id, uin: request.uin, server, reason, automatic: true }
            }
            throw error
          })
        )
      })
    },
    logout: (account) => {
      freshStart = false
      return attempt('logout', () =>
        inTurn(account, async () => (await logOut(context, account), null))
      )
    },
    setStatus: (account, status) =>
      attempt('setStatus', async () => {
        await context.require(account).changeStatus(status)
        return null
      }),
    getSnapshot: (id) =>
      attempt('getSnapshot', () => {
        const account = context.require(id)
        return {
          session: account.sessionState,
          me: account.me,
          friends: account.roster.friends(),
          groups: account.roster.groups(),
          systemMessages: account.store.systemMessages.recent(),
          settings: context.settingsOf(id),
          pacing: account.pacing.current
        }
      }),
    getSettings: (account) =>
      attempt('getSettings', () => {
        if (account !== null) context.require(account)
        return context.settingsOf(account)
      }),
    updateSettings: (account, patch) =>
      attempt('updateSettings', () => context.updateSettings(account, patch))
  }
}
