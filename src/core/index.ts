/**
 * The client core: everything the app does, without a window. The Electron main process,
 * the web shell and the command line each wrap it; it never imports electron.
 */
import type { AccountId } from '../shared/account-id.ts'
import type { Result } from '../shared/errors.ts'
import type { AccountEvent, Profile } from '../shared/model.ts'
import { friendCalls } from './calls-friends.ts'
import { messageCalls } from './calls-messages.ts'
import { sessionCalls } from './calls-session.ts'
import { CoreContext, type CoreCalls, type CoreOptions } from './core-context.ts'
import { attempt } from './results.ts'
import { systemClock, systemTimers } from './clock.ts'
import { resolveTiming } from './timing.ts'
import { createUndiciTransport } from './undici-transport.ts'

export interface ClientCore {
  /** Every call of the bridge but the window ones; each resolves to a Result. */
  readonly calls: CoreCalls
  /** Every event of every account, each with its account (null: the app's own). */
  onEvent(handler: (event: AccountEvent) => void): () => void
  /** GetInfo at any level (0–3), not cached: the command line's `info --level`. */
  getInfo(account: AccountId, uin: number, level: number): Promise<Result<Profile>>
  /** Resolves once the account's buddy list with every nick and face is loaded after a login. */
  whenSynced(account: AccountId): Promise<void>
  /** Logs every account out, ends every timer and connection, closes the databases. */
  stop(): Promise<void>
}

export function createClientCore(options: CoreOptions): ClientCore {
  const ownTransport = options.transport === undefined
  const transport = options.transport ?? createUndiciTransport()
  const clock = options.clock ?? systemClock
  const context = new CoreContext(options, {
    transport,
    clock,
    timers: options.timers ?? systemTimers,
    timing: resolveTiming(options.timing),
    probe: options.probe
  })
  const calls: CoreCalls = {
    ...sessionCalls(context),
    ...friendCalls(context),
    ...messageCalls(context)
  }
  return {
    calls,
    onEvent: (handler) => context.events.on(handler),
    getInfo: (account, uin, level) =>
      attempt('getInfo', async () => {
        const session = context.requireSession(account)
        const { fields } = await session.request({ cmd: 'GetInfo', level, target: uin })
        return { uin, fields: { ...fields }, fetchedAt: clock.now() }
      }),
    // The list is usable without every nick and face: a failure there is the log's business.
    whenSynced: (account) =>
      context.accounts.get(account)?.synced.catch(() => undefined) ?? Promise.resolve(),
    stop: async () => {
      await Promise.all([...context.accounts.keys()].map((account) => calls.logout(account)))
      if (ownTransport) await transport.close()
    }
  }
}

export type { CoreCalls, CoreOptions, EmbeddedServer } from './core-context.ts'
export type { DeliveryStep, Probe } from './probe.ts'
export type { SecretBox } from './settings/secret-box.ts'
export type { SettingsStore, StoredAccount, StoredData } from './settings/stored-data.ts'
export { DEFAULT_SETTINGS } from './settings/defaults.ts'
export { NO_SECRETS } from './settings/secret-box.ts'
export { createFileSettingsStore } from './settings/settings-file.ts'
export { serverKey } from './server-address.ts'
export { AUTO_REPLY_MARKER } from './auto-reply.ts'
export type { Clock, Timers } from './clock.ts'
export type { Timing } from './timing.ts'
export type { Transport, TransportRequest } from './transport.ts'
