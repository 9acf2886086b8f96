/**
 * The Content Security Policy of every page of the app, sent as a response header by the
 * app protocol and by the web shell. The renderer's index.html carries the same policy in a
 * meta tag (for `electron-vite dev`); the header adds what a meta tag cannot express.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

export const HEADER_CSP = `${PAGE_CSP}; frame-ancestors 'none'`

/** Headers for every file we serve to a window: the policy, and no guessing of types. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': HEADER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin'
}
