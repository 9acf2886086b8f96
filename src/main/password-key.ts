import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorageBox } from './secret-box.ts'

const KEY = /^[0-9a-f]{64}$/

/**
 * The key the core host seals remembered passwords with (hex): 32 random bytes, kept in the
 * profile sealed by the OS keychain, which only main may use. No keychain (or Linux's
 * `basic_text`): no key, and no password is remembered.
 */
export function passwordKey(profile: string, box: SafeStorageBox): string | undefined {
  if (!box.available()) return undefined
  const file = join(profile, 'password-key')
  try {
    const key = box.decrypt(readFileSync(file, 'utf8'))
    if (KEY.test(key)) return key
  } catch {
    // None yet, or sealed by a keychain that is gone: its passwords are lost either way.
  }
  const key = randomBytes(32).toString('hex')
  mkdirSync(profile, { recursive: true })
  writeFileSync(file, box.encrypt(key), { mode: 0o600 })
  return key
}
