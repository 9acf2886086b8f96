/**
 * axe-core run inside a page, with its WCAG 2 A and AA rules. The app's CSP allows no
 * inline script, so axe is evaluated over the DevTools protocol (page.evaluate), which the
 * CSP does not govern; the app's policy stays as it ships.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, RunOptions } from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
  resultTypes: ['violations', 'incomplete']
}

interface AxeGlobal {
  axe?: { run(options: RunOptions): Promise<AxeResults> }
}

/**
 * Each violation as one line: rule, element, what is wrong (empty when there are none).
 * Text the colour of its own background counts too.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => (globalThis as AxeGlobal).axe !== undefined)))
    await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (options) => {
    const axe = (globalThis as AxeGlobal).axe
    if (!axe) throw new Error('axe-core did not load')
    const results = await axe.run(options)
    // axe leaves text of exactly the colour of its background "to review" rather than
    // failing it (it may be hidden on purpose); here it is always the white-on-white bug.
    const sameColour = results.incomplete.flatMap((result) =>
      result.id === 'color-contrast'
        ? [
            {
              ...result,
              nodes: result.nodes.filter((node) =>
                node.any.some(
                  (check) =>
                    (check.data as { messageKey?: string } | null)?.messageKey === 'equalRatio'
                )
              )
            }
          ]
        : []
    )
    return [...results.violations, ...sameColour].flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        target: node.target.join(' '),
        summary: (node.failureSummary ?? violation.help).replace(/\s+/g, ' ')
      }))
    )
  }, OPTIONS)
  return violations.map(({ rule, target, summary }) => `${rule} at ${target}: ${summary}`)
}
