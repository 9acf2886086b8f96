import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isMessageKey } from '../../../src/shared/i18n/catalogues.ts'
import { describeProfileField, type Lookup } from '../../../src/shared/i18n/profile-words.ts'
import { zh } from '../../../src/shared/i18n/zh.ts'
import { routeToHash } from '../../../src/shared/routes.ts'
import { startGuiWorld, WINDOW_SIZES, type GuiWorld, type Person } from './gui-world.ts'
import { ALICE, BOB, BOB_PROFILE, FRIENDS_SEED } from './people.ts'
import { saveScreenshot } from './screenshots.ts'
import { addFriend } from './add-friend.ts'

const chinese: Lookup = (key) => (isMessageKey(key) ? zh[key] : undefined)

let world: GuiWorld
let alice: Person
let bob: Person
let aliceList: Page
let bobList: Page

beforeAll(async () => {
  world = await startGuiWorld(FRIENDS_SEED)
  alice = await world.person(ALICE.uin)
  bob = await world.person(BOB.uin)
})
afterAll(() => world?.close())

const POLL = { timeout: 20_000 }

/** Opens a window from `page` by a click and returns its tab, sized like the app's window. */
async function windowFrom(
  person: Person,
  testId: string,
  size: { width: number; height: number }
): Promise<Page> {
  const page = await person.pageShowing(testId)
  await page.setViewportSize(size)
  return page
}

