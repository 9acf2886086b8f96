import { connect as connectPlain, type Socket } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { createHash } from 'node:crypto'
import {
  decodeReply,
  encodeRequest,
  type Command,
  type Reply,
  type Request
} from '../../../src/shared/protocol/index.ts'

/**
 * With QQ_TEST_TLS=1 (the integration-tls project) the same suites run again over TLS: the
 * servers they start answer TLS on their one port (D-27) and every connection here speaks it.
 */
export const OVER_TLS = process.env.QQ_TEST_TLS === '1'

/** A connection to a test server on loopback, plain or TLS as the run asks (or `tls` says). */
export function connect(
  port: number,
  localAddress?: string,
  onConnect?: () => void,
  tls = OVER_TLS
): Socket {
  const options = { port, host: '127.0.0.1', localAddress }
  // The test servers' certificates are made for the run: what is tested is the protocol.
  return tls
    ? connectTls({ ...options, rejectUnauthorized: false }, onConnect)
    : connectPlain(options, onConnect)
}

export interface Exchange {
  /** Every byte the server sent until it closed the connection. */
  readonly bytes: Buffer
  /** Milliseconds from the first byte written to the connection closing. */
  readonly ms: number
}

export interface ExchangeOptions {
  /** The client address, to act as another computer (any 127.x.y.z works on loopback). */
  readonly localAddress?: string
  /** Pieces written one after the other with this pause between them. */
  readonly pauseMs?: number
  /** Give up (and fail) after this long. */
  readonly timeoutMs?: number
  /** Shut the sending side after the last piece (`shutdown(SHUT_WR)`, as `nc` does). */
  readonly halfClose?: boolean
  /** Over TLS or plain, whatever the run does (D-27). */
  readonly tls?: boolean
}

/** Opens a connection, writes `data` (or its pieces), and collects the reply until close. */
export function exchange(
  port: number,
  data: string | Buffer | readonly (string | Buffer)[],
  options: ExchangeOptions = {}
): Promise<Exchange> {
  const pieces = Array.isArray(data) ? data : [data]
  return new Promise((resolve, reject) => {
    const socket = connect(port, options.localAddress, undefined, options.tls)
    const chunks: Buffer[] = []
    const started = performance.now()
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new Error(`no close after ${options.timeoutMs ?? 10_000} ms: ${Buffer.concat(chunks)}`)
      )
    }, options.timeoutMs ?? 10_000)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ bytes: Buffer.concat(chunks), ms: performance.now() - started })
    })
    void writePieces(socket, pieces, options.pauseMs ?? 0, options.halfClose ?? false)
  })
}

async function writePieces(
  socket: Socket,
  pieces: readonly (string | Buffer)[],
  pauseMs: number,
  halfClose: boolean
) {
  for (const [i, piece] of pieces.entries()) {
    if (i > 0 && pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
    if (!socket.destroyed) socket.write(piece)
  }
  if (halfClose && !socket.destroyed) socket.end()
}

export interface HttpReply {
  readonly head: string
  readonly headers: string[]
  readonly body: string
}

/** Splits bytes into HTTP replies, each read through its Content-Length as clients do. */
export function parseReplies(bytes: Buffer): HttpReply[] {
  const replies: HttpReply[] = []
  let at = 0
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at)
    if (end < 0) throw new Error(`an unfinished reply: ${bytes.subarray(at).toString()}`)
    const [head = '', ...headers] = bytes.subarray(at, end).toString('latin1').split('\r\n')
    const length = Number(/^Content-Length: (\d+)$/m.exec(headers.join('\n'))?.[1] ?? NaN)
    const body = bytes.subarray(end + 4, end + 4 + length)
    if (!(body.length === length)) throw new Error(`a body shorter than ${length}`)
    replies.push({ head, headers, body: body.toString('utf8') })
    at = end + 4 + length
  }
  return replies
}

/** A request as the seed's PHP prober wrote it: no target, no Host, a blank line after. */
export function legacyRequest(body: string): string {
  return `POST HTTP/1.1\r\nContent-length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}\r\n\r\n`
}

/** A request as a well-behaved client of today writes it. */
export function httpRequest(body: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers
  }).map(([key, value]) => `${key}: ${value}\r\n`)
  return `POST / HTTP/1.1\r\n${lines.join('')}\r\n${body}`
}

