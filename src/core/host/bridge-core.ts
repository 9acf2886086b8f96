import type { Unsubscribe } from '../../shared/api.ts'
import type { CoreEvent } from '../../shared/model.ts'
import type { CoreCalls } from './dispatch.ts'

/** What a bridge host needs of the client core: its calls and its event stream. */
export interface BridgeCore {
  readonly calls: CoreCalls
  onEvent(handler: (event: CoreEvent) => void): Unsubscribe
}
