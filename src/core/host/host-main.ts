/**
 * The core host: the process that runs the client core, and the embedded server unless
 * `--server` names another, and answers the bridge contract as messages from its parent.
 * The web shell forks this file; the app runs its bundle (out/main/core-host.js) as an
 * Electron utility process.
 *
 *   host-main.ts --data DIR [--server HOST:PORT] [--log FILE]
 *
 * The app hands over the key for remembered passwords in HTTP_QQ_CORE_KEY (hex), removed
 * from the environment as soon as it is read.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createClientCore, createFileSettingsStore, NO_SECRETS } from '../index.ts'
import { diagnostics, useDiagnostics } from '../../logging/diagnostics.ts'
import { createLogger } from '../../logging/logger.ts'
import { rotateLog } from '../../logging/rotate.ts'
import { hostEmbeddedServer } from './embedded-server.ts'
import { createKeyBox } from './key-box.ts'
import { followHostForLan, startupHostForLan } from './lan-hosting.ts'
import { withLanAddress } from './lan-login-options.ts'
import { parentPort } from './port.ts'
import { serveCore } from './serve-core.ts'

/** The host's log keeps this much and the one before it (logs/core.log, core.log.1). */
const LOG_MAX_BYTES = 5 * 1024 * 1024

function takeKey(): Buffer | undefined {
  const hex = process.env.HTTP_QQ_CORE_KEY
  delete process.env.HTTP_QQ_CORE_KEY
  return hex !== undefined && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, server: { type: 'string' }, log: { type: 'string' } },
    strict: true
  })
  if (values.log !== undefined) {
    rotateLog(values.log, LOG_MAX_BYTES)
    useDiagnostics(createLogger({ file: values.log, format: 'json' }))
  }
  if (values.data === undefined) throw new Error('--data: the profile folder is required')
  const key = takeKey()
  const port = parentPort()
  const settings = createFileSettingsStore(join(values.data, 'settings.json'))
  const server =
    values.server === undefined
      ? await hostEmbeddedServer(values.data, startupHostForLan(settings))
      : undefined
  const core = createClientCore({
    dataDir: values.data,
    settings,
    secrets: key === undefined ? NO_SECRETS : createKeyBox(key),
    embedded: server?.embedded
  })
  if (values.server !== undefined) {
    const set = await core.calls.updateSettings(null, { server: values.server })
    if (!set.ok) throw new Error(`--server: ${set.error.message}`)
  }
  if (server !== undefined) followHostForLan(core, server)
  const stop = async (): Promise<void> => {
    await core.stop()
    await server?.close()
  }
  // A parent that dies without saying so (a crash, SIGKILL) takes its core with it.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)))
  serveCore(port, server === undefined ? core : withLanAddress(core, server.lan), stop)
}

// Its parent stops it (a terminal's Ctrl-C reaches the whole group): never SIGINT itself.
process.on('SIGINT', () => undefined)
// Nothing here may fail unseen: the parent sees the exit, the log says why.
process.on('unhandledRejection', (reason) =>
  diagnostics().error({ err: reason }, 'core host: unhandled rejection')
)
main().catch((error: unknown) => {
  diagnostics().fatal({ err: error }, 'core host: could not start')
  process.exit(1)
})
