/**
 * What the benches send to a server: HTTP QQ requests written as raw bytes, not through our
 * client, so that what is measured is the server alone; one request per connection, as the
 * clients of 2005 sent them; and the logins that give a load its sessions. Shared by
 * bench/server.ts and bench/cluster.ts.
 */
import { connect } from 'node:net'
import { connect as connectTls, type TLSSocket } from 'node:tls'
import { md5Hex } from '../src/server/storage/passwords.ts'

/** A POST of `body`, `Connection: close` unless said. */
export function request(body: string, connection = 'close'): Buffer {
  return Buffer.from(
    `POST / HTTP/1.1\r\nContent-Type: text/plain; charset=UTF-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: ${connection}\r\n\r\n${body}`
  )
}

/** The load is no client that checks certificates: what is measured is the server. */
export const openTls = (port: number, onConnect: () => void): TLSSocket =>
  connectTls({ port, host: '127.0.0.1', rejectUnauthorized: false }, onConnect).setNoDelay(true)

/**
 * One request on its own connection; resolves with the reply when the server closes. A
 * socket error rejects, unless `tolerant`: then the reply is whatever came before it, for a
 * load that judges each reply by its content and counts the rest as failed.
 */
export function exchange(
  port: number,
  bytes: Buffer,
  { tls = false, tolerant = false } = {}
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const send = () => socket.write(bytes)
    const socket = tls
      ? openTls(port, send)
      : connect({ port, host: '127.0.0.1', noDelay: true }, send)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', tolerant ? () => undefined : reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()))
  })
}

/** Runs `work` over `items` with at most `width` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: width }, worker))
}

/** Logs in each of `uins` (all with `password`), `width` at a time; throws at the first refusal. */
export async function logIn(
  port: number,
  uins: readonly number[],
  password: string,
  width: number
): Promise<void> {
  const ps = md5Hex(password)
  await inParallel(uins, width, async (uin) => {
    const body = `VER=1.1&CMD=Login&SEQ=1&UIN=${uin}&PS=${ps}&M5=1&LC=9326B87B234E7235`
    const reply = await exchange(port, request(body))
    if (!reply.includes('&RS=0&')) throw new Error(`${uin} could not log in: ${reply}`)
  })
}
