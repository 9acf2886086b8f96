/**
 * The parent's side of the core host: starts it, forwards calls and events, and when it
 * dies starts it again (with backoff), logs every account in again as the user last did,
 * and pushes the new core's state to every listener as events, so open windows show it
 * without asking; an account that does not come back is closed (`account-closed`). A call
 * in flight when the host dies resolves to INTERNAL; nothing waits forever.
 */
import { CALL_NAMES, type QQCallName, type Unsubscribe } from '../../shared/api.ts'
import { fail, type Result } from '../../shared/errors.ts'
import type { AccountId } from '../../shared/account-id.ts'
import type {
  AccountEvent,
  CoreEvent,
  LoginOptions,
  Settings,
  SignedIn,
  Snapshot
} from '../../shared/model.ts'
import { diagnostics } from '../../logging/diagnostics.ts'
import { Backoff } from '../backoff.ts'
import type { BridgeCore } from './bridge-core.ts'
import type { CoreCalls, WindowCallName } from './dispatch.ts'
import type { HostProcess, SpawnHost } from './host-process.ts'
import { parseFromHost, type ToHost } from './messages.ts'

export interface CoreHostClient extends BridgeCore {
  /** Resolves once the first host is ready. */
  start(): Promise<void>
  call(name: QQCallName, args: readonly unknown[]): Promise<Result<unknown>>
  /** After a host was restarted and its state pushed. */
  onRestart(handler: () => void): Unsubscribe
  /** Asks the host to log out and exit; kills it after `STOP_TIMEOUT_MS`. */
  stop(): Promise<void>
}

const STOP_TIMEOUT_MS = 3_000
/** A host that stayed up this long starts the backoff over when it next dies. */
const STABLE_MS = 30_000
const WINDOW_CALLS: readonly QQCallName[] = [
  'openWindow',
  'closeWindow',
  'openExternal',
  'getLogFolder',
  'openLogFolder'
] satisfies WindowCallName[]

/** The state of a snapshot as the events that carry it, for windows that follow events. */
export const snapshotEvents = (snapshot: Snapshot): CoreEvent[] => [
  { type: 'settings', settings: snapshot.settings },
  ...(snapshot.me === null ? [] : [{ type: 'me', me: snapshot.me } as const]),
  { type: 'friends', friends: snapshot.friends, groups: snapshot.groups },
  { type: 'pacing', pacing: snapshot.pacing },
  { type: 'session', session: snapshot.session }
]

