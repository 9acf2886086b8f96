/**
 * The renderer's page as the web shell serves it: with the bridge script and the app's icon.
 * A classic script in the head runs before the page's module scripts (which are deferred),
 * so `window.qq` is there first; both come from our own origin, which the CSP's
 * `script-src 'self'` and `img-src 'self'` allow.
 */
export const BRIDGE_SCRIPT_PATH = '/web-bridge.js'

/** The app icon; browsers also ask for /favicon.ico by themselves, for pages without a link. */
export const ICON_PATHS: readonly string[] = ['/favicon.png', '/favicon.ico']

export function injectShell(html: string): string {
  const head = html.indexOf('</head>')
  if (head === -1) throw new Error('the renderer page has no </head>')
  const tags =
    `    <link rel="icon" type="image/png" href="${ICON_PATHS[0]}" />\n` +
    `    <script src="${BRIDGE_SCRIPT_PATH}"></script>\n  `
  return html.slice(0, head) + tags + html.slice(head)
}
