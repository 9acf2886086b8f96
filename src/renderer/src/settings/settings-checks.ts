/**
 * `host:port` with a port 1–65535 (a name, an IPv4 address, or an IPv6 one in brackets),
 * or the same after `https://` for TLS on the same port (D-27).
 */
export function isServerAddress(text: string): boolean {
  const match = /^(?:https:\/\/)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(text.trim())
  const port = Number(match?.[2])
  return match !== null && port >= 1 && port <= 65535
}

export const MIN_POLL_SECONDS = 1
export const MAX_POLL_SECONDS = 60

/** The polling interval in ms, from seconds typed by the user; null when out of range. */
export function pollIntervalMs(seconds: string): number | null {
  const value = Number(seconds)
  if (!Number.isFinite(value) || value < MIN_POLL_SECONDS || value > MAX_POLL_SECONDS) return null
  return Math.round(value * 1000)
}
