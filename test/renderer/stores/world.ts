/// <reference types="node" />
/**
 * The real thing for store tests: our server on port 0 and one client core per person,
 * each exposed as the `window.qq` a window would get (the core's calls, plus window calls
 * that are recorded, since no desktop is here to open windows).
 */
import { Window } from 'happy-dom'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accountId, type AccountId } from '../../../src/shared/account-id.ts'
import type { QQApi } from '../../../src/shared/api.ts'
import { ok } from '../../../src/shared/errors.ts'
import type { Status } from '../../../src/shared/model.ts'
import { routeToHash, type WindowRoute } from '../../../src/shared/routes.ts'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  serverKey,
  type ClientCore
} from '../../../src/core/index.ts'
import {
  startServer,
  type RunningServer,
  type SeedFile,
  type ServerOptions
} from '../../../src/server/index.ts'

export interface Person {
  readonly uin: number
  /** The person's account on the test's server: what every call for them names. */
  readonly account: AccountId
  readonly password: string
  readonly core: ClientCore
  /** What a window of this person's app gets as `window.qq`. */
  readonly bridge: AppBridge
  login(status?: Status): Promise<void>
}

/** A `window.qq` on a core, with the window calls recorded (no desktop is here to do them). */
export interface AppBridge extends QQApi {
  /** Windows and links the stores asked the desktop to open. */
  readonly opened: WindowRoute[]
  readonly links: string[]
  /** How often a window asked to close itself (each window has its own bridge, as in the app). */
  readonly closed: { count: number }
}

export function appBridge(core: ClientCore, dataDir: string): AppBridge {
  const opened: WindowRoute[] = []
  const links: string[] = []
  const closed = { count: 0 }
  return {
    ...core.calls,
    opened,
    links,
    closed,
    onEvent: (handler) => core.onEvent(handler),
    openWindow: async (route) => (opened.push(route), ok(null)),
    closeWindow: async () => (closed.count++, ok(null)),
    openExternal: async (url) => (links.push(url), ok(null)),
    getLogFolder: async () => ok({ path: join(dataDir, 'logs'), canOpen: false }),
    openLogFolder: async () => ok(null)
  }
}

export interface World {
  readonly server: RunningServer
  person(uin: number): Person
  close(): Promise<void>
}

/** `options` add to the test server's (a certificate, say). */
export async function startWorld(seed: SeedFile, options: ServerOptions = {}): Promise<World> {
  const folder = mkdtempSync(join(tmpdir(), 'qq-renderer-'))
  // Penalties and rate limits scaled down so a burst of messages passes quickly.
  const server = await startServer({ port: 0, seed, penaltyScale: 0.01, ...options })
  const people = new Map<number, Person>()

  function person(uin: number): Person {
    const known = people.get(uin)
    if (known) return known
    const account = seed.accounts.find((candidate) => candidate.uin === uin)
    if (!account?.password) throw new Error(`no account ${uin} in the seed`)
    const dataDir = join(folder, String(uin))
    const core = createClientCore({
      dataDir,
      settings: createFileSettingsStore(join(dataDir, 'settings.json')),
      secrets: NO_SECRETS,
      // The server's 20 s penalty and its rate limits, scaled as above.
      timing: { penaltyMs: 250, messageWindowMs: 50, statusWindowMs: 30 }
    })
    const created: Person = {
      uin,
      account: accountId(serverKey(server.address), uin),
      password: account.password,
      core,
      bridge: appBridge(core, dataDir),
      /** Signs in afresh with `status` (out first, when signed in already). */
      async login(status = 10) {
        await core.calls.logout(created.account)
        const result = await core.calls.login({
          uin,
          password: account.password ?? '',
          status,
          rememberPassword: false,
          autoLogin: false,
          server: server.address
        })
        if (!result.ok) throw new Error(`login ${uin}: ${result.error.code}`)
        await core.whenSynced(result.value.account)
      }
    }
    people.set(uin, created)
    return created
  }

  return {
    server,
    person,
    async close() {
      for (const { core } of people.values()) await core.stop()
      await server.close()
      await page.happyDOM.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

// These tests run in Node (the core needs node:sqlite); the stores get a real DOM window.
const page = new Window()
Object.defineProperty(globalThis, 'window', { value: page, configurable: true })

/**
 * Makes this test's page a window of `bridge`'s app: its `window.qq`, and its route (by
 * default the buddy list of `account`; null: the login window). The stores made next are
 * that window's.
 */
export function actAs(
  bridge: QQApi,
  account: AccountId | null,
  route: WindowRoute = account === null ? { kind: 'login' } : { kind: 'buddies', account }
): void {
  Object.defineProperty(page, 'qq', { value: bridge, configurable: true })
  page.location.hash = routeToHash(route)
}
