import { EVENT_CHANNEL } from '../shared/api.ts'
import type { BridgeCore } from '../core/host/bridge-core.ts'
import { registerIpc } from './ipc.ts'
import type { AppOrigin } from './security/app-origin.ts'
import { isTrustedSender } from './security/trusted-sender.ts'
import { createWindowCalls } from './windows/window-calls.ts'
import type { WindowManager } from './windows/window-manager.ts'

/** Wires the bridge: the calls of every window to the core, and the core's events to every window. */
export function connectBridge(
  core: BridgeCore,
  windows: WindowManager,
  origin: AppOrigin,
  logs: string
): () => void {
  const stopIpc = registerIpc({
    core: core.calls,
    windowCalls: (sender) => createWindowCalls(windows, sender, logs),
    isTrustedSender: (event) =>
      isTrustedSender(event, {
        owns: (contents) => windows.routeOf(contents) !== undefined,
        isAppUrl: origin.isAppUrl
      })
  })
  const stopEvents = core.onEvent((event) => windows.send(EVENT_CHANNEL, event))
  return () => {
    stopIpc()
    stopEvents()
  }
}
