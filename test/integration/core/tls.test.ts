/** D-27, the client side: the real core against the real server over TLS on the same port. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AUTO_REPLY_MARKER, DEMO_BOT_UIN, type RunningServer } from '../../../src/server/index.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import type { LoginRequest } from '../../../src/shared/model.ts'
import { ALICE, BOB, PASSWORD, TestClient, testServer, valueOf } from './harness.ts'

const hosts = ['127.0.0.1', 'localhost']
const [first, second] = await Promise.all([makeCertificate(hosts), makeCertificate(hosts)])

const httpsOf = (server: RunningServer) => `https://${server.address}`

const login = async (client: TestClient, server: string, patch: Partial<LoginRequest> = {}) => {
  const result = await client.calls.login({
    uin: ALICE,
    password: PASSWORD,
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server,
    ...patch
  })
  if (result.ok) client.use(result.value.account)
  return result
}

describe('client core over TLS (D-27)', () => {
  const servers: RunningServer[] = []
  const clients: TestClient[] = []
  const client = () => {
    const created = new TestClient()
    clients.push(created)
    return created
  }
  afterEach(async () => {
    for (const created of clients.splice(0)) await created.stop()
    for (const server of servers.splice(0)) await server.close()
  })

  it('asks for a self-signed certificate to be accepted, keeps it, and refuses it once changed', async () => {
    const server = await testServer({ tls: first })
    servers.push(server)
    const alice = client()

    const refused = await login(alice, httpsOf(server))
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_CERTIFICATE', fingerprint: server.fingerprint }
    })
    // Refused before the Login left: the server never saw the password.
    expect(alice.transport.of('Login').map((exchange) => exchange.outcome)).toEqual([
      'UNTRUSTED_CERTIFICATE'
    ])
    const settingsFile = join(alice.dataDir, 'settings.json')
    expect(existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '').not.toContain(
      'https'
    )

    valueOf(await login(alice, httpsOf(server), { fingerprint: server.fingerprint }))
    await expect(alice.core.calls.getSnapshot(alice.account)).resolves.toMatchObject({
      value: { session: { phase: 'online', secure: true } }
    })
    const bob = await client().login(server, BOB)
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'over TLS, 加密的'))
    expect(await bob.waitForTexts(ALICE, 1)).toEqual(['over TLS, 加密的'])
    valueOf(await bob.calls.sendMessage(bob.account, ALICE, 'plain, on the same port'))
    expect(await alice.waitForTexts(BOB, 1)).toEqual(['plain, on the same port'])

    // A second login asks nothing: the fingerprint was kept for this server.
    valueOf(await alice.calls.logout(alice.account))
    valueOf(await login(alice, httpsOf(server)))
    await alice.core.whenSynced(alice.account)
    valueOf(await alice.calls.logout(alice.account))

    // The same address, another certificate: never accepted silently.
    const port = server.port
    await servers.pop()?.close()
    const changed = await testServer({ tls: second, port })
    servers.push(changed)
    expect(changed.fingerprint).not.toBe(server.fingerprint)
    expect(await login(alice, httpsOf(changed))).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_CHANGED', fingerprint: changed.fingerprint }
    })
    // Until the user accepts the new one.
    valueOf(await login(alice, httpsOf(changed), { fingerprint: changed.fingerprint }))
  })

  it('goes offline with CERTIFICATE_CHANGED when the certificate changes mid-session', async () => {
    const server = await testServer({ tls: first })
    servers.push(server)
    const alice = client()
    valueOf(await login(alice, httpsOf(server), { fingerprint: server.fingerprint }))
    await alice.core.whenSynced(alice.account)
    const port = server.port
    await servers.pop()?.close()
    servers.push(await testServer({ tls: second, port }))
    const offline = await alice.waitFor((event) =>
      event.type === 'session' && event.session.phase === 'offline' ? event.session : undefined
    )
    expect(offline.reason).toBe('CERTIFICATE_CHANGED')
  })

  it('works with a --require-tls server over https, which a plain client cannot use', async () => {
    const server = await testServer({ tls: first, requireTls: true })
    servers.push(server)
    const alice = client()
    valueOf(await login(alice, httpsOf(server), { fingerprint: server.fingerprint }))
    const bob = client()
    expect(await login(bob, server.address, { uin: BOB })).toMatchObject({
      ok: false,
      error: { code: 'NO_REPLY' }
    })
    valueOf(await login(bob, httpsOf(server), { uin: BOB, fingerprint: server.fingerprint }))
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'only over TLS'))
    expect(await bob.waitForTexts(ALICE, 1)).toEqual(['only over TLS'])
  })

  it('runs the demo bot over TLS with --demo --require-tls, trusting the server’s own certificate', async () => {
    const server = await testServer({ demo: true, tls: first, requireTls: true })
    servers.push(server)
    const [person] = server.demoAccounts
    if (person === undefined) throw new Error('no demo people')
    const me = client()
    valueOf(
      await login(me, httpsOf(server), {
        uin: person.uin,
        password: person.password,
        fingerprint: server.fingerprint
      })
    )
    valueOf(await me.calls.sendMessage(me.account, DEMO_BOT_UIN, 'hello bot'))
    const [answer] = await me.waitForTexts(DEMO_BOT_UIN, 1, 20_000)
    expect(answer?.startsWith(AUTO_REPLY_MARKER)).toBe(true)
    expect(answer?.endsWith('hello bot')).toBe(true)
  })
})
