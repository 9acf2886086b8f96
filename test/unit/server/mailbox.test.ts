import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseSync } from 'node:sqlite'
import { openDatabase } from '../../../src/server/storage/sqlite/db.ts'
import { SqliteMailbox } from '../../../src/server/storage/sqlite/mailbox.ts'
import { MAX_QUEUED } from '../../../src/server/storage/types.ts'

const BOB = 10002
let db: DatabaseSync
let mailbox: SqliteMailbox

const send = (...texts: string[]): Promise<void> =>
  mailbox.deliver(
    texts.map((text) => ({ recipient: BOB, type: 9, from: 10001, text })),
    1_700_000_000
  )
const texts = (messages: readonly { text: string }[]) => messages.map((m) => m.text)

beforeEach(() => {
  db = openDatabase(undefined)
  db.prepare("INSERT INTO accounts (uin, password_hash) VALUES (?, 'x')").run(BOB)
  mailbox = new SqliteMailbox(db)
})

describe('Mailbox', () => {
  it('take returns the oldest 50 and removes them', async () => {
    await send(...Array.from({ length: 60 }, (_, i) => `m${i}`))
    expect(texts(await mailbox.take(BOB))).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`))
    expect(texts(await mailbox.take(BOB))).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${i + 50}`)
    )
    expect(await mailbox.take(BOB)).toEqual([])
  })

  it(`keeps at most ${MAX_QUEUED} waiting messages per user, dropping the oldest (D-21)`, async () => {
    await send(...Array.from({ length: MAX_QUEUED + 5 }, (_, i) => `m${i}`))
    expect(await mailbox.count(BOB)).toBe(MAX_QUEUED)
    expect((await mailbox.take(BOB))[0]?.text).toBe('m5')
  })

  it('sends a batch again until it is acknowledged, then the next one', async () => {
    await send('a', 'b')
    const first = await mailbox.batch(BOB, '0')
    expect(texts(first.messages)).toEqual(['a', 'b'])
    expect(first.messages[0]?.time).toBe(1_700_000_000)
    await send('c')
    expect(await mailbox.batch(BOB, '0')).toEqual(first)
    expect(await mailbox.batch(BOB, String(first.id + 1))).toEqual(first)
    const second = await mailbox.batch(BOB, String(first.id))
    expect(texts(second.messages)).toEqual(['c'])
    expect(second.id).toBeGreaterThan(first.id)
    expect(await mailbox.batch(BOB, String(second.id))).toEqual({ id: 0, messages: [] })
  })

  it('never drops messages of a batch awaiting acknowledgement to make room', async () => {
    await send('kept')
    const batch = await mailbox.batch(BOB, '0')
    await send(...Array.from({ length: MAX_QUEUED + 1 }, (_, i) => `m${i}`))
    expect(await mailbox.batch(BOB, '0')).toEqual(batch)
  })

  it('a queue seen empty still gets what arrives later, both ways', async () => {
    expect(await mailbox.take(BOB)).toEqual([])
    expect(await mailbox.batch(BOB, '0')).toEqual({ id: 0, messages: [] })
    await send('later')
    expect(texts((await mailbox.batch(BOB, '0')).messages)).toEqual(['later'])
    expect(texts(await mailbox.take(BOB))).toEqual(['later'])
    await send('again')
    expect(texts(await mailbox.take(BOB))).toEqual(['again'])
  })

  it('classic take also removes messages sent in an unacknowledged batch', async () => {
    await send('x')
    await mailbox.batch(BOB, '0')
    expect(texts(await mailbox.take(BOB))).toEqual(['x'])
    expect(await mailbox.batch(BOB, '0')).toEqual({ id: 0, messages: [] })
  })
})
