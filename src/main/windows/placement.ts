import type { Rectangle } from 'electron'
import { overlap, type BoundsMemory } from './bounds-memory.ts'

/** Between two buddy lists side by side. */
const GAP = 8
/** When neither side has room: down and to the right, like a cascade. */
const CASCADE = 32

/**
 * Where a second account's buddy list goes: its own remembered place when that is free,
 * else beside the last buddy list opened (to its left, as the first usually sits at the
 * right of the screen, or to its right when the left has no room), so none covers another.
 */
export function placeBeside(
  wanted: Rectangle | undefined,
  size: { readonly width: number; readonly height: number },
  others: readonly Rectangle[],
  memory: BoundsMemory
): Rectangle | undefined {
  const last = others.at(-1)
  if (last === undefined) return wanted
  if (wanted !== undefined && others.every((other) => overlap(wanted, other) === 0)) return wanted
  const { width, height } = wanted ?? size
  const candidates: Rectangle[] = [
    { x: last.x - width - GAP, y: last.y, width, height },
    { x: last.x + last.width + GAP, y: last.y, width, height }
  ]
  const free = candidates.find(
    (place) => memory.onScreen(place) && others.every((other) => overlap(place, other) === 0)
  )
  return free ?? { x: last.x + CASCADE, y: last.y + CASCADE, width, height }
}
