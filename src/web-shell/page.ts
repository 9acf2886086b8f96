/**
 * The renderer's page with the bridge script added. A classic script in the head runs
 * before the page's module scripts (which are deferred), so `window.qq` is there first; it
 * comes from our own origin, which the CSP's `script-src 'self'` allows.
 */
export const BRIDGE_SCRIPT_PATH = '/web-bridge.js'

export function injectBridge(html: string): string {
  const head = html.indexOf('</head>')
  if (head === -1) throw new Error('the renderer page has no </head>')
  const tag = `    <script src="${BRIDGE_SCRIPT_PATH}"></script>\n  `
  return html.slice(0, head) + tag + html.slice(head)
}
