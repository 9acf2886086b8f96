/**
 * What protects the password on its way to a server (D-27), from the address alone:
 * `secure` for `https://`, `local` when it never leaves this computer (the built-in server,
 * loopback), `plain` when it crosses a network readable by anyone on the way. The windows
 * show a lock or a warning from it, before and after logging in.
 */
export type ServerProtection = 'secure' | 'local' | 'plain'

export function serverProtection(server: string): ServerProtection {
  const trimmed = server.trim()
  // Empty: the built-in server, which the app reaches over loopback.
  if (trimmed === '') return 'local'
  if (/^https:\/\//i.test(trimmed)) return 'secure'
  const rest = trimmed.replace(/^http:\/\//i, '')
  const host = (/^\[([^\]]*)\]/.exec(rest)?.[1] ?? rest.split(/[:/]/)[0] ?? '').toLowerCase()
  return isLoopback(host) ? 'local' : 'plain'
}

/** localhost, ::1 and all of 127.0.0.0/8: addresses that never leave the machine. */
function isLoopback(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  )
}
