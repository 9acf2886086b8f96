import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretBox } from '../settings/secret-box.ts'

/**
 * Remembered passwords in the core host: AES-256-GCM under a key the app's main process
 * keeps sealed by the OS keychain and hands over at start (the keychain is main's alone).
 * A blob is iv (12 bytes), tag (16), then the ciphertext, in base64.
 */
export function createKeyBox(key: Buffer): SecretBox {
  return {
    available: () => true,
    encrypt(text) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    decrypt(blob) {
      const bytes = Buffer.from(blob, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
      decipher.setAuthTag(bytes.subarray(12, 28))
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}
