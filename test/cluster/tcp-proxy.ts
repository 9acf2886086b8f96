import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy in front of a database that a test can cut: every connection through it ends
 * at once, and new ones are closed as they arrive, until it is restored. How a node sees a
 * database that went away, without stopping the one other tests use.
 */
export class TcpProxy {
  readonly #server: Server
  readonly #sockets = new Set<Socket>()
  #cut = false

  private constructor(server: Server) {
    this.#server = server
  }

  static async start(host: string, port: number): Promise<TcpProxy> {
    const server = createServer()
    const proxy = new TcpProxy(server)
    server.on('connection', (client) => proxy.#accept(client, host, port))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get port(): number {
    const address = this.#server.address()
    return typeof address === 'object' && address ? address.port : 0
  }

  #accept(client: Socket, host: string, port: number): void {
    if (this.#cut) {
      client.destroy()
      return
    }
    const upstream = connect(port, host)
    for (const [from, to] of [
      [client, upstream],
      [upstream, client]
    ] as const) {
      this.#sockets.add(from)
      from.pipe(to)
      from.on('error', () => to.destroy())
      from.on('close', () => {
        this.#sockets.delete(from)
        to.destroy()
      })
    }
  }

  /** The database is unreachable from now on. */
  cut(): void {
    this.#cut = true
    for (const socket of this.#sockets) socket.destroy()
  }

  /** The database is reachable again. */
  restore(): void {
    this.#cut = false
  }

  async close(): Promise<void> {
    this.cut()
    await new Promise((resolve) => this.#server.close(resolve))
  }
}
