import type { Result } from './errors.ts'
import type { CoreEvent } from './model.ts'

/** The web shell's socket protocol: JSON text frames, calls answered by id, events pushed. */
export interface CallMessage {
  readonly id: number
  readonly call: string
  readonly args: readonly unknown[]
}

export type ShellMessage =
  { readonly id: number; readonly result: Result<unknown> } | { readonly event: CoreEvent }

/** The socket's path on the web shell; the token rides in its query. */
export const BRIDGE_PATH = '/bridge'
