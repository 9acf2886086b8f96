import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { SECURITY_HEADERS } from '../serve/csp.ts'
import { createStaticHandler } from '../serve/static-files.ts'
import type { LocalOrigin } from './local-origin.ts'
import { BRIDGE_SCRIPT_PATH, ICON_PATHS, injectShell } from './page.ts'
import { tokenMatches } from './token.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export interface WebShellFiles {
  /** The built renderer (`out/renderer`). */
  readonly renderer: string
  /** The built bridge script (`out/web-bridge/web-bridge.js`). */
  readonly bridgeScript: string
  readonly sounds: string
  /** The app's icon (a PNG), served as the favicon. */
  readonly icon: string
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  response.writeHead(answer.status, Object.fromEntries(answer.headers))
  response.end(Buffer.from(await answer.arrayBuffer()))
}

const refuse = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }
  })

/**
 * Serves the renderer as the app protocol does (same headers, same confinement), except that
 * the page itself needs the launch token and gets the bridge script.
 */
export function createHttpHandler(files: WebShellFiles, token: string, origin: LocalOrigin) {
  const serveStatic = createStaticHandler([
    { prefix: '/', root: files.renderer },
    { prefix: '/sounds/', root: files.sounds }
  ])
  const bridgeRoot = join(files.bridgeScript, '..')
  const serveBridge = createStaticHandler([{ prefix: '/', root: bridgeRoot }])
  // Served by its own name, so the content type is the PNG's whatever path was asked for.
  const iconFile = `/${basename(files.icon)}`
  const serveIcon = createStaticHandler([{ prefix: '/', root: dirname(files.icon) }])

  async function answer(request: IncomingMessage): Promise<Response> {
    if (!origin.hostAllowed(request.headers.host)) return refuse(421, 'wrong host')
    const url = new URL(request.url ?? '/', 'http://localhost')
    const method = request.method ?? 'GET'
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(token, url.searchParams.get('token'))) {
        return refuse(403, 'This page needs the address the web shell printed, with its token.')
      }
      const html = await readFile(join(files.renderer, 'index.html'), 'utf8')
      return new Response(injectShell(html), {
        headers: {
          ...SECURITY_HEADERS,
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store'
        }
      })
    }
    if (url.pathname === BRIDGE_SCRIPT_PATH) return serveBridge(method, BRIDGE_SCRIPT_PATH)
    if (ICON_PATHS.includes(url.pathname)) return serveIcon(method, iconFile)
    return serveStatic(method, url.pathname)
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    answer(request)
      .then((result) => send(response, result))
      .catch((error: unknown) => {
        diagnostics().error({ err: error }, 'web shell: request failed')
        if (!response.headersSent) void send(response, refuse(500, 'internal error'))
      })
  }
}
