import { LocalWaiters } from '../state/memory/waiters.ts'
import type { Wait, Waiters } from '../state/types.ts'
import type { RedisConnection } from './redis-connection.ts'

interface Subscription {
  /** Polls this node holds for the number. */
  count: number
  /** Settles once Redis has acknowledged the SUBSCRIBE. */
  readonly ready: Promise<void>
}

/**
 * Long polls across nodes. A node subscribes to a number's channel while it holds a poll
 * for it, and only then: a wake-up (PUBLISH) reaches exactly the nodes that hold one, and
 * each wakes only its own polls. A wait is ready once its SUBSCRIBE is acknowledged, so a
 * message committed after that, on any node, wakes it.
 */
export class RedisWaiters implements Waiters {
  readonly #local = new LocalWaiters()
  readonly #redis: RedisConnection
  readonly #subscriptions = new Map<number, Subscription>()

  constructor(redis: RedisConnection) {
    this.#redis = redis
  }

  #channel(uin: number): string {
    return `${this.#redis.prefix}wake:${uin}`
  }

  readonly #onMessage = (_message: string, channel: string): void => {
    this.#local.wakeHere(Number(channel.slice(channel.lastIndexOf(':') + 1)))
  }

  wait(uin: number, ms: number, signal: AbortSignal): Wait {
    const local = this.#local.wait(uin, ms, signal)
    let subscription = this.#subscriptions.get(uin)
    if (!subscription) {
      subscription = {
        count: 0,
        ready: this.#redis.subscriber.subscribe(this.#channel(uin), this.#onMessage)
      }
      this.#subscriptions.set(uin, subscription)
    }
    const held = subscription
    held.count += 1
    void local.ended.then(() => this.#let(uin, held))
    // A subscription that failed (Redis away) fails the poll: its client retries.
    const ready = held.ready.catch((error: unknown) => {
      local.cancel()
      throw error
    })
    return { ready, ended: local.ended, cancel: local.cancel }
  }

  /** One poll fewer; with none left, this node stops listening for the number. */
  #let(uin: number, held: Subscription): void {
    held.count -= 1
    if (held.count > 0 || this.#subscriptions.get(uin) !== held) return
    this.#subscriptions.delete(uin)
    // After its SUBSCRIBE, whatever came of it; Redis gone meanwhile forgot it anyway.
    void held.ready
      .then(() => this.#redis.subscriber.unsubscribe(this.#channel(uin), this.#onMessage))
      .catch(() => {})
  }

  /**
   * Wakes this node's polls at once and tells the other nodes. Never fails: the message is
   * committed by now, and a poll that is not woken finds it when its `WT` ends.
   */
  async wake(uin: number): Promise<void> {
    this.#local.wakeHere(uin)
    await this.#redis.commands.publish(this.#channel(uin), '').catch(() => {})
  }

  wakeAll(): void {
    this.#local.wakeAll()
  }
}
