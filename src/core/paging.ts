import { CodedError } from '../shared/errors.ts'
import { MAX_PAGE, type Page } from '../shared/protocol/index.ts'

/**
 * Reads a `List` or `Query_Stat` to the end (D-14): pages of up to 160 (a non-zero `TN`
 * always, which also avoids the two-reply quirk), each starting after the last number
 * received, until `FN=1`. A server that ignores `UN` (the seed saw one) and repeats itself
 * ends the reading instead of looping.
 */
export async function readAllPages<T>(
  fetchPage: (count: number, after: number) => Promise<Page<T>>,
  uinOf: (item: T) => number
): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<number>()
  let after = 0
  for (;;) {
    const page = await fetchPage(MAX_PAGE, after)
    if (page.kind === 'count') throw new CodedError('BAD_REPLY', 'a page without its items')
    const fresh = page.items.filter((item) => !seen.has(uinOf(item)))
    for (const item of fresh) {
      seen.add(uinOf(item))
      items.push(item)
    }
    const last = page.items.at(-1)
    if (page.done || fresh.length === 0 || last === undefined) return items
    after = uinOf(last)
  }
}
