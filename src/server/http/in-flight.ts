import type { Server } from 'node:http'

/** The requests an HTTP server has not answered yet. */
export interface InFlight {
  /** Resolves once every request is answered (or gone), or after `ms` at the latest. */
  settled(ms: number): Promise<void>
}

/**
 * Counts a server's unanswered requests, so that closing can let the held ones it has just
 * woken write their replies. With the live state in Redis a woken poll needs a few round
 * trips before its reply, more than a turn of the event loop.
 */
export function trackInFlight(server: Server): InFlight {
  let open = 0
  let idle: (() => void) | undefined
  server.on('request', (_req, res) => {
    open += 1
    res.once('close', () => {
      open -= 1
      if (open === 0) idle?.()
    })
  })
  return {
    settled: (ms) =>
      new Promise<void>((resolve) => {
        if (open === 0) return resolve()
        const timer = setTimeout(done, ms)
        function done(): void {
          clearTimeout(timer)
          idle = undefined
          resolve()
        }
        idle = done
      })
  }
}
