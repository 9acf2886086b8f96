import { X509Certificate } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/errors.ts'
import type { LoginOptions } from '../../../src/shared/model.ts'
import type { BridgeCore } from '../../../src/core/host/bridge-core.ts'
import {
  hostEmbeddedServer,
  type EmbeddedServerHost
} from '../../../src/core/host/embedded-server.ts'
import { lanAddresses } from '../../../src/core/host/lan-address.ts'
import { withLanAddress } from '../../../src/core/host/lan-login-options.ts'
import { CERT_FILE, KEY_FILE } from '../../../src/server/admin/cert-command.ts'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function profileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'http-qq-embedded-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function host(lan: boolean, dir = profileDir()): Promise<EmbeddedServerHost> {
  // Another loopback address stands in for "every interface": tests listen on loopback only.
  const server = await hostEmbeddedServer(dir, lan, '127.0.0.2')
  cleanup.push(() => server.close())
  return server
}

/** The SHA-256 fingerprint of the certificate a TLS handshake at `host:port` shows. */
async function presentedFingerprint(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256)
      socket.end()
    })
    socket.once('error', reject)
  })
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
    expect(await server.lan()).toBeUndefined()
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

describe('hosting for the local network (D-27)', () => {
  it('serves TLS beside plain on its port, with a certificate of its own kept in the profile', async () => {
    const dir = profileDir()
    const server = await host(false, dir)
    const port = Number(server.embedded.server.split(':')[1])
    expect(existsSync(join(dir, 'server', CERT_FILE))).toBe(false)
    await server.setHostForLan(true)

    const hosting = await server.lan()
    const [first] = lanAddresses()
    expect(hosting).toEqual({
      address: first === undefined ? undefined : `https://${first}:${port}`,
      fingerprint: expect.stringMatching(/^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/)
    })
    expect(await presentedFingerprint('127.0.0.2', port)).toBe(hosting?.fingerprint)
    // Plain still answers: the app logs in to its own server over loopback, and so may the
    // clients of 2005 on the network.
    expect(await answers(`127.0.0.2:${port}`)).toBe(true)

    const certificate = new X509Certificate(readFileSync(join(dir, 'server', CERT_FILE)))
    expect(certificate.fingerprint256).toBe(hosting?.fingerprint)
    for (const name of [...lanAddresses(), '127.0.0.2', '127.0.0.1'])
      expect(certificate.checkIP(name)).toBe(name)
    expect(certificate.checkHost('localhost')).toBe('localhost')
    // The key is the server's identity: its owner's alone.
    expect(statSync(join(dir, 'server', KEY_FILE)).mode & 0o777).toBe(0o600)

    // Off: loopback and plain only, nothing for the network to compare.
    await server.setHostForLan(false)
    expect(await server.lan()).toBeUndefined()
    await expect(presentedFingerprint('127.0.0.1', port)).rejects.toThrow()
  })

  it('keeps the same certificate when hosting again and after a restart', async () => {
    const dir = profileDir()
    const server = await host(true, dir)
    const first = (await server.lan())?.fingerprint
    expect(first).toBeDefined()
    await server.setHostForLan(false)
    await server.setHostForLan(true)
    expect((await server.lan())?.fingerprint).toBe(first)
    await server.close()
    const again = await host(true, dir)
    expect((await again.lan())?.fingerprint).toBe(first)
  })

  it('replaces a damaged certificate rather than failing to start', async () => {
    const dir = profileDir()
    const server = await host(true, dir)
    const first = (await server.lan())?.fingerprint
    await server.close()
    writeFileSync(join(dir, 'server', CERT_FILE), 'not a certificate')
    const again = await host(true, dir)
    const second = (await again.lan())?.fingerprint
    expect(second).toMatch(/^[0-9A-F:]{95}$/)
    expect(second).not.toBe(first)
    expect(
      await presentedFingerprint('127.0.0.2', Number(again.embedded.server.split(':')[1]))
    ).toBe(second)
  })

  it('answers the windows only once a switch is done', async () => {
    const server = await host(false)
    const switched = server.setHostForLan(true)
    expect((await server.lan())?.fingerprint).toMatch(/^[0-9A-F:]{95}$/)
    await switched
  })
})

describe('the login options', () => {
  const options: LoginOptions = {
    server: '127.0.0.1:1',
    embedded: true,
    demoAccounts: [],
    savedAccounts: [],
    keepsPasswords: true,
    autoLoginUins: [],
    signedIn: []
  }
  const core = { calls: { getLoginOptions: async () => ok(options) } } as unknown as BridgeCore

  it('show the network address and the fingerprint only while hosting', async () => {
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':')
    let hosting: { address: string | undefined; fingerprint: string } | undefined = undefined
    const hosted = withLanAddress(core, async () => hosting)
    expect(await hosted.calls.getLoginOptions()).toEqual(ok(options))
    hosting = { address: 'https://192.168.1.20:8000', fingerprint }
    expect(await hosted.calls.getLoginOptions()).toEqual(
      ok({ ...options, lanAddress: 'https://192.168.1.20:8000', lanFingerprint: fingerprint })
    )
    // No network address right now: still the fingerprint.
    hosting = { address: undefined, fingerprint }
    expect(await hosted.calls.getLoginOptions()).toEqual(
      ok({ ...options, lanFingerprint: fingerprint })
    )
  })
})
