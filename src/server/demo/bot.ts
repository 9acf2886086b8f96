import {
  ACK_KIND,
  decodeReply,
  encodeRequest,
  MAX_MESSAGE_BYTES,
  MESSAGE_TYPE,
  RES,
  type Command,
  type IncomingMessage,
  type Reply,
  type RequestOf
} from '../../shared/protocol/index.ts'
import { setTimeout as sleep } from 'node:timers/promises'
import { createUndiciTransport } from '../../core/undici-transport.ts'
import { md5Hex } from '../storage/passwords.ts'
import { RateWindow } from '../state/rate-window.ts'
import { AUTO_REPLY_MARKER } from './demo-set.ts'

export interface BotOptions {
  /** `host:port` of the server it lives on, or `https://host:port` when it has a certificate. */
  readonly server: string
  /** D-27: the server's own certificate, trusted by its fingerprint over loopback. */
  readonly fingerprint?: string
  readonly uin: number
  readonly password: string
  /** The server's message rate window (D-22, times the penalty scale), to stay under it. */
  readonly messageWindowMs: number
}

export interface Bot {
  stop(): Promise<void>
}

const encoder = new TextEncoder()
/** Above the server's longest hold: a long poll (30 s) or a penalty (30 s). */
const REQUEST_TIMEOUT_MS = 45_000

/** How often a client of the time asked for messages; the bot's pace on a server without `WT`. */
const POLL_INTERVAL_MS = 2000
/** After a failed request: enough to never spin, short enough to be back soon. */
const RETRY_MS = 1000

/** The answer to `text`: a greeting and the text echoed, cut to fit one message (D-23). */
export function botAnswer(text: string): string {
  const greeting = `${AUTO_REPLY_MARKER} 你好!我是演示机器人小Q。Hi, I'm the demo bot. 你说 / You said: `
  let echo = text
  while (encoder.encode(greeting + echo).length > MAX_MESSAGE_BYTES) {
    echo = [...echo].slice(0, -2).join('') + '…'
  }
  return greeting + echo
}

/** Whether the bot answers this message: people's texts, never auto-replies or its own. */
export function needsAnswer(message: IncomingMessage, self: number): boolean {
  return (
    message.type === MESSAGE_TYPE.TEXT &&
    message.from !== self &&
    !message.text.trimStart().startsWith(AUTO_REPLY_MARKER)
  )
}

/** Resolves after `ms`, or at once when `signal` is (or gets) aborted. */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  sleep(ms, undefined, { signal }).catch(() => undefined)

/**
 * The demo bot: an ordinary client of the server over HTTP, using the protocol's long poll
 * and acknowledged batches. Going through HTTP like everyone else means it needs no door
 * into the server's insides, and it proves every day that the server answers a real client.
 */
export function startBot(options: BotOptions): Bot {
  // The client's own transport: over TLS it checks the certificate as any client does.
  const transport = createUndiciTransport()
  const stopping = new AbortController()
  const { signal } = stopping
  const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
  let seq = 1000
  let loggedIn = false
  const outbox: { to: number; text: string }[] = []
  // One message fewer than the limit per window leaves room for timing differences.
  const rate = new RateWindow(4, options.messageWindowMs)

  async function call<C extends Command>(request: RequestOf<C>): Promise<Reply<C>> {
    seq = seq >= 9999999 ? 1000 : seq + 1
    const bytes = await transport.post({
      server: options.server,
      fingerprint: options.fingerprint,
      body: encodeRequest({ seq, uin: options.uin }, request),
      timeoutMs: REQUEST_TIMEOUT_MS,
      signal
    })
    return decodeReply(request.cmd as C, bytes).reply
  }

  async function logIn(): Promise<void> {
    const reply = await call({ cmd: 'Login', passwordMd5: md5Hex(options.password) })
    loggedIn = reply.ok && reply.data.accepted
    if (!loggedIn) await pause(5000, signal)
  }

  async function handle(message: IncomingMessage): Promise<void> {
    if (message.type === MESSAGE_TYPE.ADD_REQUEST) {
      await call({ cmd: 'Ack_AddToList', target: message.from, kind: ACK_KIND.ACCEPT, reason: '' })
    } else if (needsAnswer(message, options.uin)) {
      outbox.push({ to: message.from, text: botAnswer(message.text) })
    }
  }

  /**
   * A server of 2005 (or ours with `--classic`) ignores `WT` and answers at once, so after an
   * empty reply the bot asks again only after the interval; asking again at once made it poll
   * a thousand times a second. Its own server is known by its reply: with `BI` (D-24) it
   * long-polls, and an empty reply means the wait is over, so the bot asks again at once. The
   * reply says which, not how long it took, which a busy machine would stretch.
   */
  async function receive(): Promise<void> {
    let ack = '0'
    while (!signal.aborted) {
      try {
        if (!loggedIn) {
          await logIn()
          continue
        }
        const reply = await call({ cmd: 'GetMsgEx', wait: 30, ack })
        if (!reply.ok) {
          if (reply.res === RES.NOT_LOGGED_IN) loggedIn = false
          else await pause(RETRY_MS, signal)
          continue
        }
        for (const message of reply.data.messages) await handle(message)
        ack = reply.data.batchId ?? '0'
        wake()
        const longPolls = reply.data.batchId !== undefined
        if (reply.data.messages.length === 0 && !longPolls) await pause(POLL_INTERVAL_MS, signal)
      } catch {
        await pause(RETRY_MS, signal)
      }
    }
  }

  let wake = (): void => {}
  async function send(): Promise<void> {
    while (!signal.aborted) {
      const next = outbox[0]
      if (!next) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), stopped])
        continue
      }
      if (!loggedIn || !rate.take(Date.now())) {
        await pause(Math.max(50, options.messageWindowMs / 4), signal)
        continue
      }
      try {
        const reply = await call({ cmd: 'CLTMSG', target: next.to, text: next.text })
        // A penalty was already waited out by the server; anything else is final.
        if (reply.res !== RES.PENALTY) outbox.shift()
        if (reply.res === RES.NOT_LOGGED_IN) loggedIn = false
      } catch {
        await pause(1000, signal)
      }
    }
  }

  const running = Promise.all([receive(), send()])
  return {
    stop: async () => {
      stopping.abort()
      await running
      await transport.close()
    }
  }
}
