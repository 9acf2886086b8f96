/** How a web shell test sets a tab up to look like a window of the app. */
import type { Page } from 'playwright-core'
import { WINDOW_SIZES } from '../gui/gui-world.ts'
import type { PageGlobals } from './browser.ts'

/** What these helpers read of a page (the tests are type-checked without the DOM's types). */
interface PageRoot {
  document: { documentElement: { dataset: { theme?: string }; lang: string } }
}

/** The tab at the size of that kind of window. */
export async function sized(page: Page, kind: keyof typeof WINDOW_SIZES): Promise<Page> {
  await page.setViewportSize(WINDOW_SIZES[kind])
  return page
}

/** Theme and language for every window at once (app-wide), then each page shows them. */
export async function setLook(
  pages: readonly Page[],
  theme: 'light' | 'dark',
  language: 'zh' | 'en'
): Promise<void> {
  const [first] = pages
  if (first === undefined) return
  const changed = await first.evaluate(
    (patch) => (globalThis as unknown as PageGlobals).qq.updateSettings(null, patch),
    { theme, language }
  )
  if (!changed.ok) throw new Error(changed.error.message)
  const lang = language === 'zh' ? 'zh-CN' : 'en'
  for (const page of pages)
    await page.waitForFunction(
      ([wantedTheme, wantedLang]) => {
        const root = (globalThis as unknown as PageRoot).document.documentElement
        return root.dataset.theme === wantedTheme && root.lang === wantedLang
      },
      [theme, lang] as const
    )
}
