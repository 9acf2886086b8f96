import { describe, expect, it } from 'vitest'
import { acceptBatch, type Batch, type InboxOptions } from '../../../src/core/inbox.ts'
import type { DeliveryStep } from '../../../src/core/probe.ts'
import { Roster } from '../../../src/core/roster.ts'
import { openAccountStore } from '../../../src/core/store/account-store.ts'
import type { ChatMessage, CoreEvent, SystemMessage } from '../../../src/shared/model.ts'
import { useTempDirs } from './temp-dir.ts'

const tempDir = useTempDirs()
const FRIEND = 10002
const STRANGER = 20000

function inbox(probe?: (step: DeliveryStep) => void) {
  const store = openAccountStore(tempDir(), 'built-in', 10001)
  store.contacts.setFriends([FRIEND])
  const events: CoreEvent[] = []
  const texts: ChatMessage[] = []
  const newFriends: number[] = []
  const emit = (event: CoreEvent) => events.push(event)
  const options: InboxOptions = {
    ...store,
    roster: new Roster(store.contacts, emit),
    emit,
    now: () => 1_000,
    probe,
    onText: (message) => texts.push(message),
    onNewFriend: (uin) => newFriends.push(uin)
  }
  return {
    store,
    events,
    texts,
    newFriends,
    roster: options.roster,
    accept: (batch: Batch) => acceptBatch(options, batch)
  }
}

const statusBatch = (batchId: string, changes: readonly [number, number][]): Batch => ({
  batchId,
  messages: changes.map(([from, status], i) => ({
    type: 99,
    from,
    text: String(status),
    time: 1_700_000_000 + i
  }))
})

const shownSystem = (events: readonly CoreEvent[]): SystemMessage[] =>
  events.flatMap((event) => (event.type === 'system-message' ? [event.message] : []))

const BATCH: Batch = {
  batchId: '12',
  messages: [
    { type: 99, from: FRIEND, text: '30', time: 1_700_000_000 },
    { type: 9, from: FRIEND, text: 'hi, 你好 & 100%', time: 1_700_000_001 },
    { type: 2, from: STRANGER, text: '我是小明', time: 1_700_000_002 },
    { type: 9, from: STRANGER, text: 'hello?', time: 1_700_000_003 },
    { type: 3, from: 10005, text: '', time: 1_700_000_004 },
    { type: 4, from: 10006, text: '不认识', time: 1_700_000_005 },
    { type: 77, from: 10007, text: 'from the future', time: 1_700_000_006 }
  ]
}

