import type { AccountId } from '../../shared/account-id.ts'
import { CALL_SCOPES, type AccountCallName } from '../../shared/account-calls.ts'
import { CALL_NAMES, type QQApi, type QQCalls, type Unsubscribe } from '../../shared/api.ts'
import { fail, type Result } from '../../shared/errors.ts'
import type { AccountEvent, CoreEvent } from '../../shared/model.ts'
import { windowAccount } from './window-account.ts'

/** A call with its first argument, the account, already given. */
type WithoutAccount<F> = F extends (account: never, ...rest: infer A) => infer R
  ? (...rest: A) => R
  : never

/**
 * The bridge as a window uses it: every account call is for this window's own account (so
 * no window can act as another), and only the events of that account (and the app's own,
 * account null) reach it.
 */
export type WindowBridge = { [K in AccountCallName]: WithoutAccount<QQCalls[K]> } & Omit<
  QQCalls,
  AccountCallName
> & {
    onEvent(handler: (event: CoreEvent) => void): Unsubscribe
  }

type AnyCall = (...args: unknown[]) => Promise<Result<unknown>>

/**
 * Whether an event is this window's: its account's, or the app's own (account null). The
 * app's `settings` carry the defaults for the per-account keys, so a window of an account
 * takes its account's `settings` instead, which come with them.
 */
function isFor(account: AccountId | null, { account: of, event }: AccountEvent): boolean {
  if (of === null) return account === null || event.type !== 'settings'
  return of === account
}

function bind(qq: QQApi, account: AccountId | null): WindowBridge {
  const calls = CALL_NAMES.map((name): [string, AnyCall] => {
    const call: AnyCall = (...args) => (qq[name] as AnyCall).apply(qq, args)
    const scope = CALL_SCOPES[name]
    if (scope === 'app') return [name, call]
    if (scope === 'account' && account === null) {
      return [name, async () => fail('NOT_LOGGED_IN', `${name}: this window has no account`)]
    }
    return [name, (...args) => call(account, ...args)]
  })
  return {
    ...Object.fromEntries(calls),
    onEvent: (handler: (event: CoreEvent) => void) =>
      qq.onEvent((event) => {
        if (isFor(account, event)) handler(event.event)
      })
  } as WindowBridge
}

let bound: { qq: QQApi; account: AccountId | null; bridge: WindowBridge } | undefined

/**
 * The one way to the app's state. Only stores call it, once, as the window makes them (and
 * the window's sync): each window's stores are then bound to its own bridge and account.
 * Components read stores.
 */
export function bridge(): WindowBridge {
  const qq = window.qq
  const account = windowAccount()
  if (bound === undefined || bound.qq !== qq || bound.account !== account)
    bound = { qq, account, bridge: bind(qq, account) }
  return bound.bridge
}