export function createCoreHostClient(
  spawn: SpawnHost,
  backoff = new Backoff(200, 10_000)
): CoreHostClient {
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const eventListeners = new Set<(event: AccountEvent) => void>()
  const restartListeners = new Set<() => void>()
  let nextId = 1
  let host: Promise<HostProcess> = Promise.reject(new Error('the core host was not started'))
  host.catch(() => undefined)
  let stopping = false
  let exited: (() => void) | undefined
  /** The arguments of the login that made each account's session, to make it again. */
  const logins = new Map<AccountId, readonly unknown[]>()
  /** The accounts the windows know of: the last `accounts` event. */
  let shown: readonly AccountId[] = []
  /**
   * While a restarted host signs the accounts in again one by one, its `accounts` events list
   * only some of them: passed on, they would close the windows of the ones still to come.
   * The full list follows once all are back.
   */
  let restoring = false

  const emit = (accountEvent: AccountEvent): void => {
    const { account, event } = accountEvent
    if (account !== null) {
      // A session that ended (lost, or set offline) is not made again by a restart.
      const ended = event.type === 'session' && event.session.phase === 'offline'
      if (ended || event.type === 'account-closed') logins.delete(account)
    }
    if (event.type === 'accounts') shown = event.accounts.map((signedIn) => signedIn.account)
    for (const listener of eventListeners) listener(accountEvent)
  }

  function launch(): Promise<HostProcess> {
    const child = spawn()
    let up = false
    let stable: NodeJS.Timeout | undefined
    return new Promise((resolve, reject) => {
      child.onMessage((raw) => {
        const message = parseFromHost(raw)
        if (message === undefined) return diagnostics().warn('core host: a malformed message')
        if (message.type === 'ready') {
          up = true
          stable = setTimeout(() => backoff.reset(), STABLE_MS).unref()
          resolve(child)
        } else if (message.type === 'result') {
          pending.get(message.id)?.(message.result)
          pending.delete(message.id)
        } else if (!(restoring && message.event.event.type === 'accounts')) emit(message.event)
      })
      child.onExit((reason) => {
        clearTimeout(stable)
        for (const answer of pending.values()) answer(fail('INTERNAL', 'the core stopped'))
        pending.clear()
        if (!up) reject(new Error(`the core host exited before it was ready (${reason})`))
        if (stopping) return exited?.()
        diagnostics().error({ reason }, 'the core host stopped; starting it again')
        restart()
      })
    })
  }

  function restart(): void {
    const delay = backoff.next()
    host = new Promise((resolve) => setTimeout(resolve, delay)).then(launch)
    host.then(resubscribe, (error: unknown) =>
      diagnostics().error({ err: error }, 'the core host did not start again')
    )
  }

  async function resubscribe(): Promise<void> {
    const before = shown
    restoring = true
    try {
      for (const [account, args] of [...logins]) {
        const login = await call('login', args)
        if (login.ok) continue
        logins.delete(account)
        diagnostics().warn({ code: login.error.code }, 'core host: login again failed')
      }
    } finally {
      restoring = false
    }
    const options = await call('getLoginOptions', [])
    const signedIn: readonly SignedIn[] = options.ok ? (options.value as LoginOptions).signedIn : []
    const now = new Set(signedIn.map((each) => each.account))
    for (const account of before) {
      if (!now.has(account)) emit({ account, event: { type: 'account-closed' } })
    }
    emit({ account: null, event: { type: 'accounts', accounts: signedIn } })
    const settings = await call('getSettings', [null])
    if (settings.ok) {
      emit({ account: null, event: { type: 'settings', settings: settings.value as Settings } })
    }
    for (const account of now) {
      const snapshot = await call('getSnapshot', [account])
      if (!snapshot.ok) continue
      for (const event of snapshotEvents(snapshot.value as Snapshot)) emit({ account, event })
    }
    for (const listener of restartListeners) listener()
  }

  async function call(name: QQCallName, args: readonly unknown[]): Promise<Result<unknown>> {
    let child: HostProcess
    try {
      child = await host
    } catch {
      return fail('INTERNAL', 'the core is not running')
    }
    const id = nextId++
    const result = await new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve)
      child.postMessage({ type: 'call', id, name, args: [...args] } satisfies ToHost)
    })
    if (name === 'login' && result.ok) logins.set((result.value as SignedIn).account, args)
    if (name === 'logout' && typeof args[0] === 'string') logins.delete(args[0])
    return result
  }

  const calls = Object.fromEntries(
    CALL_NAMES.filter((name) => !WINDOW_CALLS.includes(name)).map((name) => [
      name,
      (...args: unknown[]) => call(name, args)
    ])
  ) as unknown as CoreCalls

  return {
    calls,
    call,
    async start() {
      host = launch()
      await host
    },
    onEvent(handler) {
      eventListeners.add(handler)
      return () => void eventListeners.delete(handler)
    },
    onRestart(handler) {
      restartListeners.add(handler)
      return () => void restartListeners.delete(handler)
    },
    async stop() {
      stopping = true
      let child: HostProcess
      try {
        child = await host
      } catch {
        return
      }
      const gone = new Promise<void>((resolve) => (exited = resolve))
      const timer = setTimeout(() => child.kill(), STOP_TIMEOUT_MS)
      child.postMessage({ type: 'stop' } satisfies ToHost)
      await gone
      clearTimeout(timer)
    }
  }
}
