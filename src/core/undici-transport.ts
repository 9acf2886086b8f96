import { Pool, errors } from 'undici'
import { CodedError, type ErrorCode } from '../shared/errors.ts'
import { parseServerAddress } from './server-address.ts'
import { pinningConnector } from './tls-connector.ts'
import type { Transport, TransportRequest } from './transport.ts'

const HEADERS = { 'content-type': 'text/plain; charset=UTF-8' }
const CONNECT_TIMEOUT_MS = 10_000
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT'
])
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** How many reply bytes had arrived when the socket closed (undici reports it). */
function bytesRead(error: unknown): number {
  const socket = (error as { socket?: { bytesRead?: unknown } }).socket
  return typeof socket?.bytesRead === 'number' ? socket.bytesRead : 0
}

function classifyTransportError(error: unknown): ErrorCode {
  const code = errorCodeOf(error)
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return 'UNREACHABLE'
  if (code !== undefined && TIMEOUT_CODES.has(code)) return 'TIMEOUT'
  // A clean close before any reply byte is the server's NULL. Each request has a connection
  // of its own, so it can't be a kept-alive socket that the server had already let go.
  if (error instanceof errors.SocketError)
    return bytesRead(error) === 0 ? 'NO_REPLY' : 'UNKNOWN_OUTCOME'
  if (error instanceof errors.HTTPParserError) return 'BAD_REPLY'
  return 'UNKNOWN_OUTCOME'
}

/**
 * The transport on undici: a pool per server, and `Connection: close` on every request, as
 * the seed's clients did, so that a closed connection can only mean what the protocol says.
 * An https server has a pool per accepted fingerprint, each checking every connection.
 */
export function createUndiciTransport(): Transport {
  const pools = new Map<string, Pool>()

  const poolFor = (server: string, fingerprint: string | undefined): Pool => {
    const { origin } = parseServerAddress(server)
    const secure = origin.startsWith('https:')
    const key = secure ? `${origin} ${fingerprint ?? ''}` : origin
    let pool = pools.get(key)
    if (pool === undefined) {
      pool = secure
        ? new Pool(origin, { connect: pinningConnector(fingerprint, CONNECT_TIMEOUT_MS) })
        : new Pool(origin, { connectTimeout: CONNECT_TIMEOUT_MS })
      pools.set(key, pool)
    }
    return pool
  }

  async function post(request: TransportRequest): Promise<Uint8Array> {
    const { server, body, timeoutMs, signal } = request
    const pool = poolFor(server, request.fingerprint)
    try {
      const reply = await pool.request({
        path: '/',
        method: 'POST',
        headers: HEADERS,
        body,
        reset: true,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal
      })
      const bytes = new Uint8Array(await reply.body.arrayBuffer())
      if (reply.statusCode !== 200) {
        throw new CodedError('BAD_REPLY', `HTTP ${reply.statusCode} from ${server}`)
      }
      return bytes
    } catch (error) {
      if (error instanceof CodedError) throw error
      if (signal?.aborted) throw new CodedError('OFFLINE', 'the request was cancelled')
      const code = classifyTransportError(error)
      const detail = error instanceof Error ? error.message : String(error)
      throw new CodedError(code, `${server}: ${detail}`, { cause: error })
    }
  }

  async function close(): Promise<void> {
    const closing = [...pools.values()].map((pool) => pool.destroy())
    pools.clear()
    await Promise.allSettled(closing)
  }

  return { post, close }
}
