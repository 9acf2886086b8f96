import { diagnostics } from '../../logging/diagnostics.ts'
import type { BridgeCore } from './bridge-core.ts'
import { dispatchCall, NO_WINDOW_CALLS } from './dispatch.ts'
import type { FromHost } from './messages.ts'
import { parseToHost } from './messages.ts'
import type { HostPort } from './port.ts'

/**
 * The host's side of the line: every call through the same dispatch as the IPC (names and
 * arguments checked, a Result whatever happens), every event of the core to the parent,
 * and `ready` once both are wired. `stop` ends the core; the process then exits.
 */
export function serveCore(port: HostPort, core: BridgeCore, stop: () => Promise<void>): void {
  const post = (message: FromHost): void => port.postMessage(message)
  const handlers = { ...core.calls, ...NO_WINDOW_CALLS }
  core.onEvent((event) => post({ type: 'event', event }))
  port.onMessage((raw) => {
    const message = parseToHost(raw)
    if (message === undefined) {
      diagnostics().warn('core host: a message of unknown shape was dropped')
      return
    }
    if (message.type === 'stop') {
      void stop()
        .catch((error: unknown) => diagnostics().error({ err: error }, 'core host: stop failed'))
        .finally(() => process.exit(0))
      return
    }
    void dispatchCall(handlers, message.name, message.args).then((result) =>
      post({ type: 'result', id: message.id, result })
    )
  })
  post({ type: 'ready' })
}
