import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
import source from '../../../build/electron-builder.config.ts'

const ROOT = join(import.meta.dirname, '../../..')
const CONFIG = 'build/electron-builder.config.ts'

/** Loaded the way `electron-builder --config` loads it, then checked against its schema. */
async function load(): Promise<Configuration> {
  const config = await getConfig(ROOT, CONFIG, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

const targetsOf = (platform: { target?: unknown } | null | undefined): unknown => platform?.target

describe('the packaging config', () => {
  it('is read and accepted by electron-builder itself', async () => {
    await expect(load()).resolves.toMatchObject({ appId: 'org.httpqq.desktop', asar: true })
    // The check is real: a mistyped fuse is refused.
    const broken = {
      ...(await load()),
      electronFuses: { runAsNode: 'no' }
    } as unknown as Configuration
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/runAsNode/)
  })

  it('builds AppImage and deb, NSIS, and dmg, each with our icon', async () => {
    const config = await load()
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toBe('build/icons/icon.png')
      expect(existsSync(join(ROOT, String(platform?.icon)))).toBe(true)
    }
  })

  it('packs the built app and its resources, and no sources or source maps', async () => {
    const files = source.files as string[]
    expect(files).toEqual(
      expect.arrayContaining([
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        'resources/sounds/**'
      ])
    )
    expect(files).toContain('!**/*.map')
    expect(files.some((pattern) => pattern.startsWith('src'))).toBe(false)
    for (const sound of ['message', 'system', 'online']) {
      expect(existsSync(join(ROOT, `resources/sounds/${sound}.wav`))).toBe(true)
    }
  })

  it('sets every fuse of the wire, each to its locked-down value', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      // Flipping the fuses breaks the macOS app's ad-hoc signature and Apple Silicon kills
      // such an app; without a signing identity (the release workflow has none) this ad-hoc
      // signature is the only one it gets.
      resetAdHocDarwinSignature: true
    })
  })
})
