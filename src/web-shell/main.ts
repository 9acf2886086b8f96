/**
 * `npm run web`: the app in a browser. The core runs in a child process, the core host
 * (with the embedded server and its demo accounts, unless --server names another), restarted
 * if it dies; the built renderer is served on
 * 127.0.0.1, and the page reaches the core through a token-guarded WebSocket. Prints the
 * one address to open, on a line of its own.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCoreHostClient } from '../core/host/host-client.ts'
import { forkHost } from '../core/host/host-process.ts'
import { parseWebShellArgs, USAGE } from './args.ts'
import { startWebShell } from './start.ts'

const ROOT = join(import.meta.dirname, '../..')
const HOST_ENTRY = join(import.meta.dirname, '../core/host/host-main.ts')

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
  // The core (and, without --server, the embedded server) runs in a child of its own, as in
  // the app; the web shell never remembers a password: there is no keychain to seal it with.
  const logs = join(profile, 'logs')
  const hostArgs = [
    ...['--data', profile, '--log', join(logs, 'core.log')],
    ...(args.server === undefined ? [] : ['--server', args.server])
  ]
  const core = createCoreHostClient(forkHost(HOST_ENTRY, hostArgs))
  await core.start()
  const shell = await startWebShell(core, files, args.port, logs)
  console.log(`web shell: ${shell.url}`)

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await shell.close()
    await core.stop()
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
