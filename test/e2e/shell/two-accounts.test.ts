/**
 * Several accounts in one web shell (issue 13): 10001 signs in, adds 10002 from the buddy
 * list's ☰ menu, each has a buddy list and a chat with the other, every window says whose it
 * is; logging one out closes all of its windows while the other's stay and keep working, and
 * a window left of the signed-out account cannot send.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accountId, BUILT_IN_SERVER } from '../../../src/shared/account-id.ts'
import { routeToHash } from '../../../src/shared/routes.ts'
import { saveScreenshot } from '../gui/screenshots.ts'
import { pageShowing, type PageGlobals } from './browser.ts'
import { setLook, sized } from './look.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

const FIRST = 10001
const SECOND = 10002
const FIRST_ACCOUNT = accountId(BUILT_IN_SERVER, FIRST)
const SECOND_ACCOUNT = accountId(BUILT_IN_SERVER, SECOND)
const POLL = { timeout: 30_000 }

const running = shellAndBrowser()
const pageErrors: string[] = []
let firstList: Page
let secondList: Page
let firstChat: Page
let secondChat: Page

/** What these tests read of a page (they are type-checked without the DOM's types). */
interface PageDocument {
  document: {
    title: string
    getElementById(id: string): { dataset: { account?: string } } | null
  }
}

const rootAccount = (page: Page): Promise<string | undefined> =>
  page.evaluate(
    () => (globalThis as unknown as PageDocument).document.getElementById('app')?.dataset.account
  )
const title = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as PageDocument).document.title)

async function openChat(list: Page, peer: number): Promise<Page> {
  await list.getByTestId(`buddy-${peer}`).dblclick()
  return sized(await pageShowing(running.browser.context, `chat-${peer}`), 'chat')
}

async function send(chat: Page, text: string): Promise<void> {
  await chat.getByTestId('chat-input').fill(text)
  await chat.getByTestId('chat-send').click()
}

const incoming = (chat: Page): Promise<string[]> =>
  chat.locator('[data-testid="chat-message"][data-direction="in"] .message-body').allTextContents()

