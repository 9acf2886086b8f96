import { beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, callChannel, EVENT_CHANNEL, type QQApi } from '../../../src/shared/api.ts'
import type { AccountEvent } from '../../../src/shared/model.ts'
import { SOUND_CHANNEL } from '../../../src/shared/sound-names.ts'
import { contextBridge, ipcRenderer, resetElectronMock } from '../../mocks/electron.ts'

let api: QQApi

beforeAll(async () => {
  resetElectronMock()
  await import('../../../src/preload/index.ts')
  api = contextBridge.exposed.get('qq') as QQApi
})

describe('the preload', () => {
  it('exposes exactly the contract as window.qq, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['qq'])
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'onEvent'].sort())
  })

  it('sends each call on its channel and resolves to what main answered', async () => {
    ipcRenderer.answer = async (channel, args) => ({ ok: true, value: { channel, args } })
    await expect(api.getProfile('10000@built-in', 10001, true)).resolves.toEqual({
      ok: true,
      value: { channel: callChannel('getProfile'), args: ['10000@built-in', 10001, true] }
    })
  })

  it('turns a failed IPC call into an INTERNAL result instead of a rejection', async () => {
    ipcRenderer.answer = async () => {
      throw new Error("No handler registered for 'qq:logout'")
    }
    const result = await api.logout('10000@built-in')
    expect(result.ok ? undefined : result.error.code).toBe('INTERNAL')
  })

  it('passes events, with their account, as plain data until unsubscribed', () => {
    const seen: AccountEvent[] = []
    const stop = api.onEvent((event) => seen.push(event))
    const event: AccountEvent = {
      account: '10000@built-in',
      event: { type: 'presence', uin: 10001, status: 30 }
    }
    ipcRenderer.emit(EVENT_CHANNEL, { senderId: 0 }, event)
    stop()
    ipcRenderer.emit(EVENT_CHANNEL, { senderId: 0 }, event)
    expect(seen).toEqual([event])
  })

  it('listens for sound requests on a channel the page cannot see', () => {
    expect(ipcRenderer.listenerCount(SOUND_CHANNEL)).toBe(1)
  })
})
