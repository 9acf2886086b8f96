/**
 * Remembered passwords are kept only through the OS keychain (`safeStorage`). On Linux
 * without a keyring Electron falls back to a fixed, well-known key ("basic_text"): that is
 * as good as plaintext, so the box reports itself unavailable there and nothing is stored.
 */
import { safeStorage } from 'electron'

export interface SafeStorageBox {
  encrypt(text: string): string
  decrypt(blob: string): string
  available(): boolean
}

export function createSafeStorageBox(platform: NodeJS.Platform = process.platform): SafeStorageBox {
  const available = (): boolean =>
    safeStorage.isEncryptionAvailable() &&
    (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  return {
    available,
    encrypt(text) {
      if (!available()) throw new Error('no safe storage on this system')
      return safeStorage.encryptString(text).toString('base64')
    },
    decrypt(blob) {
      if (!available()) throw new Error('no safe storage on this system')
      return safeStorage.decryptString(Buffer.from(blob, 'base64'))
    }
  }
}
