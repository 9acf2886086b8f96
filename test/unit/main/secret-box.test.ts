import { beforeEach, describe, expect, it } from 'vitest'
import { createSafeStorageBox } from '../../../src/main/secret-box.ts'
import { resetElectronMock, safeStorage } from '../../mocks/electron.ts'

beforeEach(() => resetElectronMock())

describe('the secret box', () => {
  it('seals through safeStorage: what it stores is not the password', () => {
    const box = createSafeStorageBox('linux')
    expect(box.available()).toBe(true)
    const sealed = box.encrypt('hunter2')
    expect(sealed).not.toContain('hunter2')
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('hunter2')
    expect(box.decrypt(sealed)).toBe('hunter2')
  })

  it('is unavailable where the keychain is missing or is Linux’s plaintext fallback', () => {
    safeStorage.backend = 'basic_text'
    expect(createSafeStorageBox('linux').available()).toBe(false)
    expect(() => createSafeStorageBox('linux').encrypt('hunter2')).toThrow()
    expect(createSafeStorageBox('win32').available()).toBe(true)
    safeStorage.available = false
    expect(createSafeStorageBox('darwin').available()).toBe(false)
  })
})
