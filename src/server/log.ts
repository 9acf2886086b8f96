/**
 * The request log: one record per request with when (pino's `time`), from where (`addr`),
 * who (`uin`), what (`cmd`), the outcome (`res`, and `why` for a NULL or a refused login)
 * and how long it took (`ms`). Nothing else from the body: never a password hash or a
 * message text.
 */
import type { Logger, PrettyRecords } from '../logging/logger.ts'

/** The RES of each reply written, or NULL (the connection closed without a byte). */
export type LoggedResult = number | readonly number[] | 'NULL'

/** Where a request came from, as the log names it. */
export interface RequestSource {
  readonly address: string
  /** Behind a load balancer only: the client's source port (its PROXY header's). */
  readonly proxiedPort: number | undefined
}

export function logRequest(
  logger: Logger,
  from: RequestSource,
  uin: number | undefined,
  cmd: string | undefined,
  res: LoggedResult,
  why: string | undefined,
  started: number
): void {
  const ms = Math.round((performance.now() - started) * 10) / 10
  // pino leaves out the fields that are undefined: `port` appears only behind a proxy, where
  // the client's source port is what tells two clients of one carrier NAT apart.
  logger.info({ addr: from.address, port: from.proxiedPort, uin, cmd, res, why, ms })
}

/**
 * A connection closed before any request for its PROXY header (see front.ts): a client
 * trying to pass for another address, or a proxy set up wrongly. A warning, since an admin
 * should look.
 */
export function logRefusedConnection(logger: Logger, addr: string, why: string): void {
  logger.warn({ addr, res: 'NULL', why })
}

const resText = (res: unknown): string =>
  res === 'NULL'
    ? 'NULL'
    : [res]
        .flat()
        .map((value) => `RES=${String(value)}`)
        .join(' ')

/** `[::1]:51234`: an address with the port a PROXY header gave. */
const withPort = (addr: unknown, port: unknown): string => {
  if (port === undefined) return String(addr)
  const host = String(addr)
  return `${host.includes(':') ? `[${host}]` : host}:${String(port)}`
}

/** `127.0.0.1 10001 Login RES=0 wrong password 12.3ms`, as the log read before pino. */
export const REQUEST_LINES: PrettyRecords = {
  fields: ['addr', 'port', 'uin', 'cmd', 'res', 'why', 'ms'],
  line: (record) =>
    record.addr === undefined
      ? undefined
      : [
          withPort(record.addr, record.port),
          record.uin ?? '-',
          record.cmd ?? '-',
          resText(record.res),
          ...(record.why === undefined ? [] : [record.why]),
          ...(record.ms === undefined ? [] : [`${String(record.ms)}ms`])
        ].join(' ')
}
