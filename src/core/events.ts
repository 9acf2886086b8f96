import type { CoreEvent } from '../shared/model.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export type EventHandler = (event: CoreEvent) => void
export type Emit = (event: CoreEvent) => void

/** The core's one event stream. A failing listener is logged and never stops the others. */
export class EventStream {
  readonly #handlers = new Set<EventHandler>()

  on(handler: EventHandler): () => void {
    this.#handlers.add(handler)
    return () => this.#handlers.delete(handler)
  }

  readonly emit: Emit = (event) => {
    for (const handler of [...this.#handlers]) {
      try {
        handler(event)
      } catch (error) {
        diagnostics().error({ err: error }, `a ${event.type} event listener failed`)
      }
    }
  }
}
