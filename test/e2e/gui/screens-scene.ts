/**
 * Alice's app with something in every window: friends (one online), messages from Bob with
 * a link and an emoticon, a friend request waiting in her system messages. Bob and the
 * stranger are client cores in this process; Alice is the web shell in Chromium.
 */
import type { Page } from 'playwright-core'
import type { SeedFile } from '../../../src/server/index.ts'
import { routeToHash, type WindowRoute } from '../../../src/shared/routes.ts'
import { setLook } from '../shell/look.ts'
import { logInCore, type CorePerson } from './core-person.ts'
import { startGuiWorld, type GuiWorld, type Person } from './gui-world.ts'
import { ALICE, BOB, FRIENDS_SEED } from './people.ts'

export const STRANGER = { uin: 30021, password: 'pw-30021', nick: '路人甲 Passer-by', face: 60 }

/** Bob is already Alice's friend; Alice asks to verify who adds her. */
const SEED: SeedFile = {
  accounts: [
    ...FRIENDS_SEED.accounts.map((account) => {
      if (account.uin === ALICE.uin)
        return { ...account, policy: 1 as const, friends: [...(account.friends ?? []), BOB.uin] }
      if (account.uin === BOB.uin) return { ...account, friends: [ALICE.uin] }
      return account
    }),
    STRANGER
  ]
}

export const BOB_SAYS = [
  '你好 Alice /wx',
  'Have a look at http://bob.example.com when you can',
  '明天见 /bye'
]

export type Look = { readonly theme: 'light' | 'dark'; readonly language: 'zh' | 'en' }

export interface Scene {
  readonly world: GuiWorld
  readonly alice: Person
  /** Alice's buddy list, logged in, with Bob's messages and the stranger's request in. */
  readonly list: Page
  /** Bob, logged in without a window, to send more. */
  readonly bob: CorePerson
  /** A tab showing the window of `route` (Alice's profile card of Bob), sized like the app's. */
  open(route: WindowRoute, size: { width: number; height: number }): Promise<Page>
  /** Sets theme and language the way the settings window does, and waits for every tab. */
  setLook(look: Look): Promise<void>
  close(): Promise<void>
}

export async function startScene(): Promise<Scene> {
  const world = await startGuiWorld(SEED)
  const others: CorePerson[] = []
  try {
    const alice = await world.person(ALICE.uin)
    const list = await alice.logIn(ALICE.password)
    const bob = await logInCore(world.server.address, BOB.uin, BOB.password)
    others.push(bob)
    for (const text of BOB_SAYS) {
      const sent = await bob.core.calls.sendMessage(bob.account, ALICE.uin, text)
      if (!sent.ok) throw new Error(`Bob's message: ${sent.error.code}`)
    }
    const stranger = await logInCore(world.server.address, STRANGER.uin, STRANGER.password)
    others.push(stranger)
    const asked = await stranger.core.calls.addFriend(
      stranger.account,
      ALICE.uin,
      '我们在展会上见过 / We met at the fair'
    )
    if (!asked.ok) throw new Error(`the stranger's request: ${asked.error.code}`)

    return {
      world,
      alice,
      list,
      bob,
      async open(route, size) {
        const page = await alice.context.newPage()
        await page.setViewportSize(size)
        await page.goto(`${alice.shell.url}${routeToHash(route)}`)
        return page
      },
      async setLook({ theme, language }) {
        const windows = alice.context
          .pages()
          .filter((page) => page.url().startsWith(alice.shell.origin))
        // The buddy list first: it makes the change, and every window of the shell shows it.
        await setLook([list, ...windows.filter((page) => page !== list)], theme, language)
      },
      async close() {
        for (const other of others) await other.stop()
        await world.close()
      }
    }
  } catch (error) {
    for (const other of others) await other.stop()
    await world.close()
    throw error
  }
}
