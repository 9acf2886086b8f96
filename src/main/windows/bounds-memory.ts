import type { Rectangle } from 'electron'
import type { WindowKind } from '../../shared/routes.ts'

/** Where windows that remember their place were last put. */
export interface BoundsMemory {
  load(kind: WindowKind): Rectangle | undefined
  save(kind: WindowKind, bounds: Rectangle): void
}

export interface BoundsStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

const isRectangle = (value: unknown): value is Rectangle =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((key) =>
    Number.isSafeInteger((value as Record<string, unknown>)[key])
  )

const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/**
 * Remembered bounds are used only when most of the window lands on a screen that exists now:
 * a monitor unplugged since last time must not leave the buddy list out of reach.
 */
export function createBoundsMemory(
  store: BoundsStore,
  workAreas: () => readonly Rectangle[]
): BoundsMemory {
  return {
    load(kind) {
      const saved = store.get(`bounds.${kind}`)
      if (!isRectangle(saved) || saved.width < 100 || saved.height < 100) return undefined
      const visible = workAreas().reduce((sum, area) => sum + overlap(saved, area), 0)
      return visible >= (saved.width * saved.height) / 2 ? saved : undefined
    },
    save(kind, bounds) {
      store.set(`bounds.${kind}`, bounds)
    }
  }
}
