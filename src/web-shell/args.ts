import { parseArgs } from 'node:util'

export interface WebShellArgs {
  readonly port: number
  /** `host:port` of a server to use instead of the embedded one. */
  readonly server?: string
  /** The profile folder; a temporary one (removed on exit) when absent. */
  readonly data?: string
}

export const USAGE = `usage: npm run web -- [--port P] [--server HOST:PORT] [--data DIR]
  --port P            listen on 127.0.0.1:P (default 0: any free port)
  --server HOST:PORT  use this server (default: start the embedded one with demo accounts)
  --data DIR          keep settings and history in DIR (default: a temporary folder)`

/** Reads the command line; a mistake throws with a message meant for the user. */
export function parseWebShellArgs(argv: readonly string[]): WebShellArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      server: { type: 'string' },
      data: { type: 'string' }
    },
    strict: true,
    allowPositionals: false
  })
  const port = Number(values.port)
  if (!/^\d{1,5}$/.test(values.port) || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`)
  if (values.server !== undefined && values.server.trim() === '') throw new Error('--server: empty')
  return { port, server: values.server?.trim(), data: values.data }
}
