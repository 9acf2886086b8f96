// @vitest-environment node
/**
 * D-27 in the settings window's store: while the built-in server is hosted for the network,
 * the https address to give out and the fingerprint to compare, from the real host and core.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { QQApi } from '../../../src/shared/api.ts'
import { ok } from '../../../src/shared/errors.ts'
import { createClientCore, createFileSettingsStore, NO_SECRETS } from '../../../src/core/index.ts'
import { hostEmbeddedServer } from '../../../src/core/host/embedded-server.ts'
import { lanAddress } from '../../../src/core/host/lan-address.ts'
import { withLanAddress } from '../../../src/core/host/lan-login-options.ts'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings.ts'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

describe('the settings store while hosting for the network (D-27)', () => {
  it('has the https address and the fingerprint, and nothing once hosting stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-qq-settings-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    // Another loopback address stands in for "every interface".
    const host = await hostEmbeddedServer(dir, true, '127.0.0.2')
    cleanup.push(() => host.close())
    const core = withLanAddress(
      createClientCore({
        dataDir: dir,
        settings: createFileSettingsStore(join(dir, 'settings.json')),
        secrets: NO_SECRETS,
        embedded: host.embedded
      }),
      host.lan
    )
    cleanup.push(() => core.stop())
    const qq: QQApi = {
      ...core.calls,
      onEvent: (handler) => core.onEvent(handler),
      openWindow: async () => ok(null),
      closeWindow: async () => ok(null),
      openExternal: async () => ok(null),
      getLogFolder: async () => ok({ path: join(dir, 'logs'), canOpen: false }),
      openLogFolder: async () => ok(null)
    }
    // The store's one way out is `window.qq`; this test has no other window to give it.
    Object.defineProperty(globalThis, 'window', {
      value: { qq, location: { hash: '#/login' } },
      configurable: true
    })
    setActivePinia(createPinia())
    const settings = useSettingsStore()

    await settings.loadLan()
    const port = Number(host.embedded.server.split(':')[1])
    expect(settings.lan).toEqual({
      address: lanAddress(port),
      fingerprint: (await host.lan())?.fingerprint
    })
    expect(settings.lan?.address ?? 'https://').toMatch(/^https:\/\//)
    expect(settings.lan?.fingerprint).toMatch(/^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/)

    await host.setHostForLan(false)
    await settings.loadLan()
    expect(settings.lan).toBeNull()
  })
})
