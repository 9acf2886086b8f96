/**
 * The request log: one record per request with when (pino's `time`), from where (`addr`),
 * who (`uin`), what (`cmd`), the outcome (`res`, and `why` for a NULL or a refused login)
 * and how long it took (`ms`). Nothing else from the body: never a password hash or a
 * message text.
 */
import type { Logger, PrettyRecords } from '../logging/logger.ts'

/** The RES of each reply written, or NULL (the connection closed without a byte). */
export type LoggedResult = number | readonly number[] | 'NULL'

export function logRequest(
  logger: Logger,
  addr: string,
  uin: number | undefined,
  cmd: string | undefined,
  res: LoggedResult,
  why: string | undefined,
  started: number
): void {
  const ms = Math.round((performance.now() - started) * 10) / 10
  logger.info({ addr, uin, cmd, res, why, ms })
}

const resText = (res: unknown): string =>
  res === 'NULL'
    ? 'NULL'
    : [res]
        .flat()
        .map((value) => `RES=${String(value)}`)
        .join(' ')

/** `127.0.0.1 10001 Login RES=0 wrong password 12.3ms`, as the log read before pino. */
export const REQUEST_LINES: PrettyRecords = {
  fields: ['addr', 'uin', 'cmd', 'res', 'why', 'ms'],
  line: (record) =>
    record.addr === undefined
      ? undefined
      : [
          record.addr,
          record.uin ?? '-',
          record.cmd ?? '-',
          resText(record.res),
          ...(record.why === undefined ? [] : [record.why]),
          `${String(record.ms)}ms`
        ].join(' ')
}
