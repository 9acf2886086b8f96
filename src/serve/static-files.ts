/**
 * Serves the built renderer (and the sounds) as the app protocol and the web shell both do:
 * GET only, paths confined to their folder, exact content types, the security headers on
 * every response. Returns web `Response`s, which Electron's protocol handler takes as is.
 */
import { readFile } from 'node:fs/promises'
import { contentType } from './content-types.ts'
import { SECURITY_HEADERS } from './csp.ts'
import { resolveStaticPath } from './static-path.ts'

export interface Mount {
  /** A URL path prefix ending in `/`; the longest matching one wins. */
  readonly prefix: string
  readonly root: string
}

export type StaticHandler = (method: string, pathname: string) => Promise<Response>

const notFound = (): Response =>
  new Response('not found', { status: 404, headers: SECURITY_HEADERS })

export function createStaticHandler(mounts: readonly Mount[]): StaticHandler {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)
  return async (method, pathname) => {
    if (method !== 'GET' && method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: SECURITY_HEADERS })
    }
    const mount = ordered.find((candidate) => pathname.startsWith(candidate.prefix))
    if (mount === undefined) return notFound()
    const file = resolveStaticPath(mount.root, `/${pathname.slice(mount.prefix.length)}`)
    if (file === null) return notFound()
    try {
      const body = await readFile(file)
      const headers = { ...SECURITY_HEADERS, 'content-type': contentType(file) }
      return new Response(method === 'HEAD' ? null : body, { headers })
    } catch {
      return notFound()
    }
  }
}
