import { CodedError } from '../shared/errors.ts'
import { normaliseFingerprint } from '../shared/fingerprint.ts'
import type { LoginRequest, Me, Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import { Account, accountPacers, logIn, passwordMd5 } from './account.ts'
import type { CoreCalls, CoreContext } from './core-context.ts'
import { NOT_WAITING } from './pacing-report.ts'
import { attempt } from './results.ts'
import { parseServerAddress } from './server-address.ts'

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

async function login(context: CoreContext, request: LoginRequest): Promise<Me> {
  const server = request.server.trim() || context.defaultServer()
  if (server === '') throw new CodedError('INVALID_ARGUMENT', 'no server to log in to')
  parseServerAddress(server)
  const fingerprint = fingerprintOf(request)
  const password = passwordFor(context, request, server)
  await logOut(context)
  const md5 = passwordMd5(password)
  // A certificate the user has just accepted counts for this login; kept once it worked.
  const endTrial = context.pins.tryOut(server, fingerprint)
  let account: Account
  try {
    const pacers = accountPacers(context.connection)
    const status = loginStatus(request.status)
    const session = await logIn(context.connection, server, request.uin, md5, status, pacers)
    account = new Account(context.connection, context.options.dataDir, session, md5, pacers)
    context.account = account
    try {
      await account.start()
    } catch (error) {
      await logOut(context)
      throw error
    }
    context.pins.keep(server, fingerprint)
  } finally {
    endTrial()
  }
  context.saved.remember(request, password)
  if (
    request.server.trim() !== '' &&
    !context.isEmbedded(server) &&
    server !== context.settings.server
  ) {
    context.updateSettings({ server })
  }
  return account.me
}

async function logOut(context: CoreContext): Promise<void> {
  const account = context.account
  if (account === undefined) return
  context.account = undefined
  await account.close()
  context.events.emit({ type: 'friends', friends: [], groups: [] })
}

export function sessionCalls(context: CoreContext): SessionCalls {
  // Logins and logouts one at a time: a second click on "log in" waits for the first.
  let turn: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work, work)
    turn = next.catch(() => undefined)
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
        return {
          server,
          embedded: onEmbedded,
          demoAccounts:
            onEmbedded && embedded
              ? embedded.demoAccounts.map(({ uin, nick, face }) => ({ uin, nick, face }))
              : [],
          savedAccounts: context.saved.list(),
          autoLoginUin: freshStart ? context.saved.autoLoginAccount() : null
        }
      }),
    login: (request) => {
      freshStart = false
      return attempt('login', () => inTurn(() => login(context, request)))
    },
    logout: () => {
      freshStart = false
      return attempt('logout', () => inTurn(async () => (await logOut(context), null)))
    },
    setStatus: (status) =>
      attempt('setStatus', async () => {
        await context.requireAccount().changeStatus(status)
        return null
      }),
    getSnapshot: () =>
      attempt('getSnapshot', () => {
        const account = context.account
        return {
          session: context.sessionState,
          me: account?.me ?? null,
          friends: account?.roster.friends() ?? [],
          groups: account?.roster.groups() ?? [],
          systemMessages: account?.store.systemMessages.recent() ?? [],
          settings: context.settings,
          pacing: account?.pacing.current ?? NOT_WAITING
        }
      }),
    getSettings: () => attempt('getSettings', () => context.settings),
    updateSettings: (patch) => attempt('updateSettings', () => context.updateSettings(patch))
  }
}
