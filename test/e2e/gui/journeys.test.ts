/**
 * What two people do on a first evening, each in their own browser, against a server with
 * its real penalties and rate limits (5 messages per 5 s, a status change per 3 s): log in,
 * become friends, chat, send in a burst, change status quickly, read the history, log out
 * and in again. The client must keep within the limits by itself: the server's log shows
 * whether it earned a penalty (`RES=3`).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Theme } from '../../../src/shared/model.ts'
import { hashToRoute } from '../../../src/shared/routes.ts'
import type { PageGlobals } from '../shell/browser.ts'
import { startGuiWorld, WINDOW_SIZES, type GuiWorld, type Person } from './gui-world.ts'
import { ALICE, BOB, FRIENDS_SEED } from './people.ts'
import { saveScreenshot } from './screenshots.ts'
import { addFriend } from './add-friend.ts'

let world: GuiWorld
let alice: Person
let bob: Person
let aliceList: Page
let bobList: Page
let aliceChat: Page
let bobChat: Page

beforeAll(async () => {
  world = await startGuiWorld(FRIENDS_SEED, { penaltyScale: 1 })
  alice = await world.person(ALICE.uin)
  bob = await world.person(BOB.uin)
})
afterAll(() => world?.close())

/** Long enough for a paced burst (5 per 5 s), short of a penalty's 20 s added to it. */
const POLL = { timeout: 20_000 }
const BURST = Array.from({ length: 10 }, (_, index) => `快速消息 ${index + 1}`)

interface ThemedPage {
  document: { documentElement: { dataset: Record<string, string | undefined> } }
}

/** The first tab showing `testId`, sized as the app's window of that kind. */
async function windowOf(
  person: Person,
  testId: string,
  kind: keyof typeof WINDOW_SIZES
): Promise<Page> {
  const page = await person.pageShowing(testId)
  await page.setViewportSize(WINDOW_SIZES[kind])
  return page
}

/** Requests of `uin` the server answered with a penalty. */
const penalties = (uin: number, cmd: string): string[] =>
  world.serverLog.filter((line) => line.includes(` ${uin} ${cmd} RES=3 `))

/** The texts of a chat's messages in one direction, in the order shown. */
const texts = (chat: Page, direction: 'in' | 'out'): Promise<string[]> =>
  chat
    .locator(`[data-testid="chat-message"][data-direction="${direction}"] .message-body`)
    .allTextContents()

/** Sets a person's theme (every window of theirs follows) and waits until each shows it. */
async function useTheme(pages: readonly Page[], theme: Theme): Promise<void> {
  const [first] = pages
  if (first === undefined) return
  const set = await first.evaluate(
    (chosen) => (globalThis as unknown as PageGlobals).qq.updateSettings(null, { theme: chosen }),
    theme
  )
  if (!set.ok) throw new Error(set.error.message)
  for (const page of pages) {
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as ThemedPage).document.documentElement.dataset.theme
        )
      )
      .toBe(theme)
  }
}

/** A picture of each window in the light theme and in the dark one, back to light after. */
async function picturesInBothThemes(windows: Readonly<Record<string, Page>>): Promise<void> {
  const pages = Object.values(windows)
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(pages, theme)
    for (const [name, page] of Object.entries(windows)) {
      await page.mouse.move(0, 0)
      await saveScreenshot(page, `${name}-${theme}`, false)
    }
  }
  await useTheme(pages, 'light')
}

