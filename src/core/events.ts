import type { AccountEvent, CoreEvent } from '../shared/model.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export type EventHandler = (event: AccountEvent) => void
/** How one account's parts send their events: the account's line tags them with its id. */
export type Emit = (event: CoreEvent) => void

/**
 * The core's one event stream, every event with its account. A failing listener is logged
 * and never stops the others.
 */
export class EventStream {
  readonly #handlers = new Set<EventHandler>()

  on(handler: EventHandler): () => void {
    this.#handlers.add(handler)
    return () => this.#handlers.delete(handler)
  }

  readonly emit = (event: AccountEvent): void => {
    for (const handler of [...this.#handlers]) {
      try {
        handler(event)
      } catch (error) {
        diagnostics().error({ err: error }, `a ${event.event.type} event listener failed`)
      }
    }
  }
}
