import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SavedAccounts } from '../../../../src/core/settings/saved-accounts.ts'
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/defaults.ts'
import { readSettings } from '../../../../src/core/settings/read-stored.ts'
import { NO_SECRETS, type SecretBox } from '../../../../src/core/settings/secret-box.ts'
import { createFileSettingsStore } from '../../../../src/core/settings/settings-file.ts'
import { useTempDirs } from '../temp-dir.ts'

const tempDir = useTempDirs()

/** Reversible and visibly not the password: enough to see that only sealed text is stored. */
const ROT_BOX: SecretBox = {
  available: () => true,
  encrypt: (text) => `sealed:${[...text].reverse().join('')}`,
  decrypt: (blob) => [...blob.replace(/^sealed:/, '')].reverse().join('')
}

describe('settings', () => {
  it('reads stored values over the defaults, each bad value falling back alone', () => {
    const settings = readSettings(
      JSON.parse(
        '{"server":"qq.example:8000","pollIntervalMs":5,"theme":"dark","language":"klingon",' +
          '"autoReply":{"enabled":true,"text":"忙"},"__proto__":{"polluted":true},"unknown":1}'
      )
    )
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      server: 'qq.example:8000',
      theme: 'dark',
      autoReply: { enabled: true, text: '忙' }
    })
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS)
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype)
    expect(settings).not.toHaveProperty('polluted')
  })

  it('the JSON file store keeps what it is given and survives a damaged file', () => {
    const path = join(tempDir(), 'nested', 'settings.json')
    const store = createFileSettingsStore(path)
    expect(store.get('settings')).toBeUndefined()
    store.set('settings', { ...DEFAULT_SETTINGS, sounds: false })
    store.set('accounts', [])
    expect(createFileSettingsStore(path).get('settings')).toMatchObject({ sounds: false })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('accounts', [])
    writeFileSync(path, '{ not json')
    expect(store.get('settings')).toBeUndefined()
  })
})

describe('saved accounts', () => {
  it('remembers a password only sealed, most recent account first', () => {
    const store = createFileSettingsStore(join(tempDir(), 'settings.json'))
    const saved = new SavedAccounts(store, ROT_BOX)
    saved.remember({ uin: 10001, rememberPassword: true, autoLogin: true, status: 30 }, 'secret1')
    saved.remember({ uin: 10002, rememberPassword: false, autoLogin: true, status: 10 }, 'secret2')
    expect(saved.list()).toEqual([
      { uin: 10002, rememberPassword: false, autoLogin: false, status: 10 },
      { uin: 10001, rememberPassword: true, autoLogin: true, status: 30 }
    ])
    expect(saved.password(10001)).toBe('secret1')
    expect(saved.password(10002)).toBeUndefined()
    expect(JSON.stringify(store.get('accounts'))).not.toContain('secret')
  })

  it('without encryption never remembers a password', () => {
    const store = createFileSettingsStore(join(tempDir(), 'settings.json'))
    const saved = new SavedAccounts(store, NO_SECRETS)
    saved.remember({ uin: 10001, rememberPassword: true, autoLogin: true, status: 10 }, 'secret1')
    expect(saved.list()).toEqual([
      { uin: 10001, rememberPassword: false, autoLogin: false, status: 10 }
    ])
    expect(saved.password(10001)).toBeUndefined()
  })

  it('forgets the password when the next login does not ask to remember it', () => {
    const store = createFileSettingsStore(join(tempDir(), 'settings.json'))
    const saved = new SavedAccounts(store, ROT_BOX)
    saved.remember({ uin: 10001, rememberPassword: true, autoLogin: false, status: 10 }, 'secret1')
    saved.remember({ uin: 10001, rememberPassword: false, autoLogin: false, status: 10 }, 'secret1')
    expect(saved.password(10001)).toBeUndefined()
    expect(JSON.stringify(store.get('accounts'))).not.toContain('sealed')
  })
})
