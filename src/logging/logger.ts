/**
 * The one logger of every Node process of the project (the server, the CLI, the web shell,
 * the app's main process): pino, writing through an asynchronous destination so that a log
 * line costs the request that caused it a few microseconds, not a write(2).
 *
 * Here and not in src/shared, which may not reach Node; each entry point makes its logger
 * once and hands it down.
 */
import { pino, type Logger } from 'pino'
import { prettyFactory } from 'pino-pretty'

export type { Logger } from 'pino'

export const LOG_FORMATS = ['pretty', 'json'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

export const isLogFormat = (text: string): text is LogFormat =>
  (LOG_FORMATS as readonly string[]).includes(text)

export interface LoggerOptions {
  /** `json`: one object per line; `pretty`: a line for people. Default: pretty on a terminal. */
  readonly format?: LogFormat
  /** Appends to this file (its folder is made); default: the stream of `fd`. */
  readonly file?: string
  /** 1 (stdout, default) or 2 (stderr) when there is no file. */
  readonly fd?: 1 | 2
  /** Default `info`. */
  readonly level?: string
  /** How records that are not plain messages read in the pretty format (request lines). */
  readonly pretty?: PrettyRecords
}

export interface PrettyRecords {
  /** The line for a record, or undefined to show its message. */
  readonly line: (record: Readonly<Record<string, unknown>>) => string | undefined
  /** The fields `line` shows, not repeated below it. */
  readonly fields: readonly string[]
}

const BATCH_BYTES = 4096
const BATCH_MS = 1000

const isTerminal = (fd: 1 | 2): boolean =>
  (fd === 1 ? process.stdout.isTTY : process.stderr.isTTY) === true

export function createLogger(options: LoggerOptions = {}): Logger {
  const fd = options.fd ?? 1
  const terminal = options.file === undefined && isTerminal(fd)
  // Away from a terminal, lines are gathered into writes of 4 KiB, or whatever a second
  // brought: one write(2) per line, handed to libuv's threads, cost a busy server more than
  // making the line. pino writes out what is waiting when the process exits.
  const destination = pino.destination({
    dest: options.file ?? fd,
    sync: false,
    mkdir: options.file !== undefined,
    minLength: terminal ? 0 : BATCH_BYTES,
    periodicFlush: terminal ? 0 : BATCH_MS
  })
  // No pid or hostname on every line: one process writes each log.
  const settings = { base: undefined, level: options.level ?? 'info' }
  if ((options.format ?? (terminal ? 'pretty' : 'json')) === 'json') {
    return pino(settings, destination)
  }
  const records = options.pretty
  const pretty = prettyFactory({
    colorize: terminal,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', ...(records?.fields ?? [])].join(','),
    messageFormat: (record, messageKey) => String(records?.line(record) ?? record[messageKey] ?? '')
  })
  // Formatted in this thread, as it is written: a terminal is read by a person, at a
  // person's pace, and a line formatted at once is never lost to an exit.
  return pino(settings, { write: (line: string) => destination.write(pretty(line)) })
}
