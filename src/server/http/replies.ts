import type { IncomingMessage, ServerResponse } from 'node:http'

/** D-1: the header clients of the time saw. */
export const SERVER_HEADER = 'tencent imserver/1.0.0'
const CONTENT_TYPE = 'text/plain; charset=UTF-8'

/** HTTP/1.1 keeps a connection unless told to close; HTTP/1.0 only when asked to (D-25). */
export function wantsKeepAlive(req: IncomingMessage): boolean {
  const connection = (req.headers.connection ?? '').toLowerCase()
  if (/(^|[\s,])close($|[\s,])/.test(connection)) return false
  return req.httpVersion !== '1.0' || /(^|[\s,])keep-alive($|[\s,])/.test(connection)
}

function headers(length: number, connection: string | undefined): string[] {
  const lines = ['Server', SERVER_HEADER, 'Content-Type', CONTENT_TYPE]
  lines.push('Content-Length', String(length))
  if (connection) lines.push('Connection', connection)
  return lines
}

/** A whole reply as bytes, for the second of two replies on one connection. */
function rawReply(body: Buffer, connection: string | undefined): Buffer {
  const lines = headers(body.length, connection)
  let head = 'HTTP/1.1 200 OK\r\n'
  for (let i = 0; i < lines.length; i += 2) head += `${lines[i]}: ${lines[i + 1]}\r\n`
  return Buffer.concat([Buffer.from(head + '\r\n', 'latin1'), body])
}

/**
 * Writes replies exactly as section 1 shows them: status line, `Server`, `Content-Type`,
 * an exact `Content-Length`, the body without a trailing newline; no `Date`. A reply after
 * which the server closes says `Connection: close` (D-25). Several replies (Query_Stat's
 * two) follow each other on the connection.
 */
export function writeReplies(
  req: IncomingMessage,
  res: ServerResponse,
  bodies: readonly string[],
  keepAlive: boolean
): void {
  const closing = keepAlive ? undefined : 'close'
  // HTTP/1.0 clients take a reply without `Connection: keep-alive` as the last one.
  const staying = req.httpVersion === '1.0' ? 'keep-alive' : undefined
  const connectionOf = (last: boolean): string | undefined =>
    keepAlive ? staying : last ? closing : undefined
  res.sendDate = false
  // Without this, node:http would add `Connection` and `Keep-Alive` headers of its own.
  res.removeHeader('Connection')
  if (!keepAlive) res.shouldKeepAlive = false
  const first = bodies[0] ?? ''
  if (bodies.length <= 1) {
    // A string body, which node:http joins to the head: one chunk to write, no Buffer.
    res.writeHead(200, 'OK', headers(Buffer.byteLength(first), connectionOf(true)))
    res.end(first)
    return
  }
  const body = Buffer.from(first, 'utf8')
  res.writeHead(200, 'OK', headers(body.length, connectionOf(false)))
  const rest = bodies.slice(1)
  const tail = rest.map((later, i) =>
    rawReply(Buffer.from(later, 'utf8'), connectionOf(i === rest.length - 1))
  )
  // The later replies travel as bytes after the first body; `Content-Length` of the first
  // reply still counts only its own body.
  res.end(Buffer.concat([body, ...tail]))
}
