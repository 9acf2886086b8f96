/** A request line without a target, as clients of 2005 sent it: `POST HTTP/1.1`. */
const TARGETLESS = /^([A-Za-z]+) {1,2}(HTTP\/\d\.\d)\r?\n$/
const CONTENT_LENGTH = /^content-length[ \t]*:[ \t]*(\d+)[ \t]*\r?\n$/i
const TRANSFER_ENCODING = /^transfer-encoding[ \t]*:/i
/** Longer lines are left for the HTTP parser to refuse. */
const MAX_LINE = 16 * 1024
const LF = 10
const CR = 13

type State = 'request-line' | 'headers' | 'body' | 'opaque'

/** `POST HTTP/1.1` becomes `POST / HTTP/1.1`; any other line stays as it is. */
export function withTarget(line: Buffer): Buffer {
  const match = TARGETLESS.exec(line.toString('latin1'))
  return match ? Buffer.from(`${match[1]} / ${match[2]}\r\n`, 'latin1') : line
}

/**
 * Follows a connection's requests (request line, headers, `Content-Length` bytes of body)
 * to give every request line a target. Blank lines between requests, which old clients
 * sent after a body, are dropped. A body framed any other way (chunked) makes it step aside
 * for the rest of the connection: the HTTP parser then sees the bytes as they came.
 */
export class RequestLineRewriter {
  #state: State = 'request-line'
  #line: Buffer[] = []
  #lineLength = 0
  #contentLength = 0
  #chunked = false
  #remaining = 0

  rewrite(chunk: Buffer): Buffer {
    const out: Buffer[] = []
    let at = 0
    while (at < chunk.length) {
      if (this.#state === 'opaque') {
        out.push(chunk.subarray(at))
        break
      }
      if (this.#state === 'body') {
        const take = Math.min(this.#remaining, chunk.length - at)
        out.push(chunk.subarray(at, at + take))
        at += take
        this.#remaining -= take
        if (this.#remaining === 0) this.#state = 'request-line'
        continue
      }
      if (this.#state === 'request-line' && this.#lineLength === 0) {
        const byte = chunk[at]
        if (byte === CR || byte === LF) {
          at += 1
          continue
        }
      }
      const end = chunk.indexOf(LF, at)
      const stop = end < 0 ? chunk.length : end + 1
      this.#line.push(chunk.subarray(at, stop))
      this.#lineLength += stop - at
      at = stop
      if (end >= 0) out.push(this.#endLine())
      else if (this.#lineLength > MAX_LINE) out.push(this.#giveUp())
    }
    return out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out)
  }

  #takeLine(): Buffer {
    const line = Buffer.concat(this.#line)
    this.#line = []
    this.#lineLength = 0
    return line
  }

  #giveUp(): Buffer {
    this.#state = 'opaque'
    return this.#takeLine()
  }

  #endLine(): Buffer {
    const line = this.#takeLine()
    if (this.#state === 'request-line') {
      this.#state = 'headers'
      this.#contentLength = 0
      this.#chunked = false
      return withTarget(line)
    }
    const text = line.toString('latin1')
    if (text === '\r\n' || text === '\n') {
      if (this.#chunked) this.#state = 'opaque'
      else {
        this.#remaining = this.#contentLength
        this.#state = this.#remaining > 0 ? 'body' : 'request-line'
      }
      return line
    }
    const length = CONTENT_LENGTH.exec(text)
    if (length) this.#contentLength = Number(length[1])
    if (TRANSFER_ENCODING.test(text)) this.#chunked = true
    return line
  }
}

/**
 * Whether a connection's first bytes start with a request line that has no target; undefined
 * while too little has arrived to tell.
 */
export function startsTargetless(head: Buffer): boolean | undefined {
  let start = 0
  while (head[start] === CR || head[start] === LF) start += 1
  const end = head.indexOf(LF, start)
  if (end < 0) return head.length - start < 64 ? undefined : false
  return TARGETLESS.test(head.subarray(start, end + 1).toString('latin1'))
}
