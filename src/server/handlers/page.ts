import { MAX_PAGE } from '../../shared/protocol/index.ts'

/**
 * D-14: items ordered by number, at most `count` (capped at 160) of those numbered above
 * `after`; `done` when the page reaches the end.
 */
export function pageOf<T>(
  items: readonly T[],
  numberOf: (item: T) => number,
  count: number,
  after: number
): { kind: 'page'; done: boolean; items: T[] } {
  const rest = items.filter((item) => numberOf(item) > after)
  const size = Math.min(count, MAX_PAGE)
  return { kind: 'page', done: rest.length <= size, items: rest.slice(0, size) }
}