/** Sends a body and returns the reply bodies (two for Query_Stat without TN), [] for NULL. */
export async function post(
  port: number,
  body: string,
  options: ExchangeOptions = {}
): Promise<string[]> {
  const { bytes } = await exchange(port, httpRequest(body), options)
  return parseReplies(bytes).map((reply) => reply.body)
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex')

/** A client of one QQ number from one address, speaking through the shared codec. */
export class TestClient {
  readonly port: number
  readonly uin: number
  readonly localAddress: string | undefined
  /** D-26: sent as `SK` with every request but Login; kept from a login that asked for one. */
  sessionKey: string | undefined
  #seq = 1000

  constructor(port: number, uin: number, localAddress?: string) {
    this.port = port
    this.uin = uin
    this.localAddress = localAddress
  }

  async send<C extends Command>(request: Extract<Request, { cmd: C }>): Promise<Reply<C>> {
    this.#seq += 1
    const bodies = await post(
      this.port,
      encodeRequest({ seq: this.#seq, uin: this.uin, sessionKey: this.sessionKey }, request),
      {
        localAddress: this.localAddress,
        timeoutMs: 40_000
      }
    )
    const last = bodies.at(-1)
    if (last === undefined) throw new Error(`${request.cmd}: no reply (NULL)`)
    return decodeReply(request.cmd as C, last).reply
  }

  async login(password: string, options: { wantsKey?: boolean } = {}): Promise<Reply<'Login'>> {
    const reply = await this.send({ cmd: 'Login', passwordMd5: md5(password), ...options })
    if (reply.ok && reply.data.accepted) this.sessionKey = reply.data.sessionKey
    return reply
  }

  /** Logs in and expects it to work. */
  async enter(password: string): Promise<this> {
    const reply = await this.login(password)
    if (!reply.ok || !reply.data.accepted) throw new Error(`${this.uin} could not log in`)
    return this
  }

  /** The messages waiting, as `MT:UN:MG` strings (classic GetMsgEx). */
  async inbox(): Promise<string[]> {
    const reply = await this.send({ cmd: 'GetMsgEx' })
    if (!reply.ok) throw new Error(`GetMsgEx got RES=${reply.res}`)
    return reply.data.messages.map((m) => `${m.type}:${m.from}:${m.text}`)
  }
}

/** One kept-alive connection: each `send` resolves with the next whole reply. */
export class Connection {
  readonly #socket: Socket
  #buffer = Buffer.alloc(0)
  #waiting: (() => void) | undefined
  /** Resolves when the server closes the connection. */
  readonly closed: Promise<void>

  constructor(port: number, localAddress?: string, tls?: boolean) {
    this.#socket = connect(port, localAddress, undefined, tls)
    this.#socket.on('data', (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk])
      this.#waiting?.()
    })
    this.#socket.on('error', () => {})
    this.closed = new Promise((resolve) =>
      this.#socket.on('close', () => {
        this.#waiting?.()
        resolve()
      })
    )
  }

  get isClosed(): boolean {
    return this.#socket.destroyed
  }

  write(data: string | Buffer): void {
    this.#socket.write(data)
  }

  /** The next complete reply; its raw bytes too. */
  async next(): Promise<{ reply: HttpReply; raw: string }> {
    for (;;) {
      const end = this.#buffer.indexOf('\r\n\r\n')
      if (end >= 0) {
        const head = this.#buffer.subarray(0, end).toString('latin1')
        const length = Number(/Content-Length: (\d+)/.exec(head)?.[1] ?? 0)
        const informational = head.startsWith('HTTP/1.1 100')
        const total = end + 4 + (informational ? 0 : length)
        if (this.#buffer.length >= total) {
          const raw = this.#buffer.subarray(0, total)
          this.#buffer = this.#buffer.subarray(total)
          const [reply] = informational
            ? [{ head: head.split('\r\n')[0] ?? '', headers: [], body: '' }]
            : parseReplies(raw)
          if (reply) return { reply, raw: raw.toString('utf8') }
        }
      }
      if (this.#socket.destroyed) throw new Error(`closed with ${this.#buffer.length} bytes left`)
      await new Promise<void>((resolve) => (this.#waiting = resolve))
    }
  }

  async send(data: string | Buffer): Promise<HttpReply> {
    this.write(data)
    return (await this.next()).reply
  }

  end(): void {
    this.#socket.destroy()
  }
}
