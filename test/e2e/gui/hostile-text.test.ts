import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountId } from '../../../src/shared/account-id.ts'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type ClientCore
} from '../../../src/core/index.ts'
import { startGuiWorld, WINDOW_SIZES, type GuiWorld, type Person } from './gui-world.ts'
import { saveScreenshot } from './screenshots.ts'

const ALICE = { uin: 31001, password: 'alice-secret' }
const MALLORY = 31002
const LONG = 'W'.repeat(10_000)
/** Everything at once, as a nickname and a profile field would carry it. */
const MIXED =
  '<img src=x onerror=alert(1)><script>alert(2)</script>javascript:alert(3)\u202Eexe.txt'
const MESSAGES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  'javascript:alert(3)',
  '<a href="javascript:alert(4)">click me</a>',
  '\u202Eexe.txt',
  LONG
]

let world: GuiWorld
let alice: Person
let list: Page
let mallory: ClientCore
let malloryData: string
let malloryAccount: AccountId

beforeAll(async () => {
  world = await startGuiWorld({
    accounts: [
      { ...ALICE, nick: 'Alice', friends: [MALLORY] },
      {
        uin: MALLORY,
        password: 'mallory-secret',
        nick: MIXED + LONG,
        friends: [ALICE.uin],
        profile: {
          PR: MIXED + LONG,
          HP: 'javascript:alert(5)',
          EM: '<script>alert(6)</script>',
          AD: '\u202Eexe.txt'
        }
      }
    ]
  })
  // Mallory is a client core of ours, as any other program speaking the protocol could be.
  malloryData = mkdtempSync(join(tmpdir(), 'qq-mallory-'))
  mallory = createClientCore({
    dataDir: malloryData,
    settings: createFileSettingsStore(join(malloryData, 'settings.json')),
    secrets: NO_SECRETS,
    // The server's 20 s penalty, scaled as the world scales it: the long message goes out
    // in several parts, more than the rate limit lets through at once.
    timing: { penaltyMs: 1_000 }
  })
  const login = await mallory.calls.login({
    uin: MALLORY,
    password: 'mallory-secret',
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server: world.server.address
  })
  if (!login.ok) throw new Error(login.error.code)
  malloryAccount = login.value.account
  alice = await world.person(ALICE.uin)
  list = await alice.logIn(ALICE.password)
})
afterAll(async () => {
  await mallory?.stop()
  await world?.close()
  if (malloryData) rmSync(malloryData, { recursive: true, force: true })
})

const POLL = { timeout: 20_000 }

/** Nothing of the text became markup, and nothing sticks out of the window sideways. */
async function expectInert(page: Page): Promise<void> {
  const found = {
    images: await page.locator('img[src="x"], img[onerror]').count(),
    inlineScripts: await page.locator('script:not([src])').count(),
    javascriptLinks: await page.locator('a[href^="javascript" i]').count(),
    overflow: await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth),
    rawOverride: (await page.locator('body').innerText()).includes('\u202E')
  }
  expect(found).toEqual({
    images: 0,
    inlineScripts: 0,
    javascriptLinks: 0,
    overflow: 0,
    rawOverride: false
  })
}

describe('hostile text from another person', () => {
  it('as a nickname: shown as text in the list, the row keeps its shape', async () => {
    const row = list.getByTestId(`buddy-${MALLORY}`)
    await expect.poll(() => row.textContent(), POLL).toContain('<img src=x onerror=alert(1)>')
    expect(await row.textContent()).toContain('RLOexe.txt')
    const box = await row.boundingBox()
    expect(box?.height).toBe(48)
    expect(box?.width).toBeLessThanOrEqual(WINDOW_SIZES.buddies.width)
    await expectInert(list)
    await saveScreenshot(list, 'hostile-buddy-list', false)
  })

  it('as messages: shown as text, links only for http(s), long text wrapped', async () => {
    for (const text of MESSAGES)
      expect((await mallory.calls.sendMessage(malloryAccount, ALICE.uin, text)).ok).toBe(true)
    await list.getByTestId(`buddy-${MALLORY}`).dblclick()
    const chat = await alice.pageShowing(`chat-${MALLORY}`)
    await chat.setViewportSize(WINDOW_SIZES.chat)
    const received = chat.locator('[data-testid="chat-message"][data-direction="in"] .message-body')
    // The long one arrives in several parts (1,500 bytes a message on the wire).
    await expect.poll(async () => (await received.allTextContents()).join(''), POLL).toContain(LONG)
    const texts = await received.allTextContents()
    expect(texts.slice(0, 5)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert(2)</script>',
      'javascript:alert(3)',
      '<a href="javascript:alert(4)">click me</a>',
      'RLOexe.txt'
    ])
    expect(await received.nth(4).locator('.control-char').getAttribute('title')).toBe('U+202E')
    for (const box of await received.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().right)
    ))
      expect(box).toBeLessThanOrEqual(WINDOW_SIZES.chat.width)
    await expectInert(chat)
  })

  it('typed by me: my own messages are text too', async () => {
    const chat = await alice.pageShowing(`chat-${MALLORY}`)
    for (const text of MESSAGES.slice(0, 5)) {
      await chat.getByTestId('chat-input').fill(text)
      await chat.getByTestId('chat-send').click()
    }
    const mine = chat.locator('[data-testid="chat-message"][data-direction="out"] .message-body')
    await expect.poll(() => mine.count(), POLL).toBe(5)
    expect((await mine.allTextContents()).at(-1)).toBe('RLOexe.txt')
    await expectInert(chat)
    await saveScreenshot(chat, 'hostile-chat', false)
  })

  it('as profile fields: shown as text, no javascript: link, the card keeps its width', async () => {
    await list.getByTestId(`buddy-${MALLORY}`).click({ button: 'right' })
    await list.getByTestId('menu-profile').click()
    const card = await alice.pageShowing(`profile-${MALLORY}`)
    await card.setViewportSize(WINDOW_SIZES.profile)
    await expect
      .poll(() => card.getByTestId('profile-field-PR').textContent(), POLL)
      .toContain(LONG)
    expect(await card.getByTestId('profile-field-NK').textContent()).toContain(
      '<script>alert(2)</script>'
    )
    expect(await card.getByTestId('profile-field-HP').textContent()).toBe('javascript:alert(5)')
    expect(await card.getByTestId('profile-field-HP').locator('a').count()).toBe(0)
    expect(await card.getByTestId('profile-field-EM').textContent()).toBe(
      '<script>alert(6)</script>'
    )
    expect(await card.getByTestId('profile-field-AD').textContent()).toBe('RLOexe.txt')
    await expectInert(card)
    await saveScreenshot(card, 'hostile-profile', false)
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
