import type { Unsubscribe } from '../../shared/api.ts'
import type { AccountEvent } from '../../shared/model.ts'
import type { CoreCalls } from './dispatch.ts'

/** What a bridge host needs of the client core: its calls and its event stream. */
export interface BridgeCore {
  readonly calls: CoreCalls
  /** Every event of every account, each with its account (null: the app's own). */
  onEvent(handler: (event: AccountEvent) => void): Unsubscribe
}
