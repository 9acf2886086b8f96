/**
 * Someone on the other side without a window: the client core in this process, logged in
 * to the test's server over real TCP. Cheaper than a second browser when a test only needs
 * them to send something.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccountId } from '../../../src/shared/account-id.ts'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type ClientCore
} from '../../../src/core/index.ts'

export interface CorePerson {
  readonly core: ClientCore
  /** The account signed in: what each of its calls names. */
  readonly account: AccountId
  stop(): Promise<void>
}

export async function logInCore(
  server: string,
  uin: number,
  password: string
): Promise<CorePerson> {
  const dataDir = mkdtempSync(join(tmpdir(), `http-qq-core-${uin}-`))
  const core = createClientCore({
    dataDir,
    settings: createFileSettingsStore(join(dataDir, 'settings.json')),
    secrets: NO_SECRETS,
    // The server's 20 s penalty, scaled as startGuiWorld scales it (0.05).
    timing: { penaltyMs: 1000 }
  })
  const result = await core.calls.login({
    uin,
    password,
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server
  })
  if (!result.ok) throw new Error(`login ${uin}: ${result.error.code}`)
  await core.whenSynced(result.value.account)
  return {
    core,
    account: result.value.account,
    async stop() {
      await core.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
