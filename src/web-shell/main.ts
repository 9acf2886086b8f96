/**
 * `npm run web`: the app in a browser. The core runs here in Node (with the embedded server
 * and its demo accounts, unless --server names another), the built renderer is served on
 * 127.0.0.1, and the page reaches the core through a token-guarded WebSocket. Prints the
 * one address to open, on a line of its own.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClientCore, createFileSettingsStore, NO_SECRETS } from '../main/core/index.ts'
import { parseWebShellArgs, USAGE } from './args.ts'
import { startWebShell } from './start.ts'

const ROOT = join(import.meta.dirname, '../..')

async function main(): Promise<void> {
  let args
  try {
    args = parseWebShellArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  const files = {
    renderer: join(ROOT, 'out/renderer'),
    bridgeScript: join(ROOT, 'out/web-bridge/web-bridge.js'),
    sounds: join(ROOT, 'resources/sounds'),
    icon: join(ROOT, 'resources/icons/app.png')
  }
  if (!existsSync(join(files.renderer, 'index.html')) || !existsSync(files.bridgeScript)) {
    console.error('web shell: nothing built in out/: run `npm run build` first')
    process.exit(1)
  }
  const temporary =
    args.data === undefined ? mkdtempSync(join(tmpdir(), 'http-qq-web-')) : undefined
  const profile = args.data ?? temporary ?? ''
  const settings = createFileSettingsStore(join(profile, 'settings.json'))
  // Loaded only when needed: with --server, none of the server's code runs here.
  const server =
    args.server === undefined
      ? await (
          await import('../main/core/host/embedded-server.ts')
        ).hostEmbeddedServer(profile, false)
      : undefined
  // The web shell never remembers a password: there is no keychain to seal it with.
  const core = createClientCore({
    dataDir: profile,
    settings,
    secrets: NO_SECRETS,
    embedded: server?.embedded
  })
  if (args.server !== undefined) {
    const set = await core.calls.updateSettings({ server: args.server })
    if (!set.ok) throw new Error(`--server: ${set.error.message}`)
  }
  const shell = await startWebShell(core, files, args.port)
  console.log(`web shell: ${shell.url}`)

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await shell.close()
    await core.stop()
    await server?.close()
    if (temporary !== undefined) rmSync(temporary, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error('web shell:', error instanceof Error ? error.message : error)
  process.exit(1)
})
