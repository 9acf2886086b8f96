import type { SignedIn } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'
import type { CoreCalls } from '../core/host/dispatch.ts'
import { diagnostics } from '../logging/diagnostics.ts'

/**
 * At start, every saved account marked to log in by itself does, with its remembered
 * password and the status it last chose, one after another (their buddy lists open in that
 * order, side by side). The core names them only on a fresh start. Resolves to how many
 * signed in and how many failed; one that fails is logged, and the core keeps why for the
 * login window.
 */
export async function autoLogin(
  core: Pick<CoreCalls, 'getLoginOptions' | 'login'>,
  onSignedIn: (signedIn: SignedIn) => void
): Promise<{ signedIn: number; failed: number }> {
  const options = await core.getLoginOptions()
  if (!options.ok) return { signedIn: 0, failed: 0 }
  let signedIn = 0
  let failed = 0
  for (const uin of options.value.autoLoginUins) {
    const saved = options.value.savedAccounts.find((account) => account.uin === uin)
    const status =
      saved === undefined || saved.status === STATUS.OFFLINE ? STATUS.ONLINE : saved.status
    const result = await core.login({
      uin,
      password: '',
      status,
      rememberPassword: true,
      autoLogin: true,
      server: '',
      automatic: true
    })
    if (result.ok) {
      signedIn += 1
      onSignedIn(result.value)
    } else {
      failed += 1
      diagnostics().warn({ uin, code: result.error.code }, 'automatic login failed')
    }
  }
  return { signedIn, failed }
}
