import { CodedError, type ErrorCode } from '../shared/errors.ts'
import type { ChatMessage } from '../shared/model.ts'
import type { Emit } from './events.ts'
import type { PacingReport } from './pacing-report.ts'
import type { Probe } from './probe.ts'
import type { RatePacer } from './rate-pacer.ts'
import { codeOf } from './results.ts'
import type { Session } from './session.ts'
import { splitMessage } from './split-message.ts'
import type { MessageStore, OutboxEntry } from './store/messages.ts'
import { sleep, type Timers } from './clock.ts'

export interface OutboxOptions {
  readonly messages: MessageStore
  readonly emit: Emit
  readonly timers: Timers
  readonly penaltyMs: number
  readonly now: () => number
  /** D-22: every `CLTMSG` waits for its turn, so our server never refuses one. */
  readonly pacer: RatePacer
  readonly report: PacingReport
  readonly probe?: Probe
}

/** What happened to one attempt: go on with the next message, or stop and wait. */
type Attempt = 'next' | 'wait'

/**
 * Outgoing messages: stored first (so nothing typed is ever lost), then sent one at a time
 * in the order they were written, which keeps every conversation in order, and no faster
 * than the rate limit (each part of a long message counts). A message held by a penalty
 * (from a server whose limits we do not know) stays pending and is tried again no sooner
 * than the penalty allows; one whose request may or may not have arrived becomes `unknown`
 * and waits for the user.
 */
export class Outbox {
  readonly #options: OutboxOptions
  #wake: (() => void) | undefined
  /** After `RES=3`, no CLTMSG before this (epoch ms). */
  #penaltyUntil = 0

  constructor(options: OutboxOptions) {
    this.#options = options
  }

  /** Stores a message and queues it; it goes out whenever a session is online. */
  add(peer: number, text: string, auto = false): ChatMessage {
    const message = this.#options.messages.addOutgoing(peer, text, this.#options.now(), auto)
    this.#options.probe?.('send:stored')
    this.#options.emit({ type: 'message', message })
    this.#wake?.()
    return message
  }

  /** Queues a failed or unknown message again, from the part that did not go through. */
  retry(id: string): void {
    const message = this.#options.messages.get(id)
    if (message === undefined || message.direction !== 'out') {
      throw new CodedError('NOT_FOUND', `no sent message ${id}`)
    }
    if (message.state !== 'failed' && message.state !== 'unknown') {
      throw new CodedError('INVALID_ARGUMENT', `message ${id} is ${message.state}`)
    }
    this.#changed(this.#options.messages.setState(id, 'pending'))
    this.#wake?.()
  }

  /** Sends while `session` lives; returns when it ends. */
  async run(session: Session): Promise<void> {
    const { signal } = session
    while (!signal.aborted) {
      if (!(await session.whenOnline())) return
      const entry = this.#options.messages.nextPending()
      if (entry === undefined) await this.#idle(signal)
      else if ((await this.#deliver(session, entry)) === 'wait') await this.#pause(session)
    }
  }

  async #deliver(session: Session, { message, partsSent }: OutboxEntry): Promise<Attempt> {
    const { messages, probe, pacer, report } = this.#options
    const parts = splitMessage(message.text)
    for (let part = partsSent; part < parts.length; part++) {
      const turn = await pacer.turn(session.signal, (until) => report.messages(until))
      report.messages(null)
      if (!turn) return 'wait'
      messages.markInFlight(message.id, true)
      probe?.('send:requesting')
      try {
        await session.request({ cmd: 'CLTMSG', target: message.peer, text: parts[part] ?? '' })
      } catch (error) {
        return this.#failed(session, message, codeOf(error))
      } finally {
        pacer.record()
      }
      probe?.('send:replied')
      const updated = messages.markPartSent(message.id, part + 1, part + 1 === parts.length)
      probe?.('send:marked')
      if (updated.state === 'sent') this.#changed(updated)
    }
    return 'next'
  }

  #failed(session: Session, message: ChatMessage, code: ErrorCode): Attempt {
    const { messages } = this.#options
    switch (code) {
      case 'PENALTY':
        messages.markInFlight(message.id, false)
        this.#penaltyUntil = this.#options.now() + this.#options.penaltyMs
        return 'wait'
      case 'UNREACHABLE':
        // Never connected, so never sent: it stays pending until the connection is back.
        messages.markInFlight(message.id, false)
        session.connectionLost(code)
        return 'wait'
      case 'OFFLINE':
      case 'NOT_LOGGED_IN':
        messages.markInFlight(message.id, false)
        return 'wait'
      case 'UNKNOWN_OUTCOME':
      case 'TIMEOUT':
      case 'BAD_REPLY':
        // The request went out: the server may have passed it on. Sending it again could
        // show it twice, so the user decides.
        this.#changed(messages.setState(message.id, 'unknown', code))
        return 'next'
      default:
        this.#changed(messages.setState(message.id, 'failed', code))
        return 'next'
    }
  }

  async #pause(session: Session): Promise<void> {
    const wait = this.#penaltyUntil - this.#options.now()
    if (wait <= 0) return
    this.#options.report.messages(this.#penaltyUntil)
    await sleep(this.#options.timers, wait, session.signal)
    this.#options.report.messages(null)
  }

  #idle(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#wake = undefined
        signal.removeEventListener('abort', done)
        resolve()
      }
      this.#wake = done
      signal.addEventListener('abort', done, { once: true })
    })
  }

  #changed(message: ChatMessage): void {
    this.#options.emit({ type: 'message-state', message })
  }
}