describe('two people in two browsers, one server', () => {
  it('log in through the login window', async () => {
    const login = await alice.context.newPage()
    await login.setViewportSize(WINDOW_SIZES.login)
    await login.goto(`${alice.shell.url}#/login`)
    await expect
      .poll(() => login.getByTestId('login-server').inputValue())
      .toBe(world.server.address)
    await login.getByTestId('login-uin').fill(String(ALICE.uin))
    await login.getByTestId('login-password').fill('wrong password')
    await login.getByTestId('login-submit').click()
    await expect
      .poll(() => login.getByTestId('login-error').textContent(), POLL)
      .toMatch(/wrong password|密码错误/i)
    await login.getByTestId('login-password').fill(ALICE.password)
    await login.getByTestId('login-submit').click()
    aliceList = await windowFrom(alice, `buddies-${ALICE.uin}`, WINDOW_SIZES.buddies)
    await expect.poll(() => aliceList.getByTestId(/^buddy-\d+$/).count(), POLL).toBe(4)

    bobList = await bob.logIn(BOB.password)
    expect(await bobList.getByTestId(/^buddy-\d+$/).count()).toBe(0)
  })

  it('switch a window to Chinese in the settings', async () => {
    await aliceList.getByRole('button', { name: /settings/i }).click()
    const settings = await alice.pageShowing('settings-language')
    await settings.getByTestId('settings-language').selectOption('zh')
    // Every window follows the setting: the buddy list speaks Chinese now.
    await expect
      .poll(() => aliceList.getByTestId('add-friend').textContent(), POLL)
      .toContain('加好友')
    await settings.close()
  })

  it('add a friend who asks to verify: the dialog says so', async () => {
    const outcome = await addFriend(
      aliceList,
      BOB.uin,
      'verification-sent',
      '我是 Alice，加个好友吧'
    )
    expect(await outcome.textContent()).toContain('需要身份验证')
    await aliceList.keyboard.press('Escape')
  })

  it('the other side sees the request in the system messages and accepts it', async () => {
    const button = bobList.getByTestId('system-messages')
    await expect
      .poll(() => button.getAttribute('aria-label'), POLL)
      .toBe('System messages (1 request waiting)')
    await button.click()
    const system = await windowFrom(bob, 'system-message', WINDOW_SIZES.system)
    const request = system.getByTestId('system-message').filter({ hasText: '我是 Alice' })
    expect(await request.getAttribute('data-kind')).toBe('request')
    expect(await request.getAttribute('data-from')).toBe(String(ALICE.uin))
    await request.getByTestId('request-accept').click()
    await expect
      .poll(() => request.getByTestId('request-answer').textContent(), POLL)
      .toContain('Accepted')

    // Accepted: Bob is on Alice's list now.
    await expect.poll(() => aliceList.getByTestId(`buddy-${BOB.uin}`).count(), POLL).toBe(1)
    // Alice lets anyone add her: Bob adds her back at once.
    await addFriend(bobList, ALICE.uin, 'added')
    await bobList.keyboard.press('Escape')
    await expect.poll(() => bobList.getByTestId(`buddy-${ALICE.uin}`).count(), POLL).toBe(1)
  })

  it('chat both ways', async () => {
    await aliceList.getByTestId(`buddy-${BOB.uin}`).dblclick()
    const aliceChat = await windowFrom(alice, `chat-${BOB.uin}`, WINDOW_SIZES.chat)
    const input = aliceChat.getByTestId('chat-input')
    // A picked emoticon shows as its picture in the box, and goes out as its shortcut.
    await input.fill('你好 Bob ')
    await aliceChat.getByTestId('chat-emoticons').click()
    await aliceChat.getByTestId('emoticon-wx').click()
    await aliceChat.keyboard.type(' 这是我的主页 http://alice.example.com')
    expect(await input.locator('img.emoticon').getAttribute('alt')).toBe('/wx')
    expect(await input.textContent()).toBe('你好 Bob  这是我的主页 http://alice.example.com')
    await saveScreenshot(aliceChat, 'composer-emoticon', false)
    await input.press('Enter')
    await expect.poll(() => input.textContent()).toBe('')
    const mine = aliceChat.getByTestId('chat-message').last()
    await expect.poll(() => mine.getAttribute('data-state'), POLL).toBe('sent')
    expect(await mine.locator('img.emoticon').getAttribute('alt')).toBe('/wx')

    // Bob's row counts the unread message; opening the chat shows it.
    const row = bobList.getByTestId(`buddy-${ALICE.uin}`)
    await expect.poll(() => row.locator('.unread-badge').textContent(), POLL).toContain('1')
    expect(await row.locator('.unread-badge').getAttribute('aria-label')).toBe('1 unread message')
    // The default group the core names 我的好友 reads in each window's language.
    expect(await bobList.locator('.group-name').first().textContent()).toBe('My friends')
    expect(await aliceList.locator('.group-name').first().textContent()).toBe('我的好友')
    await row.dblclick()
    const bobChat = await windowFrom(bob, `chat-${ALICE.uin}`, WINDOW_SIZES.chat)
    const received = bobChat.getByTestId('chat-message').filter({ hasText: '你好 Bob' })
    await expect.poll(() => received.getAttribute('data-direction'), POLL).toBe('in')
    // A link asks first, naming the site it goes to on its own line.
    await received.locator('a.message-link').click()
    expect(await bobChat.locator('[data-testid="link-host"] strong').textContent()).toBe(
      'alice.example.com'
    )
    await saveScreenshot(bobChat, 'open-link', false)
    await bobChat.keyboard.press('Escape')
    await expect.poll(() => bobChat.getByTestId('link-host').count(), POLL).toBe(0)
    await expect.poll(() => row.locator('.unread-badge').count(), POLL).toBe(0)

    await bobChat.getByTestId('chat-input').fill('Hi Alice! Nice to meet you /cy')
    await bobChat.getByTestId('chat-send').click()
    const reply = aliceChat.getByTestId('chat-message').filter({ hasText: 'Nice to meet you' })
    await expect.poll(() => reply.getAttribute('data-direction'), POLL).toBe('in')
    await aliceChat.getByTestId('chat-input').fill('很高兴认识你！')
    await aliceChat.getByTestId('chat-input').press('Enter')
    await expect.poll(() => aliceChat.getByTestId('chat-message').count(), POLL).toBe(3)
  })

  it('search the history and export it as a text file', async () => {
    const aliceChat = await alice.pageShowing(`chat-${BOB.uin}`)
    await aliceChat.getByTestId('chat-history').click()
    const history = await windowFrom(alice, 'history-window', { width: 560, height: 480 })
    await expect.poll(() => history.getByTestId('history-message').count(), POLL).toBe(3)
    await history.getByTestId('history-search').fill('Nice to meet')
    await history.getByTestId('history-search').press('Enter')
    await expect.poll(() => history.getByTestId('history-message').count(), POLL).toBe(1)
    const [download] = await Promise.all([
      history.waitForEvent('download'),
      history.getByTestId('history-export').click()
    ])
    expect(download.suggestedFilename()).toMatch(/^qq-history-30002-\d{4}-\d{2}-\d{2}\.txt$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).toContain('你好 Bob /wx')
    expect(text).toContain('Hi Alice! Nice to meet you /cy')

    // Everyone's conversations, with no search: the newest lines, each saying who to whom.
    await history.getByTestId('history-search').fill('')
    await history.getByTestId('history-peer').selectOption('')
    await expect.poll(() => history.getByTestId('history-message').count(), POLL).toBe(3)
    const lines = await history.getByTestId('history-message').allTextContents()
    expect(lines[0]).toContain('很高兴认识你')
    expect(lines.every((line) => line.includes('→'))).toBe(true)
    // The picker says whose history it is, in the list's colours, not the header's white.
    const picker = history.getByTestId('history-peer')
    expect(await picker.locator('option:checked').textContent()).toBe('全部好友')
    const colours = await picker.evaluate((select) => {
      const style = select.ownerDocument.defaultView?.getComputedStyle(select)
      return [style?.color, style?.backgroundColor]
    })
    expect(colours[0]).not.toBe(colours[1])
    await saveScreenshot(history, 'history-everyone', false)
    await history.close()
  })

  it('see presence change as the other side changes status', async () => {
    const status = aliceList.getByTestId(`buddy-status-${BOB.uin}`)
    await bobList.getByTestId('status-menu').click()
    await bobList.getByTestId('status-30').click()
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('30')
    const aliceChat = await alice.pageShowing(`chat-${BOB.uin}`)
    await expect
      .poll(() => aliceChat.getByTestId('chat-peer-status').getAttribute('data-status'), POLL)
      .toBe('30')

    await bobList.getByTestId('status-menu').click()
    await bobList.getByTestId('status-40').click()
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('20')
    await bobList.getByTestId('status-menu').click()
    await bobList.getByTestId('status-10').click()
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('10')
    await expect
      .poll(() => aliceChat.getByTestId('chat-peer-status').getAttribute('data-status'), POLL)
      .toBe('10')
    await aliceList.mouse.move(0, 0)
    await saveScreenshot(aliceList, 'buddy-list')
    await saveScreenshot(aliceChat, 'chat')
  })

  it('open a profile card from the list and read every field', async () => {
    await aliceList.getByTestId(`buddy-${BOB.uin}`).click({ button: 'right' })
    await aliceList.getByTestId('menu-profile').click()
    const card = await windowFrom(alice, `profile-${BOB.uin}`, WINDOW_SIZES.profile)
    await expect.poll(() => card.getByTestId('profile-field-NK').textContent(), POLL).toBe(BOB.nick)
    const expected: Record<string, string> = {
      ...BOB_PROFILE,
      NK: BOB.nick,
      UN: String(BOB.uin),
      FC: String(BOB.face),
      LV: '3'
    }
    for (const [key, raw] of Object.entries(expected)) {
      const field = card.getByTestId(`profile-field-${key}`)
      expect(await field.getAttribute('data-raw'), key).toBe(raw)
      // The face shows as the face (checked in layout.test.ts), not as its number.
      if (key === 'FC') continue
      // Coded fields in the window's language (Chinese), the rest as sent; hidden
      // characters (CV=%01) as their label, empty ones as a dash.
      const shown =
        raw === '' ? '—' : raw === '\u0001' ? 'U+0001' : describeProfileField(key, raw, chinese)
      expect(await field.textContent(), key).toBe(shown)
    }
    expect(await card.getByTestId('profile-field-SX').textContent()).toBe('男')
    expect(await card.getByTestId('profile-field-CO').textContent()).toBe('巨蟹座')
    await card.getByTestId('profile-refresh').click()
    await expect.poll(() => card.getByTestId('profile-refresh').isEnabled(), POLL).toBe(true)
    await card.locator('.profile-body').evaluate((body) => body.scrollTo(0, 0))
    await saveScreenshot(card, 'profile')
  })

  it('work the list with the keyboard', async () => {
    const list = aliceList.getByTestId('buddy-list')
    await list.focus()
    await aliceList.keyboard.press('Home')
    await aliceList.keyboard.press('ArrowDown')
    // Online first: Bob is the first friend under the group's header.
    expect(await list.getAttribute('aria-activedescendant')).toBe(`buddy-row-f${BOB.uin}`)
    await aliceList.keyboard.press('ContextMenu')
    expect(await aliceList.getByTestId('menu-chat').isVisible()).toBe(true)
    await aliceList.keyboard.press('Escape')
    await expect.poll(() => aliceList.getByTestId('menu-chat').count()).toBe(0)
    await aliceList.keyboard.press('ArrowDown')
    const next = await list.getAttribute('aria-activedescendant')
    const uin = Number(next?.replace('buddy-row-f', ''))
    await aliceList.keyboard.press('Enter')
    expect((await alice.pageShowing(`chat-${uin}`)).url()).toContain(
      routeToHash({ kind: 'chat', account: alice.account, uin })
    )
  })

  it('delete a friend after confirming', async () => {
    await aliceList.getByTestId(`buddy-${BOB.uin}`).click({ button: 'right' })
    await aliceList.getByTestId('menu-remove').click()
    await aliceList.getByTestId('confirm-ok').click()
    await expect.poll(() => aliceList.getByTestId(`buddy-${BOB.uin}`).count(), POLL).toBe(0)
    expect(await aliceList.getByTestId(/^buddy-\d+$/).count()).toBe(4)
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