describe('two accounts in one web shell', () => {
  it('signs in 10001; its windows say whose they are', async () => {
    running.browser.context.on('page', (page) =>
      page.on('pageerror', (error) => pageErrors.push(error.message))
    )
    const login = await sized(await running.browser.context.newPage(), 'login')
    login.on('pageerror', (error) => pageErrors.push(error.message))
    await login.goto(`${running.shell.url}#/login`)
    expect(await rootAccount(login)).toBe('')
    await login.getByTestId(`login-demo-${FIRST}`).click()
    await login.getByTestId(`buddies-${FIRST}`).waitFor(POLL)
    firstList = await sized(login, 'buddies')
    expect(new URL(firstList.url()).hash).toBe(
      routeToHash({ kind: 'buddies', account: FIRST_ACCOUNT })
    )
    expect(await rootAccount(firstList)).toBe(String(FIRST))
    expect(await firstList.getByTestId('buddy-list').getAttribute('data-account')).toBe(
      String(FIRST)
    )
    expect(await title(firstList)).toMatch(/\(10001\)$/)
  })

  it('adds 10002 from the ☰ menu: a login window that lists 10001 as signed in', async () => {
    await firstList.getByTestId('menu-main').click()
    await firstList.getByTestId('menu-add-account').click()
    const login = await sized(
      await pageShowing(running.browser.context, 'login-uin', POLL.timeout, firstList),
      'login'
    )
    // The first tab stays 10001's buddy list.
    expect(await firstList.getByTestId(`buddies-${FIRST}`).count()).toBe(1)
    const listed = login.getByTestId('login-signed-in')
    await expect.poll(() => listed.locator('[data-account]').count(), POLL).toBe(1)
    expect(await listed.locator(`[data-account="${FIRST}"]`).count()).toBe(1)
    expect(await rootAccount(login)).toBe('')

    // The same number again: its demo button is off, and typed in it is refused, in words.
    const firstDemo = login.getByTestId(`login-demo-${FIRST}`)
    expect(await firstDemo.isDisabled()).toBe(true)
    expect(await firstDemo.getAttribute('title')).toMatch(/signed in|已登录/)
    await login.getByTestId('login-uin').fill(String(FIRST))
    await login.getByTestId('login-password').fill('whatever it was')
    await login.getByTestId('login-submit').click()
    await expect
      .poll(() => login.getByTestId('login-error').textContent(), POLL)
      .toMatch(/already signed in|已经登录/)
    await saveScreenshot(login, 'accounts-login-already-signed-in', false)

    await login.getByTestId(`login-demo-${SECOND}`).click()
    await login.getByTestId(`buddies-${SECOND}`).waitFor(POLL)
    secondList = await sized(login, 'buddies')
    expect(await secondList.getByTestId('buddy-list').getAttribute('data-account')).toBe(
      String(SECOND)
    )
    expect(await title(secondList)).toMatch(/\(10002\)$/)
    // Two buddy lists, one per account.
    expect(await firstList.getByTestId(`buddies-${FIRST}`).count()).toBe(1)
  })

  it('chats from each account to the other, each chat window its owner’s', async () => {
    firstChat = await openChat(firstList, SECOND)
    expect(await firstChat.getByTestId('window-owner').getAttribute('data-account')).toBe(
      String(FIRST)
    )
    expect(await rootAccount(firstChat)).toBe(String(FIRST))
    expect(await title(firstChat)).toMatch(/ - 小企鹅 \(10001\)$/)
    await send(firstChat, 'hello from 10001')

    secondChat = await openChat(secondList, FIRST)
    expect(await secondChat.getByTestId('window-owner').getAttribute('data-account')).toBe(
      String(SECOND)
    )
    await expect.poll(() => incoming(secondChat), POLL).toContain('hello from 10001')
    // Its own window shows it sent, whichever came first: the call's answer or its events.
    const firstSent = firstChat
      .locator('[data-testid="chat-message"][data-state="sent"]')
      .filter({ hasText: 'hello from 10001' })
    await expect.poll(() => firstSent.count(), POLL).toBe(1)
    await send(secondChat, 'hello from 10002')
    await expect.poll(() => incoming(firstChat), POLL).toContain('hello from 10002')
    // Each window shows its own side only: nothing of the other account's as its own.
    expect(await incoming(firstChat)).not.toContain('hello from 10001')
  })

  it('shows whose each window is in both themes and languages', async () => {
    const login = await sized(await running.browser.context.newPage(), 'login')
    await login.goto(`${running.shell.url}#/login`)
    await login.getByTestId('login-signed-in').waitFor(POLL)
    const windows = { 'accounts-login': login, 'accounts-buddy-list': secondList }
    const chats = { 'accounts-chat-10001': firstChat, 'accounts-chat-10002': secondChat }
    const pages = [...Object.values(windows), ...Object.values(chats), firstList]
    for (const language of ['zh', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setLook(pages, theme, language)
        for (const [name, page] of Object.entries({ ...windows, ...chats })) {
          await page.mouse.move(0, 0)
          await saveScreenshot(page, `${name}-${theme}-${language}`, false)
        }
      }
    }
    await setLook(pages, 'light', 'zh')
    await login.close()
  })

  it('logs 10002 out: all its windows close, 10001’s stay and keep working', async () => {
    await secondList.getByTestId('menu-main').click()
    await secondList.getByTestId('menu-logout').click()
    await expect.poll(() => secondList.isClosed() && secondChat.isClosed(), POLL).toBe(true)

    expect(firstList.isClosed() || firstChat.isClosed()).toBe(false)
    await expect
      .poll(() => firstList.getByTestId(`buddy-status-${SECOND}`).getAttribute('data-status'), POLL)
      .toBe('20')
    await send(firstChat, 'still here after 10002 left')
    const sent = firstChat
      .locator('[data-testid="chat-message"][data-state="sent"]')
      .filter({ hasText: 'still here after 10002 left' })
    await expect.poll(() => sent.count(), POLL).toBe(1)
  })

  it('leaves a stale window of 10002 unable to send', async () => {
    const stale = await sized(await running.browser.context.newPage(), 'chat')
    await stale.goto(
      `${running.shell.url}${routeToHash({ kind: 'chat', account: SECOND_ACCOUNT, uin: FIRST })}`
    )
    await stale.getByTestId(`chat-${FIRST}`).waitFor(POLL)
    // Through the bridge: the core refuses the account, which is not signed in.
    const sent = await stale.evaluate(
      ([account, peer]) =>
        (globalThis as unknown as PageGlobals).qq.sendMessage(account, peer, 'as a ghost'),
      [SECOND_ACCOUNT, FIRST] as const
    )
    expect(sent).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } })
    // Through the window: the text stays in the box, and the window says why.
    await send(stale, 'as a ghost too')
    await expect
      .poll(() => stale.getByTestId('chat-input').textContent(), POLL)
      .toBe('as a ghost too')
    const why = stale.getByRole('alert').filter({ hasText: /session has ended|登录已失效/ })
    await expect.poll(() => why.count(), POLL).toBeGreaterThan(0)
    // Nor may it act for the account still signed in: a window acts for its own only.
    const asAnother = await stale.evaluate(
      ([account, peer]) =>
        (globalThis as unknown as PageGlobals).qq.sendMessage(account, peer, 'as 10001'),
      [FIRST_ACCOUNT, SECOND] as const
    )
    expect(asAnother).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await stale.close()
    expect(await incoming(firstChat)).not.toContain('as a ghost')
  })

  it('logs 10001 out: its chat closes, and its first tab turns back into the login window', async () => {
    await firstList.getByTestId('menu-main').click()
    await firstList.getByTestId('menu-logout').click()
    await firstList.getByTestId('login-uin').waitFor(POLL)
    expect(new URL(firstList.url()).hash).toBe('#/login')
    await expect.poll(() => firstChat.isClosed(), POLL).toBe(true)
    expect(await firstList.getByTestId('login-signed-in').count()).toBe(0)
  })

  it('threw no error in any page', () => {
    expect(pageErrors).toEqual([])
  })
})
