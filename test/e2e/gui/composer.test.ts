import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGuiWorld, WINDOW_SIZES, type GuiWorld } from './gui-world.ts'
import { ALICE, BOB } from './people.ts'

/**
 * The message box in a real browser, where editing is the browser's own: what it shows
 * (pictures for emoticons, its lines) against what is sent (shortcuts, line breaks).
 */
let world: GuiWorld
let chat: Page

const POLL = { timeout: 20_000 }

beforeAll(async () => {
  world = await startGuiWorld({
    accounts: [
      { ...ALICE, friends: [BOB.uin] },
      { ...BOB, friends: [ALICE.uin] }
    ]
  })
  const alice = await world.person(ALICE.uin)
  const list = await alice.logIn(ALICE.password)
  await list.getByTestId(`buddy-${BOB.uin}`).dblclick()
  chat = await alice.pageShowing(`chat-${BOB.uin}`)
  await chat.setViewportSize(WINDOW_SIZES.chat)
})
afterAll(() => world?.close())

const input = () => chat.getByTestId('chat-input')
const lastSent = () => chat.locator('[data-testid="chat-message"][data-direction="out"]').last()

/** Sends what the box holds and returns the message as the chat shows it. */
async function sendAndRead(): Promise<{ text: string; pictures: string[] }> {
  const before = await chat.locator('[data-testid="chat-message"]').count()
  await input().press('Enter')
  await expect
    .poll(() => chat.locator('[data-testid="chat-message"]').count(), POLL)
    .toBe(before + 1)
  await expect.poll(() => input().textContent()).toBe('')
  const body = lastSent().locator('.message-body')
  return {
    text: await body.innerText(),
    pictures: await body
      .locator('img.emoticon')
      .evaluateAll((pictures) => pictures.map((picture) => picture.getAttribute('alt') ?? ''))
  }
}

describe('the message box', () => {
  it('starts new lines with Ctrl+Enter and Shift+Enter, at the end too', async () => {
    await input().click()
    await chat.keyboard.type('one')
    await chat.keyboard.press('Control+Enter')
    await chat.keyboard.press('Shift+Enter')
    await chat.keyboard.type('three')
    expect(await sendAndRead()).toEqual({ text: 'one\n\nthree', pictures: [] })
  })

  it('puts a picked emoticon where the caret is, and sends its shortcut', async () => {
    await input().click()
    await chat.keyboard.type('ab')
    await chat.keyboard.press('ArrowLeft')
    await chat.getByTestId('chat-emoticons').click()
    await chat.getByTestId('emoticon-mg').click()
    expect(await input().locator('img.emoticon').getAttribute('alt')).toBe('/mg')
    await chat.keyboard.type('!')
    expect(await input().textContent()).toBe('a!b')
    expect(await sendAndRead()).toEqual({ text: 'a!b', pictures: ['/mg'] })
  })

  it('deletes a picture like a character', async () => {
    await input().fill('x ')
    await chat.getByTestId('chat-emoticons').click()
    await chat.getByTestId('emoticon-wx').click()
    await chat.keyboard.press('Backspace')
    expect(await input().locator('img').count()).toBe(0)
    await chat.keyboard.type('y')
    expect(await sendAndRead()).toEqual({ text: 'x y', pictures: [] })
  })
})