describe('inbox', () => {
  it('stores a batch, then shows it in order: messages, presence, system messages', () => {
    const { store, events, texts, newFriends, accept } = inbox()
    accept(BATCH)
    const shown = events.map((event) => {
      if (event.type === 'message')
        return ['message', event.message.peer, event.message.text, event.message.time]
      if (event.type === 'system-message')
        return ['system', event.message.kind, event.message.from, event.message.text]
      if (event.type === 'presence') return ['presence', event.uin, event.status]
      if (event.type === 'friend-updated') return ['friend-updated', event.uin, event.changes]
      return [event.type]
    })
    expect(shown).toEqual([
      ['presence', FRIEND, 30],
      ['message', FRIEND, 'hi, 你好 & 100%', 1_700_000_001_000],
      ['system', 'request', STRANGER, '我是小明'],
      ['message', STRANGER, 'hello?', 1_700_000_003_000],
      ['system', 'accepted', 10005, ''],
      ['system', 'refused', 10006, '不认识'],
      // The friend's unread count alone (a stranger is on no list); the list only because
      // someone joined it.
      ['friend-updated', FRIEND, { unread: 1 }],
      ['friends']
    ])
    expect(texts.map((m) => m.text)).toEqual(['hi, 你好 & 100%', 'hello?'])
    expect(newFriends).toEqual([10005])
    expect(store.contacts.friends().map((c) => [c.uin, c.unread])).toEqual([
      [FRIEND, 1],
      [10005, 0]
    ])
    expect(store.contacts.get(STRANGER)?.unread).toBe(1)
    store.close()
  })

  it('a batch that comes again is neither stored nor shown again', () => {
    const { store, events, texts, accept } = inbox()
    accept(BATCH)
    const before = events.length
    accept(BATCH)
    expect(events.slice(before).filter((e) => e.type !== 'presence')).toEqual([])
    expect(texts).toHaveLength(2)
    expect(store.messages.all(null)).toHaveLength(2)
    expect(store.systemMessages.recent()).toHaveLength(3)
    expect(store.contacts.get(FRIEND)?.unread).toBe(1)
    store.close()
  })

  it('the same message in a new batch is a new message', () => {
    const { store, accept } = inbox()
    const message = { type: 9, from: FRIEND, text: 'again', time: 1_700_000_000 }
    accept({ batchId: '1', messages: [message] })
    accept({ batchId: '2', messages: [message] })
    expect(store.messages.all(FRIEND)).toHaveLength(2)
    store.close()
  })

  it('stores all of a batch or none of it: a crash mid-way leaves nothing half-written', () => {
    let crash = true
    const { store, events, accept } = inbox((step) => {
      if (step === 'receive:storing' && crash) throw new Error('killed')
    })
    expect(() => accept(BATCH)).toThrow('killed')
    expect(store.messages.all(null)).toEqual([])
    expect(store.systemMessages.recent()).toEqual([])
    expect(events).toEqual([])
    crash = false
    accept(BATCH)
    expect(store.messages.all(null)).toHaveLength(2)
    store.close()
  })

  it('passes the steps in order: storing inside the transaction, stored, shown', () => {
    const steps: DeliveryStep[] = []
    const { store, accept } = inbox((step) => steps.push(step))
    accept(BATCH)
    expect(steps).toEqual(['receive:storing', 'receive:stored', 'receive:shown'])
    store.close()
  })

  it('marks a text another client answered automatically, and does not answer it', () => {
    const { store, texts, accept } = inbox()
    accept({
      batchId: '5',
      messages: [
        { type: 9, from: FRIEND, text: '[自动回复] 我在开会', time: 1_700_000_000 },
        { type: 9, from: FRIEND, text: 'hi [自动回复]', time: 1_700_000_001 }
      ]
    })
    expect(texts.map((message) => [message.text, message.auto === true])).toEqual([
      ['[自动回复] 我在开会', true],
      ['hi [自动回复]', false]
    ])
    expect(store.messages.all(FRIEND).map((message) => message.auto === true)).toEqual([
      true,
      false
    ])
    store.close()
  })

  it('a server without batch ids: the time is the arrival time', () => {
    const { store, accept } = inbox()
    accept({ messages: [{ type: 9, from: FRIEND, text: 'old server' }] })
    expect(store.messages.all(FRIEND)).toMatchObject([{ text: 'old server', time: 1_000 }])
    store.close()
  })

  it('records a friend going from offline to online, and nothing else, as a system message', () => {
    const { store, events, accept } = inbox()
    accept(
      statusBatch('1', [
        [FRIEND, 10], // offline → online: came online
        [FRIEND, 30], // online → busy
        [FRIEND, 10], // busy → online: was there all along
        [FRIEND, 40], // invisible: looks offline
        [FRIEND, 10], // offline → online again
        [STRANGER, 10] // not on my list
      ])
    )
    const notices = shownSystem(events)
    expect(notices.map(({ kind, from, text, time }) => ({ kind, from, text, time }))).toEqual([
      { kind: 'online', from: FRIEND, text: '', time: 1_700_000_000_000 },
      { kind: 'online', from: FRIEND, text: '', time: 1_700_000_004_000 }
    ])
    expect(store.systemMessages.recent()).toEqual(notices)
    // Each notice follows the presence change it records.
    const first = events.findIndex((event) => event.type === 'system-message')
    expect(events[first - 1]).toEqual({ type: 'presence', uin: FRIEND, status: 10 })
    store.close()
  })

  it('a friend already online by the Query_Stat of the login is not coming online', () => {
    const { store, events, roster, accept } = inbox()
    roster.setOnline([{ uin: FRIEND, status: 30, nick: 'Bob', face: 6 }])
    accept(statusBatch('1', [[FRIEND, 10]]))
    expect(shownSystem(events)).toEqual([])
    expect(events.filter((event) => event.type === 'presence')).toHaveLength(2)
    store.close()
  })

  it('a batch that comes again records no second notice', () => {
    const { store, events, accept } = inbox()
    const batch = statusBatch('7', [
      [FRIEND, 10],
      [FRIEND, 20]
    ])
    accept(batch)
    accept(batch)
    expect(shownSystem(events)).toHaveLength(1)
    expect(store.systemMessages.recent()).toHaveLength(1)
    store.close()
  })

  it('someone who accepted my request earlier in the batch counts as a friend', () => {
    const { store, events, accept } = inbox()
    accept({
      batchId: '3',
      messages: [
        { type: 3, from: STRANGER, text: '', time: 1_700_000_000 },
        { type: 99, from: STRANGER, text: '10', time: 1_700_000_001 }
      ]
    })
    expect(shownSystem(events).map((m) => [m.kind, m.from])).toEqual([
      ['accepted', STRANGER],
      ['online', STRANGER]
    ])
    store.close()
  })
})
