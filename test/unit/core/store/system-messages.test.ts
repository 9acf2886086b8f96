import { describe, expect, it } from 'vitest'
import { openAccountStore } from '../../../../src/core/store/account-store.ts'
import { ONLINE_NOTICES_KEPT } from '../../../../src/core/store/system-messages.ts'
import { useTempDirs } from '../temp-dir.ts'

const tempDir = useTempDirs()

describe('system message store', () => {
  it('keeps only the newest online notices, and they never crowd out requests', () => {
    const dir = tempDir()
    const store = openAccountStore(dir, 'built-in', 10001)
    const request = store.systemMessages.add({
      kind: 'request',
      from: 20000,
      text: 'hi',
      time: 1,
      source: undefined
    })
    const total = ONLINE_NOTICES_KEPT + 30
    for (let i = 0; i < total; i++) {
      store.systemMessages.add({
        kind: 'online',
        from: 10002,
        text: '',
        time: 10 + i,
        source: `b/${i}`
      })
    }
    const recent = store.systemMessages.recent()
    expect(recent[0]).toEqual(request)
    const online = recent.filter((message) => message.kind === 'online')
    expect(online).toHaveLength(ONLINE_NOTICES_KEPT)
    expect(online.map((message) => message.time)).toEqual(
      Array.from({ length: ONLINE_NOTICES_KEPT }, (_, i) => 10 + total - ONLINE_NOTICES_KEPT + i)
    )
    store.close()
    // Pruned in the file, not only in what a window gets.
    const reopened = openAccountStore(dir, 'built-in', 10001)
    expect(reopened.systemMessages.recent()).toHaveLength(ONLINE_NOTICES_KEPT + 1)
    reopened.close()
  })
})
