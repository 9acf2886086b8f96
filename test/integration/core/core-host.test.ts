/**
 * The core host over a real child process: the real core and the embedded server in a
 * forked `host-main.ts`, spoken to through the message protocol, and killed with SIGKILL to
 * see it started again with the session and the friend list back.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Backoff } from '../../../src/core/backoff.ts'
import { createCoreHostClient, type CoreHostClient } from '../../../src/core/host/host-client.ts'
import { forkHost, type HostProcess } from '../../../src/core/host/host-process.ts'
import type { AccountId } from '../../../src/shared/account-id.ts'
import type { AccountEvent, LoginOptions, SignedIn, Snapshot } from '../../../src/shared/model.ts'

const ENTRY = join(import.meta.dirname, '../../../src/core/host/host-main.ts')
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

interface Started {
  readonly client: CoreHostClient
  readonly events: AccountEvent[]
  /** The host processes in the order they were started. */
  readonly hosts: HostProcess[]
}

async function startHost(): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'http-qq-core-host-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  const hosts: HostProcess[] = []
  const fork = forkHost(ENTRY, ['--data', dir])
  const client = createCoreHostClient(
    () => {
      const host = fork()
      hosts.push(host)
      return host
    },
    new Backoff(50, 50)
  )
  const events: AccountEvent[] = []
  client.onEvent((event) => events.push(event))
  await client.start()
  cleanup.push(() => client.stop())
  return { client, events, hosts }
}

/** Resolves with the first event after now that `matches`. */
function nextEvent(client: CoreHostClient, matches: (event: AccountEvent) => boolean) {
  return new Promise<AccountEvent>((resolve) => {
    const stop = client.onEvent((event) => {
      if (!matches(event)) return
      stop()
      resolve(event)
    })
  })
}

/** Signs the `nth` demo account in on the embedded server. */
async function loginDemo(client: CoreHostClient, nth = 0): Promise<SignedIn> {
  const options = await client.calls.getLoginOptions()
  if (!options.ok) throw new Error(options.error.message)
  const demo = (options.value as LoginOptions).demoAccounts[nth]
  if (demo === undefined) throw new Error('no demo accounts')
  const login = await client.calls.login({
    uin: demo.uin,
    password: '',
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server: ''
  })
  if (!login.ok) throw new Error(login.error.message)
  return login.value
}

describe('the core host', () => {
  it('answers calls with Results, checks them as the IPC does, and sends the core’s events', async () => {
    const { client, events } = await startHost()
    const options = await client.calls.getLoginOptions()
    expect(options).toMatchObject({ ok: true, value: { embedded: true } })

    expect(await client.call('noSuchCall' as 'logout', [])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await client.call('setStatus', ['10001@built-in', 'sleepy'])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await client.call('openWindow', [{ kind: 'login' }])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })

    const { account, me } = await loginDemo(client)
    expect(account).toBe(`${me.uin}@built-in`)
    expect(events).toContainEqual({
      account,
      event: expect.objectContaining({
        type: 'session',
        session: expect.objectContaining({ phase: 'online' })
      })
    })
    expect(events).toContainEqual({
      account: null,
      event: { type: 'accounts', accounts: [{ account, server: expect.any(String), me }] }
    })
    const snapshot = await client.calls.getSnapshot(account)
    expect(snapshot).toMatchObject({ ok: true, value: { me: { uin: me.uin } } })
    expect(await client.calls.getSnapshot('1@built-in')).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' }
    })
  })

  it('is started again when killed: a call in flight fails, every account and its friends come back', async () => {
    const { client, hosts, events } = await startHost()
    const first = await loginDemo(client, 0)
    const second = await loginDemo(client, 1)
    const friendsOf = async (account: AccountId) => {
      const snapshot = await client.calls.getSnapshot(account)
      if (!snapshot.ok) throw new Error(snapshot.error.message)
      return (snapshot.value as Snapshot).friends.map((friend) => friend.uin).sort()
    }
    const friends = await friendsOf(first.account)
    expect(friends.length).toBeGreaterThan(0)

    const restarted = new Promise<void>((resolve) => client.onRestart(resolve))
    const pushed = nextEvent(
      client,
      ({ account, event }) => account === second.account && event.type === 'friends'
    )
    const inFlight = client.calls.getHistory(first.account, null, null, 50)
    const from = events.length
    hosts[0]?.kill()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })

    await restarted
    expect(hosts).toHaveLength(2)
    // The windows' state, pushed as events: each account's friend list again, and no
    // account closed.
    const event = (await pushed).event
    expect(event.type === 'friends' && event.friends.map((f) => f.uin).sort()).toEqual(
      await friendsOf(second.account)
    )
    expect(events.slice(from).filter((e) => e.event.type === 'account-closed')).toEqual([])
    // And calls work again, on sessions made again.
    for (const { account, me } of [first, second]) {
      expect(await client.calls.getSnapshot(account)).toMatchObject({
        ok: true,
        value: { me: { uin: me.uin }, session: { phase: 'online' } }
      })
    }
    expect(await friendsOf(first.account)).toEqual(friends)
  })

  it('after a restart, an account logged out before stays out', async () => {
    const { client, hosts, events } = await startHost()
    const first = await loginDemo(client, 0)
    const second = await loginDemo(client, 1)
    expect(await client.calls.logout(second.account)).toEqual({ ok: true, value: null })
    expect(events).toContainEqual({ account: second.account, event: { type: 'account-closed' } })

    const restarted = new Promise<void>((resolve) => client.onRestart(resolve))
    hosts[0]?.kill()
    await restarted
    const options = await client.calls.getLoginOptions()
    expect(options.ok && (options.value as LoginOptions).signedIn.map((s) => s.account)).toEqual([
      first.account
    ])
    expect(await client.calls.getSnapshot(second.account)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' }
    })
  })
})
