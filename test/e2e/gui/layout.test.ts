/**
 * What the eye checks on the screens: rows as tall as their faces, the top line of a
 * conversation in full view, the ☰ button named, the profile card's face drawn.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageGlobals } from '../shell/browser.ts'
import type { WindowKind, WindowRoute } from '../../../src/shared/routes.ts'
import { WINDOW_SHAPES } from '../../../src/shared/window-shapes.ts'
import { WINDOW_SIZES } from './gui-world.ts'
import { ALICE, BOB } from './people.ts'
import { BOB_SAYS, startScene, type Scene } from './screens-scene.ts'
import { saveScreenshot } from './screenshots.ts'

let scene: Scene
let list: Page

beforeAll(async () => {
  scene = await startScene()
  list = scene.list
  await scene.setLook({ theme: 'light', language: 'zh' })
})
afterAll(() => scene?.close())

const POLL = { timeout: 20_000 }

/** The window's root as the page has it (the tests are type-checked without the DOM's types). */
interface AppRoot {
  document: {
    getElementById(id: 'app'): {
      style: {
        setProperty(name: string, value: string): void
        getPropertyValue(name: string): string
      }
    } | null
  }
}

/** What sticks out past the right edge of the window: `tag.class "text"` for each. */
function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface Box {
      right: number
      width: number
    }
    interface Element {
      tagName: string
      className: string
      textContent: string | null
      getBoundingClientRect(): Box
    }
    const { document } = globalThis as unknown as {
      document: {
        getElementById(id: 'app'): (Element & { querySelectorAll(s: string): Element[] }) | null
      }
    }
    const app = document.getElementById('app')
    if (app === null) return ['no #app']
    const edge = app.getBoundingClientRect().right + 0.5
    return [...app.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.right > edge
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.className)} "${(element.textContent ?? '').trim().slice(0, 30)}"`
      )
  })
}

/**
 * The tab's window at its kind's minimum width, as the desktop window resized that far (the
 * web shell frames it at `--window-width`). Resolves to what puts the width back.
 */
async function atNarrowest(page: Page, kind: WindowKind): Promise<() => Promise<void>> {
  const shape = WINDOW_SHAPES[kind]
  const setWidth = (width: string): Promise<string> =>
    page.evaluate((width) => {
      const style = (globalThis as unknown as AppRoot).document.getElementById('app')?.style
      const before = style?.getPropertyValue('--window-width') ?? ''
      style?.setProperty('--window-width', width)
      return before
    }, width)
  const before = await setWidth(`${shape.minWidth ?? shape.width}px`)
  return async () => void (await setWidth(before))
}

describe('the screens as a person sees them', () => {
  it('scrolls a long conversation to its very first line, below the header', async () => {
    // A page of history (40) exactly: the window opens with all of them and cannot know
    // there are no more until it asks again, at the top.
    for (let index = BOB_SAYS.length; index < 40; index++) {
      const { bob } = scene
      const sent = await bob.core.calls.sendMessage(
        bob.account,
        ALICE.uin,
        `第 ${index + 1} 条 ${index}`
      )
      if (!sent.ok) throw new Error(sent.error.code)
    }
    // Sent is queued: wait for all of them to reach Alice before her window opens.
    const received = async (): Promise<number> => {
      const result = await list.evaluate(
        ([account, peer]) =>
          (globalThis as unknown as PageGlobals).qq.getHistory(account, peer, null, 50),
        [scene.alice.account, BOB.uin] as const
      )
      return result.ok ? result.value.length : -1
    }
    await expect.poll(received, { timeout: 60_000 }).toBe(40)
    const chat = await scene.open(
      { kind: 'chat', account: scene.alice.account, uin: BOB.uin },
      WINDOW_SIZES.chat
    )
    await expect.poll(() => chat.getByTestId('chat-message').count(), POLL).toBe(40)
    // Up a wheel's notch at a time, as a reader does, and no further once the line shows.
    await chat.getByRole('log').hover()
    const line = chat.getByText('没有更早的消息了')
    while ((await line.count()) === 0) {
      await chat.mouse.wheel(0, -100)
      await chat.waitForTimeout(50)
    }
    await saveScreenshot(chat, 'layout-chat-top', false)
    const header = await chat.locator('.chat-header').boundingBox()
    const box = await line.boundingBox()
    expect(box?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0))
  })
})

describe('the buddy list', () => {
  it('names the ☰ button for what it is, on screen readers and in its tooltip', async () => {
    const button = list.getByTestId('menu-main')
    expect(await button.getAttribute('title')).toBe('主菜单')
    expect(await list.getByRole('button', { name: '主菜单' }).getAttribute('data-testid')).toBe(
      'menu-main'
    )
    await scene.setLook({ theme: 'light', language: 'en' })
    expect(await list.getByRole('button', { name: 'Main menu' }).getAttribute('title')).toBe(
      'Main menu'
    )
    await scene.setLook({ theme: 'light', language: 'zh' })
  })

  it('keeps every button of its bottom bar whole at its narrowest, in both languages', async () => {
    const restore = await atNarrowest(list, 'buddies')
    try {
      for (const language of ['en', 'zh'] as const) {
        await scene.setLook({ theme: 'light', language })
        const bar = await list.locator('.bottom-bar').boundingBox()
        const right = (bar?.x ?? 0) + (bar?.width ?? 0)
        const buttons = await list.locator('.bottom-bar > button').all()
        expect(buttons.length).toBe(5)
        for (const button of buttons) {
          const box = await button.boundingBox()
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(right)
        }
        // The add button, when its word is cut short, still says it in full on hover.
        expect(await list.getByTestId('add-friend').getAttribute('title')).toBe(
          language === 'en' ? 'Add friend' : '加好友'
        )
        await saveScreenshot(list, `layout-narrowest-buddies-${language}`, false)
      }
    } finally {
      await restore()
      await scene.setLook({ theme: 'light', language: 'zh' })
    }
  })

  it('makes every row as short as its small face, and tall again', async () => {
    const row = list.getByTestId(`buddy-${BOB.uin}`)
    const height = async (): Promise<number> => (await row.boundingBox())?.height ?? 0
    expect(await height()).toBe(48)
    const toggle = async (): Promise<void> => {
      await list.getByTestId('menu-main').click()
      await list.getByRole('menuitemradio', { name: '小头像' }).click()
    }
    await toggle()
    await expect.poll(height).toBe(26)
    await list.mouse.move(0, 0)
    await saveScreenshot(list, 'layout-small-faces', false)
    await toggle()
    await expect.poll(height).toBe(48)
  })
})

describe('every window at its narrowest', () => {
  it('keeps what it shows inside, in both languages; the history keeps the friend’s name whole', async () => {
    const { account } = scene.alice
    const routes: WindowRoute[] = [
      { kind: 'chat', account, uin: BOB.uin },
      { kind: 'profile', account, uin: BOB.uin },
      { kind: 'history', account, uin: null },
      { kind: 'settings', account },
      { kind: 'system', account }
    ]
    const pages: Page[] = []
    try {
      for (const route of routes) {
        const page = await scene.open(route, WINDOW_SIZES[route.kind])
        pages.push(page)
        await page.getByTestId('window-owner').waitFor()
      }
      const history = pages[2]
      const picker = history?.locator('.history-peer')
      const wide = (await picker?.boundingBox())?.width
      for (const [index, page] of pages.entries())
        await atNarrowest(page, routes[index]?.kind ?? 'chat')
      for (const language of ['en', 'zh'] as const) {
        await scene.setLook({ theme: 'light', language })
        for (const [index, page] of pages.entries()) {
          const kind = routes[index]?.kind
          expect({ kind, language, out: await sticksOut(page) }).toEqual({
            kind,
            language,
            out: []
          })
          await saveScreenshot(page, `layout-narrowest-${kind}-${language}`, false)
        }
        expect((await picker?.boundingBox())?.width).toBe(wide)
      }
    } finally {
      for (const page of pages) await page.close()
      await scene.setLook({ theme: 'light', language: 'zh' })
    }
  })
})

describe('the add-friend dialog', () => {
  it('has one Add button, which Enter in a field presses', async () => {
    await list.getByTestId('add-friend').click()
    const dialog = list.getByRole('dialog')
    expect(await dialog.getByRole('button', { name: '添加', includeHidden: true }).count()).toBe(1)
    await list.getByTestId('add-friend-uin').fill(String(BOB.uin))
    await list.getByTestId('add-friend-reason').press('Enter')
    await expect
      .poll(() => list.getByTestId('add-friend-outcome').getAttribute('data-outcome'), POLL)
      .toBe('error')
    await list.keyboard.press('Escape')
  })
})

describe('the profile card', () => {
  it('draws the face, and keeps the unexplained fields folded until asked', async () => {
    const card = await scene.open(
      { kind: 'profile', account: scene.alice.account, uin: BOB.uin },
      WINDOW_SIZES.profile
    )
    const face = card.getByTestId('profile-field-FC')
    await face.waitFor()
    // Bob's face id 27 is picture 27 / 3 + 1 = 10 of the set.
    expect(await face.getByRole('img').getAttribute('aria-label')).toBe('第 10 号头像')
    expect(await face.textContent()).toBe('')
    const raw = card.getByTestId('profile-raw')
    expect(await raw.getAttribute('open')).toBeNull()
    expect(await card.getByTestId('profile-field-CV').isVisible()).toBe(false)
    await raw.locator('summary').click()
    expect(await card.getByTestId('profile-field-CV').isVisible()).toBe(true)
    expect(await card.getByTestId('profile-field-MT').textContent()).toBe('0')
    await card.close()
  })
})
