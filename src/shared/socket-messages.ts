import type { Result } from './errors.ts'
import type { AccountEvent } from './model.ts'

/** The web shell's socket protocol: JSON text frames, calls answered by id, events pushed. */
export interface CallMessage {
  readonly id: number
  readonly call: string
  readonly args: readonly unknown[]
}

export type ShellMessage =
  { readonly id: number; readonly result: Result<unknown> } | { readonly event: AccountEvent }

/**
 * The socket's path on the web shell; the token rides in its query, and so does the tab's
 * account (`account=<id>`, absent for the login window).
 */
export const BRIDGE_PATH = '/bridge'
