// @vitest-environment node
/** D-27 in the login store: a certificate to accept, on the real core and a TLS server. */
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useLoginStore } from '../../../src/renderer/src/stores/login.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import { actAs, startWorld, type World } from './world.ts'

const ALICE = 20001
let world: World

beforeAll(async () => {
  world = await startWorld(
    { accounts: [{ uin: ALICE, password: 'alice', nick: 'Alice' }] },
    { tls: await makeCertificate(['127.0.0.1']) }
  )
})
afterAll(() => world?.close())

describe('the login store and a certificate to accept', () => {
  it('keeps the fingerprint and the login to try again, and logs in once it is accepted', async () => {
    setActivePinia(createPinia())
    actAs(world.person(ALICE).bridge, null)
    const login = useLoginStore()
    const request = {
      uin: ALICE,
      password: 'alice',
      status: 10 as const,
      rememberPassword: false,
      autoLogin: false,
      server: `https://${world.server.address}`
    }
    expect(await login.login(request)).toBeNull()
    expect(login.error?.code).toBe('UNTRUSTED_CERTIFICATE')
    expect(login.pendingCertificate).toEqual({
      fingerprint: world.server.fingerprint,
      changed: false,
      request
    })
    login.dismissCertificate()
    expect(login.pendingCertificate).toBeNull()
    expect(await login.acceptCertificate()).toBeNull()

    expect(await login.login(request)).toBeNull()
    expect(await login.acceptCertificate()).toMatchObject({ me: { uin: ALICE } })
    expect(login.error).toBeNull()
    expect(login.pendingCertificate).toBeNull()
  })
})