describe('two people, an evening of chat', () => {
  it('log in, the login tab becoming the buddy list', async () => {
    const login = await alice.context.newPage()
    await login.setViewportSize(WINDOW_SIZES.login)
    await login.goto(`${alice.shell.url}#/login`)
    await expect
      .poll(() => login.getByTestId('login-server').inputValue())
      .toBe(world.server.address)
    await picturesInBothThemes({ login })
    await login.getByTestId('login-uin').fill(String(ALICE.uin))
    await login.getByTestId('login-password').fill(ALICE.password)
    await login.getByTestId('login-submit').click()
    aliceList = await windowOf(alice, `buddies-${ALICE.uin}`, 'buddies')
    expect(aliceList).toBe(login)
    expect(await aliceList.getByTestId('login-password').count()).toBe(0)
    await expect.poll(() => aliceList.getByTestId(/^buddy-\d+$/).count(), POLL).toBe(4)

    bobList = await bob.logIn(BOB.password)
    expect(bob.context.pages().filter((page) => page.url().includes('#/login'))).toEqual([])
  })

  it('add a friend who asks first; the other accepts; added back at once', async () => {
    await addFriend(aliceList, BOB.uin, 'verification-sent', '我是 Alice')
    await aliceList.keyboard.press('Escape')

    await bobList.getByTestId('system-messages').click()
    const system = await windowOf(bob, 'system-message', 'system')
    const request = system.getByTestId('system-message').filter({ hasText: '我是 Alice' })
    await request.getByTestId('request-accept').click()
    await expect.poll(() => aliceList.getByTestId(`buddy-${BOB.uin}`).count(), POLL).toBe(1)

    await addFriend(bobList, ALICE.uin, 'added')
    await bobList.keyboard.press('Escape')
    await expect.poll(() => bobList.getByTestId(`buddy-${ALICE.uin}`).count(), POLL).toBe(1)
  })

  it('chat both ways with an emoticon and a link', async () => {
    await aliceList.getByTestId(`buddy-${BOB.uin}`).dblclick()
    aliceChat = await windowOf(alice, `chat-${BOB.uin}`, 'chat')
    await aliceChat.getByTestId('chat-input').fill('你好 Bob /wx 看看 https://example.com/qq')
    await aliceChat.getByTestId('chat-input').press('Enter')

    await bobList.getByTestId(`buddy-${ALICE.uin}`).dblclick()
    bobChat = await windowOf(bob, `chat-${ALICE.uin}`, 'chat')
    const received = bobChat.getByTestId('chat-message').filter({ hasText: '你好 Bob' })
    await expect.poll(() => received.getAttribute('data-direction'), POLL).toBe('in')
    expect(await received.locator('img.emoticon').getAttribute('alt')).toBe('/wx')
    expect(await received.locator('a.message-link').getAttribute('href')).toBe(
      'https://example.com/qq'
    )

    await bobChat.getByTestId('chat-input').fill('Hi Alice /:) see http://bob.example.com/page')
    await bobChat.getByTestId('chat-send').click()
    const reply = aliceChat.getByTestId('chat-message').filter({ hasText: 'Hi Alice' })
    await expect.poll(() => reply.getAttribute('data-direction'), POLL).toBe('in')
    expect(await reply.locator('img.emoticon').getAttribute('alt')).toBe('/:)')
    expect(await reply.locator('a.message-link').getAttribute('href')).toBe(
      'http://bob.example.com/page'
    )
    const mine = aliceChat.getByTestId('chat-message').filter({ hasText: '你好 Bob' })
    expect(await mine.getAttribute('data-state')).toBe('sent')
  })

  it('ten messages sent in a burst all arrive, in order, none failed or penalised', async () => {
    const input = aliceChat.getByTestId('chat-input')
    // As fast as a person can type and press Enter: well within two seconds for all ten.
    for (const text of BURST) {
      await input.fill(text)
      await input.press('Enter')
    }
    const burstIn = async (): Promise<string[]> =>
      (await texts(bobChat, 'in')).filter((text) => text.startsWith('快速消息'))
    await expect.poll(burstIn, { timeout: 30_000 }).toEqual(BURST)
    const sent = aliceChat.locator(
      '[data-testid="chat-message"][data-direction="out"][data-state="sent"]'
    )
    await expect.poll(() => sent.count(), POLL).toBe(1 + BURST.length)
    expect(await aliceChat.getByTestId('chat-message-failed').count()).toBe(0)
    expect((await texts(aliceChat, 'out')).slice(1)).toEqual(BURST)
    expect(penalties(ALICE.uin, 'CLTMSG')).toEqual([])
  })

  it('busy, invisible, online in quick turns: the other side sees online, no penalty', async () => {
    for (const status of [30, 40, 10]) {
      await bobList.getByTestId('status-menu').click()
      await bobList.getByTestId(`status-${status}`).click()
    }
    const seen = aliceList.getByTestId(`buddy-status-${BOB.uin}`)
    await expect.poll(() => seen.getAttribute('data-status'), POLL).toBe('10')
    await expect
      .poll(() => aliceChat.getByTestId('chat-peer-status').getAttribute('data-status'), POLL)
      .toBe('10')
    expect(await bobList.locator('.my-header .status-dot').getAttribute('class')).toContain(
      'status-10'
    )
    expect(penalties(BOB.uin, 'Change_Stat')).toEqual([])
  })

  it('read the history of everyone', async () => {
    await aliceList.getByRole('button', { name: /history|消息记录/i }).click()
    const history = await windowOf(alice, 'history-window', 'history')
    expect(hashToRoute(new URL(history.url()).hash)).toEqual({
      kind: 'history',
      account: alice.account,
      uin: null
    })
    const shown = history.getByTestId('history-message')
    await expect.poll(() => shown.count(), POLL).toBeGreaterThanOrEqual(2)
    expect(await shown.filter({ hasText: '你好 Bob' }).count()).toBe(1)
    expect(await shown.filter({ hasText: 'Hi Alice' }).count()).toBe(1)
  })

  it('read the history of one friend', async () => {
    const history = await alice.pageShowing('history-window')
    await history.getByRole('combobox').selectOption(String(BOB.uin))
    const shown = history.getByTestId('history-message')
    await expect.poll(() => shown.filter({ hasText: 'Hi Alice' }).count(), POLL).toBe(1)
    expect(await shown.filter({ hasText: '你好 Bob' }).count()).toBe(1)
  })

  it('pictures of every window, light and dark', async () => {
    const history = await alice.pageShowing('history-window')
    await aliceList.getByTestId(`buddy-${BOB.uin}`).click({ button: 'right' })
    await aliceList.getByTestId('menu-profile').click()
    const profile = await windowOf(alice, `profile-${BOB.uin}`, 'profile')
    await expect
      .poll(() => profile.getByTestId('profile-field-NK').textContent(), POLL)
      .toBe(BOB.nick)
    await aliceList.getByRole('button', { name: /settings|设置/i }).click()
    const settings = await windowOf(alice, 'settings-language', 'settings')
    await picturesInBothThemes({
      'buddy-list': aliceList,
      chat: aliceChat,
      history,
      profile,
      settings
    })
    await picturesInBothThemes({ system: await bob.pageShowing('system-message') })
    for (const page of [history, profile, settings]) await page.close()
  })

  it('log out and log in again, in the same tab', async () => {
    const seen = bobList.getByTestId(`buddy-status-${ALICE.uin}`)
    await expect.poll(() => seen.getAttribute('data-status'), POLL).toBe('10')
    const menu = aliceList
      .getByTestId('menu-main')
      .or(aliceList.locator('.bottom-bar button[aria-haspopup="menu"]'))
    await menu.first().click()
    await aliceList.getByTestId('menu-logout').click()
    await aliceList.getByTestId('login-uin').waitFor({ timeout: POLL.timeout })
    expect(new URL(aliceList.url()).hash).toBe('#/login')
    expect(await aliceList.getByTestId('login-password').inputValue()).toBe('')
    await expect.poll(() => seen.getAttribute('data-status'), POLL).toBe('20')

    await aliceList.getByTestId('login-uin').fill(String(ALICE.uin))
    await aliceList.getByTestId('login-password').fill(ALICE.password)
    await aliceList.getByTestId('login-submit').click()
    await aliceList.getByTestId(`buddies-${ALICE.uin}`).waitFor({ timeout: POLL.timeout })
    await expect.poll(() => aliceList.getByTestId(`buddy-${BOB.uin}`).count(), POLL).toBe(1)
    await expect.poll(() => seen.getAttribute('data-status'), POLL).toBe('10')
  })

  it('never raised a dialog, left the app, threw, or broke the CSP', () => {
    expect(world.incidents).toEqual({
      dialogs: [],
      navigations: [],
      pageErrors: [],
      cspViolations: []
    })
  })
})
