import type { AccountId } from '../shared/account-id.ts'
import { EVENT_CHANNEL } from '../shared/api.ts'
import type { SignedIn } from '../shared/model.ts'
import { routeAccount } from '../shared/routes.ts'
import type { BridgeCore } from '../core/host/bridge-core.ts'
import type { CoreCalls } from '../core/host/dispatch.ts'
import { registerIpc } from './ipc.ts'
import type { AppOrigin } from './security/app-origin.ts'
import { isTrustedSender } from './security/trusted-sender.ts'
import { createWindowCalls } from './windows/window-calls.ts'
import type { WindowManager } from './windows/window-manager.ts'

export interface BridgeOptions {
  readonly origin: AppOrigin
  readonly logs: string
  /** After a window's login worked: the app opens that account's windows. */
  onSignedIn(signedIn: SignedIn): void
}

/**
 * Wires the bridge: the calls of every window to the core, each for its window's account
 * only, and each event to the windows of its account (the app's own, account null, to all).
 */
export function connectBridge(
  core: BridgeCore,
  windows: WindowManager,
  { origin, logs, onSignedIn }: BridgeOptions
): () => void {
  const calls: CoreCalls = {
    ...core.calls,
    async login(request) {
      const result = await core.calls.login(request)
      if (result.ok) onSignedIn(result.value)
      return result
    }
  }
  const stopIpc = registerIpc({
    core: calls,
    windowCalls: (sender) => createWindowCalls(windows, sender, logs),
    isTrustedSender: (event) =>
      isTrustedSender(event, {
        owns: (contents) => windows.routeOf(contents) !== undefined,
        isAppUrl: origin.isAppUrl
      }),
    accountOf(sender): AccountId | null {
      const route = windows.routeOf(sender)
      // Only asked of trusted senders, which are our windows; a stranger gets the login's few calls.
      return route === undefined ? null : routeAccount(route)
    }
  })
  const stopEvents = core.onEvent((event) => windows.sendTo(event.account, EVENT_CHANNEL, event))
  return () => {
    stopIpc()
    stopEvents()
  }
}
