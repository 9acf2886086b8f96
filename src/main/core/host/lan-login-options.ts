import { ok } from '../../../shared/errors.ts'
import type { BridgeCore } from './bridge-core.ts'

/**
 * The login window shows where others on the network reach the embedded server; only the
 * host knows that, so it adds it to the core's login options.
 */
export function withLanAddress<Core extends BridgeCore>(
  core: Core,
  lanAddress: () => string | undefined
): Core {
  const calls = {
    ...core.calls,
    async getLoginOptions() {
      const options = await core.calls.getLoginOptions()
      const address = lanAddress()
      return options.ok && address !== undefined
        ? ok({ ...options.value, lanAddress: address })
        : options
    }
  }
  return { ...core, calls }
}
