import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { MAX_BODY_BYTES } from '../../shared/protocol/index.ts'
import type { Answer, Dispatcher, Incoming } from '../dispatch.ts'
import { clientAddress, proxiedPeer } from './address.ts'
import { wantsKeepAlive, writeReplies } from './replies.ts'

export interface HttpLimits {
  /** Headers and body must arrive within this (a held reply does not count). */
  readonly requestTimeoutMs: number
  readonly keepAliveTimeoutMs: number
  /** A connection with no traffic at all for this long is cut (slow readers included). */
  readonly idleSocketTimeoutMs: number
}

/** NULL (section 1): the connection ends without a byte of reply. */
function closeWithoutReply(req: IncomingMessage): void {
  req.socket.destroy()
}

/** The requests of a connection, answered one after the other. */
const IN_ORDER = Symbol('requests in order')
/** How many of a connection's requests are still waiting for their reply. */
const OWED = Symbol('replies owed')
type InOrder = { [IN_ORDER]?: Promise<void>; [OWED]?: number }

/**
 * Whether the connection stays open after this reply: not when the client asked to close,
 * nor when it has shut its sending side and this is the last reply it is owed.
 */
function keepsAlive(req: IncomingMessage, isClosing: () => boolean): boolean {
  const socket = req.socket as Socket & InOrder
  const owed = (socket[OWED] ?? 1) - 1
  socket[OWED] = owed
  return wantsKeepAlive(req) && !isClosing() && !(owed === 0 && socket.readableEnded)
}

/**
 * What the dispatcher is told about a request. The abort signal (the client went away before
 * its reply) is made on first use, since only a long poll asks for one. It is a getter of a
 * class, not of an object literal: V8 makes an object literal with a getter a dictionary-mode
 * object, and those, with everything their getter closes over (here the whole request),
 * outlived the young generation, which made garbage collection the largest cost of a request.
 */
class HttpIncoming implements Incoming {
  readonly address: string
  readonly proxiedPort: number | undefined
  readonly plusIsSpace: boolean
  readonly #socket: Socket
  readonly #res: ServerResponse
  #gone: AbortController | undefined

  constructor(req: IncomingMessage, res: ServerResponse) {
    // Behind a load balancer, the client its PROXY header named: sessions are keyed by it.
    const peer = proxiedPeer(req.socket)
    this.address = peer?.address ?? clientAddress(req.socket.remoteAddress)
    this.proxiedPort = peer?.port
    const contentType = (req.headers['content-type'] ?? '').toLowerCase()
    this.plusIsSpace = contentType.startsWith('application/x-www-form-urlencoded')
    this.#socket = req.socket
    this.#res = res
  }

  /**
   * Aborts when the connection closes before the reply, and also when the client shuts its
   * sending side: TCP shows a client that closed its socket and one that only stopped
   * sending (`nc`) alike, and a long poll held for a client that is gone would take its
   * messages from the queue for nobody. Such a poll is answered at once, taking nothing.
   */
  get signal(): AbortSignal {
    if (this.#gone) return this.#gone.signal
    const gone = (this.#gone = new AbortController())
    const res = this.#res
    const socket = this.#socket
    if (res.destroyed || socket.readableEnded) gone.abort()
    else {
      const shut = (): void => gone.abort()
      socket.once('end', shut)
      res.on('close', () => {
        socket.off('end', shut)
        if (!res.writableFinished) gone.abort()
      })
    }
    return gone.signal
  }
}

/**
 * Hands the body to `done`. A body over 64 KiB cuts the connection instead; so does a client
 * that goes away before the end of its body, and `done` is then never called.
 */
function readBody(req: IncomingMessage, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  const onData = (chunk: Buffer): void => {
    size += chunk.length
    if (size > MAX_BODY_BYTES) closeWithoutReply(req)
    else chunks.push(chunk)
  }
  req.on('data', onData)
  req.on('end', () => {
    // Taken off here, which just empties its slot in the request's table of listeners.
    // Left on, node:http removes it with removeAllListeners() once the reply is written,
    // which deletes the slot and turns the table into a slow dictionary: a cost that showed
    // in every request.
    req.off('data', onData)
    // Once cut for its size, the request is over, whatever the stream says after.
    if (size > MAX_BODY_BYTES) return
    done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
  })
}

/**
 * `node:http` with the strict parser, configured for clients of 2005: no `Host` needed,
 * any target, `Expect: 100-continue` answered, and every request answered by the
 * dispatcher or, when malformed, by closing the connection.
 *
 * A request takes callbacks and one promise (to keep a connection's requests in order), not
 * async functions: each promise and turn of the microtask queue showed in the cost of a
 * request, and most answers are ready at once.
 */
export function createHttpServer(
  dispatcher: Dispatcher,
  limits: HttpLimits,
  isClosing: () => boolean
): Server {
  /** Writes the answer; anything unexpected closes the connection, not the server. */
  const reply = (req: IncomingMessage, res: ServerResponse, answer: Answer): void => {
    try {
      const keepAlive = keepsAlive(req, isClosing)
      if (res.destroyed) return
      if (answer === null) return closeWithoutReply(req)
      writeReplies(req, res, answer, keepAlive)
    } catch {
      closeWithoutReply(req)
    }
  }

  const respond = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    answered: () => void
  ): void => {
    let answer: Answer | Promise<Answer>
    try {
      answer = dispatcher.answer(body, new HttpIncoming(req, res))
    } catch {
      answer = null
    }
    if (!(answer instanceof Promise)) {
      reply(req, res, answer)
      return answered()
    }
    answer
      .then(
        (late) => reply(req, res, late),
        () => closeWithoutReply(req)
      )
      .then(answered)
  }

  /** Settles once the request is answered, or once it is clear it never will be. */
  const onRequest = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise((answered) => {
      const declared = Number(req.headers['content-length'] ?? 0)
      if (req.method !== 'POST' || declared > MAX_BODY_BYTES) {
        closeWithoutReply(req)
        return answered()
      }
      readBody(req, (body) => respond(req, res, body, answered))
    })

  const server = createServer(
    {
      requireHostHeader: false,
      maxHeaderSize: 16 * 1024,
      headersTimeout: limits.requestTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, limits.requestTimeoutMs / 4)),
      noDelay: true
    },
    (req, res) => {
      // Requests sent back to back on one connection are handled one after the other, as
      // their replies are written: a Login must be done before the request after it runs.
      const socket = req.socket as Socket & InOrder
      socket[OWED] = (socket[OWED] ?? 0) + 1
      const previous = socket[IN_ORDER]
      socket[IN_ORDER] = previous ? previous.then(() => onRequest(req, res)) : onRequest(req, res)
    }
  )
  server.timeout = limits.idleSocketTimeoutMs
  // A client that shuts its sending side after its request still reads the reply: with this
  // flag node:http ends the socket after the replies still owed instead of at once, which
  // lost every reply not written in the same tick (a Login, a penalty, a held poll). It is
  // not in the typings, but node:http has read it since its first versions.
  Object.assign(server, { httpAllowHalfOpen: true })
  // node:http starts checking headersTimeout/requestTimeout when it starts listening. The
  // front listens instead, so it is told here; close() stops the checks again.
  server.emit('listening')
  // A request the parser cannot read is malformed too: NULL, never node's 400 page.
  server.on('clientError', (_error, socket) => socket.destroy())
  return server
}
