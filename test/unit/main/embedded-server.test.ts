import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/errors.ts'
import type { LoginOptions } from '../../../src/shared/model.ts'
import type { BridgeCore } from '../../../src/main/core/host/bridge-core.ts'
import {
  hostEmbeddedServer,
  type EmbeddedServerHost
} from '../../../src/main/core/host/embedded-server.ts'
import { withLanAddress } from '../../../src/main/core/host/lan-login-options.ts'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function host(lan: boolean): Promise<EmbeddedServerHost> {
  const dir = mkdtempSync(join(tmpdir(), 'http-qq-embedded-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  // Another loopback address stands in for "every interface": tests listen on loopback only.
  const server = await hostEmbeddedServer(dir, lan, '127.0.0.2')
  cleanup.push(() => server.close())
  return server
}

/** Whether a server answers a protocol request at `host:port`. */
async function answers(address: string): Promise<boolean> {
  try {
    const reply = await fetch(`http://${address}/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
      body: 'VER=1.1&CMD=Logout&SEQ=1234&UIN=10000'
    })
    return (await reply.text()).includes('CMD=LOGOUT')
  } catch {
    return false
  }
}

describe('the embedded server', () => {
  it('starts on loopback with demo accounts to log in with', async () => {
    const server = await host(false)
    expect(server.embedded.server).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(server.embedded.demoAccounts.length).toBeGreaterThan(0)
    expect(server.embedded.demoAccounts[0]).toMatchObject({
      uin: expect.any(Number),
      password: expect.any(String)
    })
    expect(server.lanAddress()).toBeUndefined()
    expect(await answers(server.embedded.server)).toBe(true)
  })

  it('moves to the network address and back on the same port', async () => {
    const server = await host(false)
    const port = server.embedded.server.split(':')[1]
    await server.setHostForLan(true)
    expect(server.embedded.server).toBe(`127.0.0.1:${port}`)
    expect(await answers(`127.0.0.2:${port}`)).toBe(true)
    expect(await answers(`127.0.0.1:${port}`)).toBe(false)
    await server.setHostForLan(false)
    expect(await answers(`127.0.0.1:${port}`)).toBe(true)
    expect(await answers(`127.0.0.2:${port}`)).toBe(false)
  })
})

describe('the login options', () => {
  const options: LoginOptions = {
    server: '127.0.0.1:1',
    embedded: true,
    demoAccounts: [],
    savedAccounts: [],
    autoLoginUin: null
  }
  const core = { calls: { getLoginOptions: async () => ok(options) } } as unknown as BridgeCore

  it('show the network address only while hosting', async () => {
    let address: string | undefined = undefined
    const hosted = withLanAddress(core, () => address)
    expect(await hosted.calls.getLoginOptions()).toEqual(ok(options))
    address = '192.168.1.20:8000'
    expect(await hosted.calls.getLoginOptions()).toEqual(
      ok({ ...options, lanAddress: '192.168.1.20:8000' })
    )
  })
})
