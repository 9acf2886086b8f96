import { ok } from '../../shared/errors.ts'
import type { BridgeCore } from './bridge-core.ts'
import type { LanHosting } from './embedded-server.ts'

/**
 * The login and settings windows show where others on the network reach the embedded
 * server, and the fingerprint of its certificate they compare (D-27); only the host knows
 * them, so it adds them to the core's login options.
 */
export function withLanAddress<Core extends BridgeCore>(
  core: Core,
  lan: () => Promise<LanHosting | undefined>
): Core {
  const calls = {
    ...core.calls,
    async getLoginOptions() {
      const [options, hosting] = await Promise.all([core.calls.getLoginOptions(), lan()])
      if (!options.ok || hosting === undefined) return options
      return ok({
        ...options.value,
        ...(hosting.address === undefined ? {} : { lanAddress: hosting.address }),
        lanFingerprint: hosting.fingerprint
      })
    }
  }
  return { ...core, calls }
}
