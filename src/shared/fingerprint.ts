/**
 * A certificate's SHA-256 fingerprint as people type or paste it: 64 hex digits, bare or
 * in colon-separated pairs, either case. Returns the one form that is compared and stored
 * (upper-case pairs joined by colons, as Node and the server's start-up line show it), or
 * undefined when the text is not a fingerprint.
 */
export function normaliseFingerprint(text: string): string | undefined {
  const trimmed = text.trim()
  if (!/^[0-9a-f]{64}$/i.test(trimmed) && !/^[0-9a-f]{2}(?::[0-9a-f]{2}){31}$/i.test(trimmed)) {
    return undefined
  }
  return (trimmed.replaceAll(':', '').toUpperCase().match(/../g) ?? []).join(':')
}
