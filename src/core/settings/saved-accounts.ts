import type { SavedAccount, Status } from '../../shared/model.ts'
import { readAccounts } from './read-stored.ts'
import type { SecretBox } from './secret-box.ts'
import type { SettingsStore, StoredAccount } from './stored-data.ts'

/** How many accounts the login window remembers. */
const MAX_SAVED = 10

export interface AccountChoice {
  readonly uin: number
  readonly rememberPassword: boolean
  readonly autoLogin: boolean
  readonly status: Status
}

/**
 * The accounts the login window offers, most recent first. A password is remembered only
 * sealed by the SecretBox; where it has no encryption (the command line), never.
 */
export class SavedAccounts {
  readonly #store: SettingsStore
  readonly #secrets: SecretBox

  constructor(store: SettingsStore, secrets: SecretBox) {
    this.#store = store
    this.#secrets = secrets
  }

  list(): Omit<SavedAccount, 'signedIn'>[] {
    return this.#read().map(({ uin, rememberPassword, autoLogin, status }) => ({
      uin,
      rememberPassword: rememberPassword && this.#secrets.available(),
      autoLogin,
      status
    }))
  }

  /** Whether a password can be sealed and kept here at all. */
  keepsPasswords(): boolean {
    return this.#secrets.available()
  }

  /** Every account that logs in by itself and whose password can be opened, latest first. */
  autoLoginUins(): number[] {
    return this.list()
      .filter((account) => account.autoLogin && this.password(account.uin) !== undefined)
      .map((account) => account.uin)
  }

  /** The remembered password of `uin`, if one is and it can still be opened. */
  password(uin: number): string | undefined {
    const sealed = this.#read().find((account) => account.uin === uin)?.sealedPassword
    if (sealed === undefined || !this.#secrets.available()) return undefined
    try {
      return this.#secrets.decrypt(sealed)
    } catch {
      return undefined
    }
  }

  /** After a successful login: to the top of the list, with the password sealed or dropped. */
  remember(choice: AccountChoice, password: string): void {
    const { uin, rememberPassword, autoLogin, status } = choice
    const keep = rememberPassword && this.#secrets.available()
    const account: StoredAccount = {
      uin,
      rememberPassword: keep,
      autoLogin: keep && autoLogin,
      status,
      ...(keep ? { sealedPassword: this.#secrets.encrypt(password) } : {})
    }
    const others = this.#read().filter((saved) => saved.uin !== uin)
    this.#store.set('accounts', [account, ...others].slice(0, MAX_SAVED))
  }

  #read(): StoredAccount[] {
    return readAccounts(this.#store.get('accounts'))
  }
}
