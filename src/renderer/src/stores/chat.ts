import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { ChatMessage } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/** Messages fetched per page of history: a screenful or two. */
const HISTORY_PAGE = 40

/** One conversation: the window's friend, the messages loaded so far, and sending. */
export const useChatStore = defineStore('chat', () => {
  const qq = bridge()
  const peer = ref<number | null>(null)
  const messages = shallowRef<readonly ChatMessage[]>([])
  const hasOlder = ref(true)
  const loadingOlder = ref(false)
  const error = shallowRef<AppError | null>(null)
  /** The newest message received while the window is open: it reacts to each (shake, read). */
  const lastIncoming = shallowRef<ChatMessage | null>(null)

  const ids = computed(() => new Set(messages.value.map((message) => message.id)))

  async function open(uin: number): Promise<void> {
    peer.value = uin
    messages.value = []
    hasOlder.value = true
    await loadOlder()
    await markRead()
  }

  async function loadOlder(): Promise<void> {
    if (peer.value === null || loadingOlder.value || !hasOlder.value) return
    loadingOlder.value = true
    const before = messages.value[0]?.id ?? null
    const result = await qq.getHistory(peer.value, before, HISTORY_PAGE)
    loadingOlder.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    const older = result.value.filter((message) => !ids.value.has(message.id)).reverse()
    messages.value = [...older, ...messages.value]
    hasOlder.value = result.value.length === HISTORY_PAGE
  }

  /**
   * A new message or a new state of one: replaced in place, or added at the end. New ones
   * show in the order they arrive (a server's times have whole seconds, too coarse to sort a
   * quick exchange by).
   */
  function applyMessage(message: ChatMessage): void {
    if (message.peer !== peer.value) return
    const index = messages.value.findIndex((known) => known.id === message.id)
    if (index >= 0) {
      const next = messages.value.slice()
      next[index] = message
      messages.value = next
      return
    }
    messages.value = [...messages.value, message]
    if (message.direction === 'in') lastIncoming.value = message
  }

  async function send(text: string): Promise<boolean> {
    if (peer.value === null) return false
    const result = await qq.sendMessage(peer.value, text)
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    // Its events may have come first, with a newer state (sent) than this answer's (pending).
    if (!ids.value.has(result.value.id)) applyMessage(result.value)
    return true
  }

  async function retry(id: string): Promise<void> {
    const result = await qq.retryMessage(id)
    error.value = result.ok ? null : result.error
  }

  async function markRead(): Promise<void> {
    if (peer.value === null) return
    const result = await qq.markRead(peer.value)
    if (!result.ok) error.value = result.error
  }

  return {
    peer,
    messages,
    hasOlder,
    loadingOlder,
    error,
    lastIncoming,
    open,
    loadOlder,
    applyMessage,
    send,
    retry,
    markRead
  }
})
