import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { SystemMessage } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/** Friend requests, answers to mine, and friends coming online: all kept by the core. */
export const useSystemStore = defineStore('system', () => {
  const qq = bridge()
  const messages = shallowRef<readonly SystemMessage[]>([])
  const answering = ref<string | null>(null)
  const error = shallowRef<AppError | null>(null)

  /** Requests nobody has answered yet: the count on the buddy list's button. */
  const waiting = computed(
    () => messages.value.filter((message) => message.kind === 'request' && !message.answer).length
  )
  const newestFirst = computed(() => [...messages.value].sort((a, b) => b.time - a.time))

  function applyAll(next: readonly SystemMessage[]): void {
    messages.value = next
  }

  function applyMessage(message: SystemMessage): void {
    const others = messages.value.filter((known) => known.id !== message.id)
    messages.value = [...others, message]
  }

  async function answer(message: SystemMessage, accept: boolean, reason: string): Promise<boolean> {
    answering.value = message.id
    const result = await qq.answerRequest(message.from, accept, reason)
    answering.value = null
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    applyMessage({ ...message, answer: accept ? 'accepted' : 'refused' })
    return true
  }

  return {
    messages,
    answering,
    error,
    waiting,
    newestFirst,
    applyAll,
    applyMessage,
    answer
  }
})
