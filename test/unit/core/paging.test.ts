import { describe, expect, it } from 'vitest'
import { readAllPages } from '../../../src/core/paging.ts'
import type { Page } from '../../../src/shared/protocol/index.ts'

const friends = Array.from({ length: 400 }, (_, i) => 10_000 + i * 3)

/** A server that pages as D-14 says: up to `count` numbers after `after`, FN=1 at the end. */
async function pagingServer(count: number, after: number): Promise<Page<number>> {
  const rest = friends.filter((uin) => uin > after)
  return { kind: 'page', done: rest.length <= count, items: rest.slice(0, count) }
}

describe('reading a list to the end', () => {
  it('asks for 160 at a time, each page after the last number, until FN=1', async () => {
    const asked: [number, number][] = []
    const all = await readAllPages(
      async (count, after) => {
        asked.push([count, after])
        return pagingServer(count, after)
      },
      (uin) => uin
    )
    expect(all).toEqual(friends)
    expect(asked).toEqual([
      [160, 0],
      [160, friends[159]],
      [160, friends[319]]
    ])
  })

  it('stops when a server ignores UN and repeats its first page', async () => {
    let asked = 0
    const all = await readAllPages(
      async () => {
        asked++
        return { kind: 'page', done: false, items: friends.slice(0, 120) }
      },
      (uin) => uin
    )
    expect(all).toEqual(friends.slice(0, 120))
    expect(asked).toBe(2)
  })

  it('a reply with a count instead of a page is a BAD_REPLY', async () => {
    await expect(
      readAllPages(
        async () => ({ kind: 'count', count: 3 }),
        (uin: number) => uin
      )
    ).rejects.toMatchObject({
      code: 'BAD_REPLY'
    })
  })
})
