import { Duplex } from 'node:stream'
import type { Socket } from 'node:net'
import { RequestLineRewriter } from './request-lines.ts'

/**
 * A connection of a client that sends request lines without a target, as the HTTP server
 * sees it: what arrives passes through a RequestLineRewriter, what is written goes straight
 * out. Only such clients pay for the extra stream; everyone else gets the socket itself.
 */
export class LegacySocket extends Duplex {
  readonly #socket: Socket
  readonly #rewriter = new RequestLineRewriter()

  constructor(socket: Socket, head: Buffer) {
    super()
    this.#socket = socket
    socket.on('data', (chunk: Buffer) => {
      if (!this.push(this.#rewriter.rewrite(chunk))) socket.pause()
    })
    socket.on('end', () => this.push(null))
    socket.on('error', (error) => this.destroy(error))
    socket.on('close', () => this.destroy())
    socket.on('timeout', () => this.emit('timeout'))
    this.push(this.#rewriter.rewrite(head))
  }

  get remoteAddress(): string | undefined {
    return this.#socket.remoteAddress
  }

  get remotePort(): number | undefined {
    return this.#socket.remotePort
  }

  get remoteFamily(): string | undefined {
    return this.#socket.remoteFamily
  }

  get localAddress(): string | undefined {
    return this.#socket.localAddress
  }

  get localPort(): number | undefined {
    return this.#socket.localPort
  }

  setTimeout(ms: number, onTimeout?: () => void): this {
    this.#socket.setTimeout(ms)
    if (onTimeout) this.once('timeout', onTimeout)
    return this
  }

  setNoDelay(noDelay?: boolean): this {
    this.#socket.setNoDelay(noDelay)
    return this
  }

  setKeepAlive(enable?: boolean, initialDelay?: number): this {
    this.#socket.setKeepAlive(enable, initialDelay)
    return this
  }

  override _read(): void {
    this.#socket.resume()
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void
  ): void {
    this.#socket.write(chunk, done)
  }

  override _final(done: () => void): void {
    this.#socket.end(done)
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.#socket.destroy()
    done(error)
  }
}
