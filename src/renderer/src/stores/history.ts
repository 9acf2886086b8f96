import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { ChatMessage } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

const PAGE = 100

/** The history viewer: one conversation or all of them, browsing or searching. */
export const useHistoryStore = defineStore('history', () => {
  const qq = bridge()
  const peer = ref<number | null>(null)
  /** Newest first. */
  const messages = shallowRef<readonly ChatMessage[]>([])
  const query = ref('')
  /** The text the results are for; null while browsing. */
  const searchedFor = ref<string | null>(null)
  const hasMore = ref(false)
  const busy = ref(false)
  const error = shallowRef<AppError | null>(null)

  async function browse(uin: number | null): Promise<void> {
    peer.value = uin
    searchedFor.value = null
    messages.value = []
    await more()
  }

  /**
   * The next page of a conversation, or of all of them (peer null), newest first; searches
   * return everything at once.
   */
  async function more(): Promise<void> {
    if (searchedFor.value !== null) return
    busy.value = true
    const before = messages.value.at(-1)?.id ?? null
    const result = await qq.getHistory(peer.value, before, PAGE)
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    messages.value = [...messages.value, ...result.value]
    hasMore.value = result.value.length === PAGE
  }

  async function search(text: string): Promise<void> {
    const trimmed = text.trim()
    if (trimmed === '') return browse(peer.value)
    busy.value = true
    const result = await qq.searchHistory(trimmed, peer.value)
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    searchedFor.value = trimmed
    messages.value = [...result.value].sort((a, b) => b.time - a.time)
    hasMore.value = false
  }

  /** The conversation as text, for the window to offer as a download; null on failure. */
  async function exportText(): Promise<string | null> {
    busy.value = true
    const result = await qq.exportHistory(peer.value)
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return null
    }
    return result.value
  }

  return {
    peer,
    messages,
    query,
    searchedFor,
    hasMore,
    busy,
    error,
    browse,
    more,
    search,
    exportText
  }
})
