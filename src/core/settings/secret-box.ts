/** Encryption for remembered passwords: `safeStorage` in the app. */
export interface SecretBox {
  available(): boolean
  encrypt(text: string): string
  decrypt(blob: string): string
}

/** The command line never remembers a password. */
export const NO_SECRETS: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('no encryption available')
  },
  decrypt: () => {
    throw new Error('no encryption available')
  }
}
