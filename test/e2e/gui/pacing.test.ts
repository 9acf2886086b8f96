import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGuiWorld, WINDOW_SIZES, type GuiWorld, type Person } from './gui-world.ts'
import { ownerOf, type PageGlobals } from '../shell/browser.ts'
import { saveScreenshot } from './screenshots.ts'

// The web shell's core keeps the real limits (5 messages per 5 s, 1 status change per 3 s);
// the server's are scaled down, so keeping the real ones never exceeds them.
const ALICE = { uin: 31001, password: 'alice-secret' }
const BOB = { uin: 31002, password: 'bob-secret' }

let world: GuiWorld
let alice: Person
let bob: Person
let aliceList: Page

beforeAll(async () => {
  world = await startGuiWorld({
    accounts: [
      { ...ALICE, nick: 'Alice', face: 3, friends: [BOB.uin] },
      { ...BOB, nick: 'Bob', face: 27, friends: [ALICE.uin] }
    ]
  })
  alice = await world.person(ALICE.uin)
  bob = await world.person(BOB.uin)
  aliceList = await alice.logIn(ALICE.password)
  await bob.logIn(BOB.password)
})
afterAll(() => world?.close())

const POLL = { timeout: 20_000 }
const WAITING = /waiting \d+ s|等待 \d+ 秒/

describe('the app keeps to the server’s limits and says when something waits', () => {
  it('ten quick messages: the ones past the limit show their wait, then all arrive in order', async () => {
    await aliceList.getByTestId(`buddy-${BOB.uin}`).dblclick()
    const chat = await alice.pageShowing(`chat-${BOB.uin}`)
    await chat.setViewportSize(WINDOW_SIZES.chat)
    const texts = Array.from({ length: 10 }, (_, i) => `快速消息 ${i + 1}`)
    for (const text of texts) {
      await chat.getByTestId('chat-input').fill(text)
      await chat.getByTestId('chat-send').click()
    }
    const waiting = chat.getByTestId('chat-message-pending').filter({ hasText: WAITING })
    await expect.poll(() => waiting.count(), POLL).toBeGreaterThan(0)
    await saveScreenshot(chat, 'chat-waiting-its-turn', false)
    const sent = chat.locator('[data-testid="chat-message"][data-state="sent"]')
    await expect.poll(() => sent.count(), POLL).toBe(texts.length)
    expect(await chat.getByTestId('chat-message-failed').count()).toBe(0)

    const bobList = await bob.pageShowing(`buddies-${BOB.uin}`)
    await bobList.getByTestId(`buddy-${ALICE.uin}`).dblclick()
    const bobChat = await bob.pageShowing(`chat-${ALICE.uin}`)
    const received = bobChat.locator(
      '[data-testid="chat-message"][data-direction="in"] .message-body'
    )
    await expect.poll(() => received.allTextContents(), POLL).toEqual(texts)
  })

  it('busy, then invisible at once: invisible shows its wait, and the status ends there', async () => {
    const menu = aliceList.getByTestId('status-menu')
    await menu.click()
    await aliceList.getByTestId('status-30').click()
    // The second choice through the bridge in the same breath: clicks on a busy machine can
    // take longer than the 3 s the rule asks between two changes, and then nothing would wait.
    await aliceList.evaluate((account) => {
      void (globalThis as unknown as PageGlobals).qq.setStatus(account, 40)
    }, ownerOf(aliceList))
    await expect.poll(() => menu.textContent(), POLL).toMatch(WAITING)
    await expect.poll(() => menu.textContent(), POLL).toMatch(/^\s*(Invisible|隐身) ▾\s*$/)
  })
})
