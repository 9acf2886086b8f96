import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSystemStore } from '../../../src/renderer/src/stores/system.ts'
import {
  onlineNoticesKey,
  readOnlineNotices
} from '../../../src/renderer/src/system/online-notices.ts'

describe('friend-online notices', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('are written by the buddy list window when a friend comes online', () => {
    const buddyList = useSystemStore()
    buddyList.recordOnlineNotices(10001)
    buddyList.applyPresence(10002, 10, 20, 1000)
    buddyList.applyPresence(10002, 30, 10, 2000) // online → busy: not a new arrival
    buddyList.applyPresence(10003, 10, undefined, 3000)
    buddyList.applyPresence(10003, 20, 10, 4000)
    expect(readOnlineNotices(localStorage.getItem(onlineNoticesKey(10001)))).toEqual([
      { uin: 10003, time: 3000 },
      { uin: 10002, time: 1000 }
    ])
  })

  it('are not written by other windows', () => {
    const chatWindow = useSystemStore()
    chatWindow.applyPresence(10002, 10, 20, 1000)
    expect(localStorage.getItem(onlineNoticesKey(10001))).toBeNull()
    expect(chatWindow.onlineNotices).toEqual([])
  })

  it('are followed by the system messages window as they are written', () => {
    localStorage.setItem(onlineNoticesKey(10001), JSON.stringify([{ uin: 10002, time: 5 }]))
    const systemWindow = useSystemStore()
    const stop = systemWindow.followOnlineNotices(10001)
    expect(systemWindow.onlineNotices).toEqual([{ uin: 10002, time: 5 }])
    const next = JSON.stringify([
      { uin: 10003, time: 6 },
      { uin: 10002, time: 5 }
    ])
    window.dispatchEvent(
      new StorageEvent('storage', { key: onlineNoticesKey(10001), newValue: next })
    )
    expect(systemWindow.onlineNotices).toHaveLength(2)
    stop()
  })

  it('ignore anything unreadable in storage', () => {
    expect(readOnlineNotices('not json')).toEqual([])
    expect(readOnlineNotices('[{"uin":"x"},{"uin":1,"time":2}]')).toEqual([{ uin: 1, time: 2 }])
    expect(readOnlineNotices(null)).toEqual([])
  })
})
