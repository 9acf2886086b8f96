import { normalize, resolve, sep } from 'node:path'

/**
 * The file under `root` that a URL path names, or null when it is malformed or would
 * escape `root` (`..`, encoded separators, NUL): the one check between a URL and the disk.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  const base = resolve(root)
  const full = resolve(base, relative)
  return full.startsWith(base + sep) ? full : null
}
