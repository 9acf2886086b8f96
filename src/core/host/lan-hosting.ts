import type { ClientCore, SettingsStore } from '../index.ts'
import { diagnostics } from '../../logging/diagnostics.ts'
import type { EmbeddedServerHost } from './embedded-server.ts'

/** Whether to host for the network, read before the core starts (the core checks the rest). */
export function startupHostForLan(store: SettingsStore): boolean {
  const settings = store.get('settings')
  return (
    typeof settings === 'object' &&
    settings !== null &&
    (settings as Record<string, unknown>).hostForLan === true
  )
}

/** The embedded server follows the setting: on the network or on loopback only. */
export function followHostForLan(core: ClientCore, server: EmbeddedServerHost): void {
  let hosting: boolean | undefined
  // An app-wide key: the event for the windows of no account carries it once.
  core.onEvent(({ account, event }) => {
    if (account !== null || event.type !== 'settings') return
    if (event.settings.hostForLan === hosting) return
    hosting = event.settings.hostForLan
    server
      .setHostForLan(hosting)
      .catch((error: unknown) => diagnostics().error({ err: error }, 'hosting for the LAN failed'))
  })
}
