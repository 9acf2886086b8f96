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
import type { CoreEvent, LoginOptions, Snapshot } from '../../../src/shared/model.ts'

const ENTRY = join(import.meta.dirname, '../../../src/core/host/host-main.ts')
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

interface Started {
  readonly client: CoreHostClient
  readonly events: CoreEvent[]
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
  const events: CoreEvent[] = []
  client.onEvent((event) => events.push(event))
  await client.start()
  cleanup.push(() => client.stop())
  return { client, events, hosts }
}

/** Resolves with the first event after now that `matches`. */
function nextEvent(client: CoreHostClient, matches: (event: CoreEvent) => boolean) {
  return new Promise<CoreEvent>((resolve) => {
    const stop = client.onEvent((event) => {
      if (!matches(event)) return
      stop()
      resolve(event)
    })
  })
}

async function loginDemo(client: CoreHostClient): Promise<number> {
  const options = await client.calls.getLoginOptions()
  if (!options.ok) throw new Error(options.error.message)
  const [first] = (options.value as LoginOptions).demoAccounts
  if (first === undefined) throw new Error('no demo accounts')
  const login = await client.calls.login({
    uin: first.uin,
    password: '',
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server: ''
  })
  if (!login.ok) throw new Error(login.error.message)
  return first.uin
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
    expect(await client.call('setStatus', ['sleepy'])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await client.call('openWindow', [{ kind: 'login' }])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })

    const uin = await loginDemo(client)
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'session',
        session: expect.objectContaining({ phase: 'online' })
      })
    )
    const snapshot = await client.calls.getSnapshot()
    expect(snapshot).toMatchObject({ ok: true, value: { me: { uin } } })
  })

  it('is started again when killed: a call in flight fails, the session and its friends come back', async () => {
    const { client, hosts } = await startHost()
    const uin = await loginDemo(client)
    const before = await client.calls.getSnapshot()
    if (!before.ok) throw new Error(before.error.message)
    const friends = (before.value as Snapshot).friends.map((friend) => friend.uin).sort()
    expect(friends.length).toBeGreaterThan(0)

    const restarted = new Promise<void>((resolve) => client.onRestart(resolve))
    const pushed = nextEvent(client, (event) => event.type === 'friends')
    const inFlight = client.calls.getHistory(null, null, 50)
    hosts[0]?.kill()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })

    await restarted
    expect(hosts).toHaveLength(2)
    // The windows' state, pushed as events: the friend list again.
    const event = await pushed
    expect(event.type === 'friends' && event.friends.map((friend) => friend.uin).sort()).toEqual(
      friends
    )
    // And calls work again, on a session made again.
    const after = await client.calls.getSnapshot()
    expect(after).toMatchObject({
      ok: true,
      value: { me: { uin }, session: { phase: 'online' } }
    })
  })
})
