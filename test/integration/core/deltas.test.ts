import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../src/server/index.ts'
import type { CoreEvent } from '../../../src/shared/model.ts'
import { ALICE, BOB, TestClient, testServer, valueOf } from './harness.ts'

/** Events of a kind that `client` had after event number `from`. */
const since = <T extends CoreEvent['type']>(client: TestClient, from: number, type: T) =>
  client.events.slice(from).filter((e): e is Extract<CoreEvent, { type: T }> => e.type === type)

describe('events the size of what changed (issue 12)', () => {
  let server: RunningServer
  const clients: TestClient[] = []

  const client = async (uin: number) => {
    const created = new TestClient()
    clients.push(created)
    return created.login(server, uin)
  }

  beforeEach(async () => {
    server = await testServer()
  })

  afterEach(async () => {
    for (const created of clients.splice(0)) await created.stop()
    await server.close()
  })

  it('an incoming message brings its unread count alone, and so does marking it read', async () => {
    const alice = await client(ALICE)
    const bob = await client(BOB)
    const from = bob.events.length
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'one'))
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'two'))
    await bob.waitForTexts(ALICE, 2)
    await bob.waitFor((e) =>
      e.type === 'friend-updated' && e.uin === ALICE && e.changes.unread === 2 ? e : undefined
    )
    valueOf(await bob.calls.markRead(bob.account, ALICE))

    expect(since(bob, from, 'friends')).toEqual([])
    expect(since(bob, from, 'friend-updated').at(-1)).toEqual({
      type: 'friend-updated',
      uin: ALICE,
      changes: { unread: 0 }
    })
    // What a window following the events shows is what a fresh snapshot says.
    const snapshot = valueOf(await bob.calls.getSnapshot(bob.account))
    expect(bob.shownFriends()).toEqual(snapshot.friends)
  })

  it('a remark goes out as that friend’s change; a move is still a new list', async () => {
    const alice = await client(ALICE)
    const from = alice.events.length
    valueOf(await alice.calls.setRemark(alice.account, BOB, '  Bobby  '))
    expect(since(alice, from, 'friends')).toEqual([])
    expect(since(alice, from, 'friend-updated')).toEqual([
      { type: 'friend-updated', uin: BOB, changes: { remark: 'Bobby' } }
    ])

    const group = valueOf(await alice.calls.createGroup(alice.account, 'Work'))
    valueOf(await alice.calls.moveFriend(alice.account, BOB, group.id))
    expect(
      since(alice, from, 'friends')
        .at(-1)
        ?.friends.find((f) => f.uin === BOB)
    ).toMatchObject({ remark: 'Bobby', groupId: group.id })
  })
})
