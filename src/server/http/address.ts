/**
 * The address sessions are keyed by. An IPv4 client reaching a dual-stack socket shows up
 * as `::ffff:1.2.3.4`; it is the same client as `1.2.3.4`.
 */
export function clientAddress(remote: string | undefined): string {
  if (remote === undefined) return ''
  return remote.startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote
}
