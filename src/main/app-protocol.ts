/**
 * The app's pages come from `app://qq/`, a custom protocol, rather than `file://`: a real
 * origin the IPC check can recognise, the CSP as a response header, and no access to any
 * file outside the renderer and sound folders. The scheme is standard and secure (so it has
 * an origin and counts as a secure context) and gets no other privilege.
 */
import { protocol } from 'electron'
import { createStaticHandler, type Mount } from '../serve/static-files.ts'
import { APP_SCHEME } from './security/app-origin.ts'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } }
  ])
}

export function serveAppProtocol(host: string, mounts: readonly Mount[]): void {
  const serve = createStaticHandler(mounts)
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url)
    if (url.host !== host) return new Response('not found', { status: 404 })
    return serve(request.method, url.pathname)
  })
}
