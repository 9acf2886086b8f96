/**
 * A link as the confirmation before opening it shows it: the address readable (Chinese in a
 * query as Chinese, not `%E6%B5%8B…`), and the host the link really goes to on its own, so
 * `https://bank.example@evil.example` or a look-alike international name cannot pass for
 * another site. What is opened is still the parsed address, never this text.
 */
export interface LinkDisplay {
  /** The address with the escapes of readable characters decoded. */
  readonly address: string
  /** The host as the URL parser sees it (an international name in its `xn--` form). */
  readonly host: string
  /** That host as the message wrote it, when it reads differently; else null. */
  readonly writtenHost: string | null
}

// One UTF-8 encoded character: a byte below 0x80, or a lead byte and its continuation bytes.
const ENCODED_CHAR =
  /%[0-7][0-9a-f]|%[c-d][0-9a-f]%[89ab][0-9a-f]|%e[0-9a-f](?:%[89ab][0-9a-f]){2}|%f[0-7](?:%[89ab][0-9a-f]){3}/gi

// What may show decoded: letters, marks, digits, punctuation, symbols. Not spaces, line breaks,
// controls or invisible formatting (an escaped new line could start a fake address on a line
// of its own), and not `%` itself, which would make the rest read as another escape.
const READABLE = /^[^\p{C}\p{Z}%]+$/u

/**
 * Decodes escapes the way `decodeURI` does (reserved characters such as `%2F` and `%23` stay
 * escaped, so the decoded text keeps the address's structure), one character at a time: an
 * escape that is not valid UTF-8, or that stands for a character one cannot see as itself,
 * stays as it is.
 */
export function readableAddress(href: string): string {
  return href.replace(ENCODED_CHAR, (escape) => {
    try {
      const char = decodeURI(escape)
      return READABLE.test(char) ? char : escape
    } catch {
      return escape
    }
  })
}

/** The host part of an address as written: after the scheme and any `user@`, before the port. */
function hostAsWritten(written: string): string {
  const authority = written.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#\\]/)[0] ?? ''
  return (authority.split('@').at(-1) ?? '').replace(/:\d*$/, '').toLowerCase()
}

export function linkDisplay(href: string, written: string): LinkDisplay {
  const host = new URL(href).hostname
  const candidate = hostAsWritten(written)
  // Shown beside the real host only if the parser turns it into exactly that host.
  const same = candidate !== host && URL.canParse(`http://${candidate}/`)
  const writtenHost = same && new URL(`http://${candidate}/`).hostname === host ? candidate : null
  return { address: readableAddress(href), host, writtenHost }
}
