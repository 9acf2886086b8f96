import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  RequestLineRewriter,
  startsTargetless,
  withTarget
} from '../../../src/server/http/request-lines.ts'

const rewriteAll = (chunks: string[]): string => {
  const rewriter = new RequestLineRewriter()
  return chunks
    .map((chunk) => rewriter.rewrite(Buffer.from(chunk, 'latin1')).toString('latin1'))
    .join('')
}

const request = (body: string, line = 'POST HTTP/1.1') =>
  `${line}\r\nContent-Length: ${body.length}\r\nConnection: Keep-Alive\r\n\r\n${body}`

describe('withTarget', () => {
  it.each([
    ['POST HTTP/1.1\r\n', 'POST / HTTP/1.1\r\n'],
    ['POST  HTTP/1.1\r\n', 'POST / HTTP/1.1\r\n'],
    ['POST HTTP/1.0\n', 'POST / HTTP/1.0\r\n'],
    ['POST / HTTP/1.1\r\n', 'POST / HTTP/1.1\r\n'],
    ['POST   HTTP/1.1\r\n', 'POST   HTTP/1.1\r\n'],
    ['POST /x HTTP/1.1\r\n', 'POST /x HTTP/1.1\r\n']
  ])('%j becomes %j', (line, expected) => {
    expect(withTarget(Buffer.from(line)).toString()).toBe(expected)
  })
})

describe('RequestLineRewriter', () => {
  it('gives every request on a connection a target, and leaves bodies alone', async () => {
    const bodies = ['VER=1.1&CMD=Logout', 'MG=\r\nPOST HTTP/1.1\r\n', '']
    const stream = bodies.map((body) => request(body)).join('\r\n\r\n')
    const expected = bodies.map((body) => request(body, 'POST / HTTP/1.1')).join('')
    expect(rewriteAll([stream])).toBe(expected)
  })

  it('gives the same bytes however the stream is cut into chunks', () => {
    const stream = request('A=1&B=2') + '\r\n\r\n' + request('C=%26', 'POST  HTTP/1.1')
    const expected = rewriteAll([stream])
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 })), (cuts) => {
        const sorted = [0, ...cuts.sort((a, b) => a - b), stream.length]
        const chunks = sorted.slice(1).map((end, i) => stream.slice(sorted[i], end))
        expect(rewriteAll(chunks)).toBe(expected)
      })
    )
  })

  it('steps aside after a chunked body: the HTTP parser gets the bytes as they came', () => {
    const chunked =
      'POST HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nPOST HTTP/1.1\r\n'
    expect(rewriteAll([chunked])).toBe(chunked.replace('POST HTTP/1.1', 'POST / HTTP/1.1'))
  })

  it('passes a line too long to be a request line through unchanged', () => {
    const long = 'POST ' + 'x'.repeat(20_000)
    expect(rewriteAll([long])).toBe(long)
  })
})

describe('startsTargetless', () => {
  it.each([
    ['POST HTTP/1.1\r\n', true],
    ['\r\nPOST  HTTP/1.1\r\nHost: x', true],
    ['POST / HTTP/1.1\r\n', false],
    ['GET /index.html HTTP/1.1\r\n', false],
    ['POST HTTP/1.', undefined],
    ['x'.repeat(80), false]
  ])('%j: %s', (head, expected) => {
    expect(startsTargetless(Buffer.from(head))).toBe(expected)
  })
})
