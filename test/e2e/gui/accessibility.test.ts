/**
 * Every window and every popup of the app, in both themes and both languages, scanned by
 * axe-core's WCAG 2 A and AA rules (contrast, names, labels, ARIA) in Chromium. A picture
 * of each state goes to test-results/screenshots/a11y-*.png for a person to look at.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axe-scan.ts'
import { WINDOW_SIZES } from './gui-world.ts'
import { BOB } from './people.ts'
import { startScene, STRANGER, type Look, type Scene } from './screens-scene.ts'
import { saveScreenshot } from './screenshots.ts'

let scene: Scene
let list: Page
let login: Page
let chat: Page
let profile: Page
let system: Page
let history: Page
let settings: Page

beforeAll(async () => {
  scene = await startScene()
  list = scene.list
  // Each window once; the looks below change them in place, as the settings window does.
  const account = scene.alice.account
  login = await scene.open({ kind: 'login' }, WINDOW_SIZES.login)
  chat = await scene.open({ kind: 'chat', account, uin: BOB.uin }, WINDOW_SIZES.chat)
  profile = await scene.open({ kind: 'profile', account, uin: BOB.uin }, WINDOW_SIZES.profile)
  system = await scene.open({ kind: 'system', account }, WINDOW_SIZES.system)
  history = await scene.open(
    { kind: 'history', account, uin: BOB.uin },
    { width: 560, height: 480 }
  )
  settings = await scene.open({ kind: 'settings', account }, { width: 420, height: 520 })
  await chat.getByTestId('chat-message').nth(2).waitFor()
  await profile.getByTestId('profile-field-NK').waitFor()
  await system.getByTestId('system-message').first().waitFor()
  await history.getByTestId('history-message').first().waitFor()
})
afterAll(() => scene?.close())

/** A state of a window worth scanning: how to get there, and how to leave it as it was. */
interface Screen {
  readonly name: string
  readonly page: () => Page
  readonly show?: (page: Page) => Promise<unknown>
  readonly hide?: (page: Page) => Promise<unknown>
}

const escape = (page: Page): Promise<void> => page.keyboard.press('Escape')
const friendRow = (page: Page) => page.getByTestId(`buddy-${BOB.uin}`)
async function friendMenu(page: Page, item: string): Promise<void> {
  await friendRow(page).click({ button: 'right' })
  await page.getByTestId(item).click()
}

const SCREENS: readonly Screen[] = [
  {
    name: 'login',
    page: () => login,
    // With its error line showing: red text on the window's panel.
    show: async (page) => {
      await page.getByTestId('login-uin').fill('12')
      await page.getByTestId('login-submit').click()
      await page.getByTestId('login-error').filter({ hasText: /\S/ }).waitFor()
    }
  },
  {
    name: 'buddy-list',
    page: () => list,
    // Hovered: the row's pale highlight and the friend's card.
    show: (page) => friendRow(page).hover(),
    hide: (page) => page.mouse.move(0, 0)
  },
  {
    name: 'buddy-menu',
    page: () => list,
    show: (page) => page.getByTestId('menu-main').click(),
    hide: escape
  },
  {
    name: 'status-menu',
    page: () => list,
    show: (page) => page.getByTestId('status-menu').click(),
    hide: escape
  },
  {
    name: 'context-menu',
    page: () => list,
    // Its red "delete" item focused, drawn as under the mouse.
    show: async (page) => {
      await friendRow(page).click({ button: 'right' })
      await page.keyboard.press('End')
    },
    hide: escape
  },
  {
    name: 'add-friend',
    page: () => list,
    // With a problem said in red inside the dialog.
    show: async (page) => {
      await page.getByTestId('add-friend').click()
      await page.getByTestId('add-friend-uin').fill(String(BOB.uin))
      await page.getByTestId('add-friend-submit').click()
      await page.getByTestId('add-friend-outcome').waitFor()
    },
    hide: escape
  },
  {
    name: 'new-group',
    page: () => list,
    show: async (page) => {
      await page.getByTestId('menu-main').click()
      await page.getByRole('menuitem').first().click()
    },
    hide: escape
  },
  {
    name: 'remark',
    page: () => list,
    show: (page) => friendMenu(page, 'menu-remark'),
    hide: escape
  },
  { name: 'move', page: () => list, show: (page) => friendMenu(page, 'menu-move'), hide: escape },
  {
    name: 'remove',
    page: () => list,
    show: (page) => friendMenu(page, 'menu-remove'),
    hide: escape
  },
  { name: 'chat', page: () => chat },
  {
    name: 'emoticons',
    page: () => chat,
    show: (page) => page.getByTestId('chat-emoticons').click(),
    hide: escape
  },
  {
    name: 'send-key-menu',
    page: () => chat,
    show: (page) => page.locator('.send-key').click(),
    hide: escape
  },
  {
    name: 'open-link',
    page: () => chat,
    show: (page) => page.locator('.message-link').first().click(),
    hide: escape
  },
  { name: 'profile', page: () => profile },
  {
    name: 'profile-other-fields',
    page: () => profile,
    show: async (page) => {
      await page.getByTestId('profile-raw').locator('summary').click()
      await page.getByTestId('profile-field-CV').scrollIntoViewIfNeeded()
    },
    hide: async (page) => {
      await page.getByTestId('profile-raw').locator('summary').click()
      await page.locator('.profile-body').evaluate((body) => body.scrollTo(0, 0))
    }
  },
  { name: 'system', page: () => system },
  {
    name: 'reject-reason',
    page: () => system,
    show: (page) => page.getByTestId('request-reject').first().click(),
    hide: escape
  },
  {
    name: 'history',
    page: () => history,
    // The friend picker focused (its list is drawn by the browser, outside the page).
    show: (page) => page.locator('.history-peer').focus()
  },
  { name: 'settings', page: () => settings }
]

const LOOKS: readonly Look[] = [
  { theme: 'light', language: 'zh' },
  { theme: 'dark', language: 'zh' },
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' }
]

describe('every window passes axe’s WCAG 2 A and AA rules', () => {
  it('sees the stranger’s request and Bob’s messages it needs', async () => {
    // Bob's coming online is a system message too, and may come before or after the request.
    const request = system.locator(`[data-testid="system-message"][data-from="${STRANGER.uin}"]`)
    await request.waitFor()
    expect(await request.getByTestId('request-accept').count()).toBe(1)
    expect(await chat.getByTestId('chat-message').count()).toBe(3)
  })

  for (const look of LOOKS)
    it(`in the ${look.theme} theme, in ${look.language}`, async () => {
      await scene.setLook(look)
      const found: string[] = []
      for (const screen of SCREENS) {
        const page = screen.page()
        await page.bringToFront()
        await screen.show?.(page)
        for (const violation of await axeViolations(page))
          found.push(`${screen.name}: ${violation}`)
        await saveScreenshot(page, `a11y-${screen.name}-${look.theme}-${look.language}`, false)
        await screen.hide?.(page)
      }
      expect(found).toEqual([])
    })
})
