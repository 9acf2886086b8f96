import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDir } from '../../../../src/core/store/account-db.ts'
import { openAccountStore } from '../../../../src/core/store/account-store.ts'
import { useTempDirs } from '../temp-dir.ts'

const tempDir = useTempDirs()

describe('message store', () => {
  it('stores a received message once per batch place, however often the batch comes', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    const message = { peer: 10002, text: 'hi', time: 1, auto: false, source: '7/0/abc' }
    expect(store.messages.addReceived(message)).toMatchObject({
      peer: 10002,
      text: 'hi',
      state: 'received',
      direction: 'in'
    })
    expect(store.messages.addReceived(message)).toBeUndefined()
    // Without acknowledged batches there is no place to key on: every arrival is new.
    expect(store.messages.addReceived({ ...message, source: undefined })).toBeDefined()
    expect(store.messages.addReceived({ ...message, source: undefined })).toBeDefined()
    expect(store.messages.all(10002)).toHaveLength(3)
    store.close()
  })

  it('keeps whether a message was an automatic answer, either way', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    const received = { peer: 10002, time: 1, source: undefined }
    expect(
      store.messages.addReceived({ ...received, text: '[自动回复] 开会', auto: true })
    ).toMatchObject({ auto: true })
    expect(store.messages.addReceived({ ...received, text: 'hi', auto: false })).not.toHaveProperty(
      'auto'
    )
    expect(store.messages.addOutgoing(10002, '[自动回复] 忙', 2, true)).toMatchObject({
      auto: true
    })
    expect(store.messages.all(10002).map((m) => m.auto ?? false)).toEqual([true, false, true])
    store.close()
  })

  it('marks the automatic answers a file of the first version holds', () => {
    const dir = tempDir()
    const before = openAccountStore(dir, 'built-in', 10001)
    const received = { peer: 10002, time: 1, auto: false, source: undefined }
    before.messages.addReceived({ ...received, text: '[自动回复] 开会' })
    before.messages.addReceived({ ...received, text: 'hi' })
    before.close()
    const file = new DatabaseSync(join(accountDir(dir, 'built-in', 10001), 'history.sqlite'))
    file.exec('PRAGMA user_version = 1')
    file.close()

    const after = openAccountStore(dir, 'built-in', 10001)
    expect(after.messages.all(10002).map((m) => [m.text, m.auto ?? false])).toEqual([
      ['[自动回复] 开会', true],
      ['hi', false]
    ])
    after.close()
  })

  it('pages a conversation newest first, before a given message', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    const ids = Array.from(
      { length: 5 },
      (_, i) => store.messages.addOutgoing(10002, `m${i}`, i, false).id
    )
    store.messages.addOutgoing(10003, 'other', 9, false)
    expect(store.messages.page(10002, null, 2).map((m) => m.text)).toEqual(['m4', 'm3'])
    expect(store.messages.page(10002, ids[3] ?? null, 10).map((m) => m.text)).toEqual([
      'm2',
      'm1',
      'm0'
    ])
    store.close()
  })

  it('pages every conversation together, newest first, sent and received', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    const received = { time: 1, auto: false, source: undefined }
    store.messages.addOutgoing(10002, 'to Bob', 1, false)
    store.messages.addReceived({ ...received, peer: 10003, text: 'from Carol' })
    store.messages.addReceived({ ...received, peer: 10002, text: 'from Bob' })
    const newest = store.messages.addOutgoing(10003, 'to Carol', 4, false)
    const firstPage = store.messages.page(null, null, 2)
    expect(firstPage.map((m) => [m.peer, m.direction, m.text])).toEqual([
      [10003, 'out', 'to Carol'],
      [10002, 'in', 'from Bob']
    ])
    expect(firstPage[0]?.id).toBe(newest.id)
    // Keyset paging: before the last message shown, whoever it was with.
    const next = store.messages.page(null, firstPage.at(-1)?.id ?? null, 10)
    expect(next.map((m) => m.text)).toEqual(['from Carol', 'to Bob'])
    expect(store.messages.page(null, next.at(-1)?.id ?? null, 10)).toEqual([])
    store.close()
  })

  it('finds text in any case, short or long, Chinese or not, with search syntax taken literally', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    for (const text of ['你好世界', 'Hello World', 'say "NEAR" OR* not', '好的', 'x AND y']) {
      store.messages.addReceived({ peer: 10002, text, time: 0, auto: false, source: undefined })
    }
    store.messages.addOutgoing(10003, '世界和平', 0, false)
    const found = (text: string, peer: number | null = null) =>
      store.messages.search(text, peer).map((m) => m.text)
    expect(found('hello world')).toEqual(['Hello World'])
    expect(found('好')).toEqual(['好的', '你好世界'])
    expect(found('世界')).toEqual(['世界和平', '你好世界'])
    expect(found('世界', 10002)).toEqual(['你好世界'])
    expect(found('"NEAR" OR*')).toEqual(['say "NEAR" OR* not'])
    expect(found('AND')).toEqual(['x AND y'])
    expect(found('nothing here')).toEqual([])
    store.close()
  })

  it('after a crash, a message whose part was on the wire becomes unknown; one never sent stays pending', () => {
    const dir = tempDir()
    const before = openAccountStore(dir, 'built-in', 10001)
    const onWire = before.messages.addOutgoing(10002, 'on the wire', 0, false)
    const queued = before.messages.addOutgoing(10002, 'queued', 1, false)
    before.messages.markInFlight(onWire.id, true)
    before.close()

    const after = openAccountStore(dir, 'built-in', 10001)
    expect(after.messages.recoverInterrupted()).toMatchObject([
      { id: onWire.id, state: 'unknown', error: 'UNKNOWN_OUTCOME' }
    ])
    expect(after.messages.nextPending()).toMatchObject({ message: { id: queued.id }, partsSent: 0 })
    after.close()
  })

  it('counts parts of a long message until the last one makes it sent', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    const { id } = store.messages.addOutgoing(10002, 'long', 0, true)
    store.messages.markInFlight(id, true)
    expect(store.messages.markPartSent(id, 1, false)).toMatchObject({
      state: 'pending',
      auto: true
    })
    expect(store.messages.nextPending()).toMatchObject({ partsSent: 1 })
    expect(store.messages.markPartSent(id, 2, true)).toMatchObject({ state: 'sent' })
    expect(store.messages.nextPending()).toBeUndefined()
    store.close()
  })
})
