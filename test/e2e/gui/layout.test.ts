/**
 * What the eye checks on the screens: rows as tall as their faces, the top line of a
 * conversation in full view, the ☰ button named, the profile card's face drawn.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageGlobals } from '../shell/browser.ts'
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
        removeProperty(name: string): void
        getPropertyValue(name: string): string
      }
    } | null
  }
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
    // As the desktop window resized to its minimum width: the tab's frame takes that width.
    const narrowest = WINDOW_SHAPES.buddies.minWidth ?? WINDOW_SHAPES.buddies.width
    const frame = (width: number | null): Promise<void> =>
      list.evaluate((width) => {
        const app = (globalThis as unknown as AppRoot).document.getElementById('app')
        if (width === null) app?.style.removeProperty('--window-width')
        else app?.style.setProperty('--window-width', `${width}px`)
      }, width)
    const original = await list.evaluate(
      () =>
        (globalThis as unknown as AppRoot).document
          .getElementById('app')
          ?.style.getPropertyValue('--window-width') ?? ''
    )
    await frame(narrowest)
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
      await frame(original === '' ? null : Number.parseInt(original))
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
