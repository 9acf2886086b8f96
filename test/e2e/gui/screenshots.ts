import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from '../shell/web-shell-process.ts'

const RESULTS = join(ROOT, 'test-results', 'screenshots')
const DOCS = join(ROOT, 'docs', 'screenshots')

/**
 * Saves a window's picture under test-results/ on every run. The ones the README shows are
 * copied to docs/screenshots/ only when UPDATE_SCREENSHOTS=1 is set: those files are tracked,
 * and a test run must not change everyone's working tree.
 */
export async function saveScreenshot(page: Page, name: string, forReadme = true): Promise<string> {
  mkdirSync(RESULTS, { recursive: true })
  const file = join(RESULTS, `${name}.png`)
  // Nothing moving or blinking in the picture: carets and animations are held still.
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
  if (forReadme && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS, { recursive: true })
    copyFileSync(file, join(DOCS, `${name}.png`))
  }
  return file
}
