import type { Rectangle } from 'electron'
import { routeAccount, type WindowRoute } from '../../shared/routes.ts'

/** Where windows that remember their place were last put, per account. */
export interface BoundsMemory {
  load(route: WindowRoute): Rectangle | undefined
  save(route: WindowRoute, bounds: Rectangle): void
  /** True when most of `bounds` lies on a screen that exists now. */
  onScreen(bounds: Rectangle): boolean
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

export const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/**
 * The store reads a dot as a path into nested objects: an account's id (a host name, an
 * address) must carry none.
 */
const storeKey = (account: string): string => encodeURIComponent(account).replace(/\./g, '%2E')

/**
 * Remembered bounds are used only when most of the window lands on a screen that exists now:
 * a monitor unplugged since last time must not leave the buddy list out of reach. Each
 * account keeps its own place; one that has none yet takes the place the app kept before it
 * knew accounts (`bounds.<kind>`), which the window manager moves aside if it is taken.
 */
export function createBoundsMemory(
  store: BoundsStore,
  workAreas: () => readonly Rectangle[]
): BoundsMemory {
  const onScreen = (bounds: Rectangle): boolean =>
    workAreas().reduce((sum, area) => sum + overlap(bounds, area), 0) >=
    (bounds.width * bounds.height) / 2
  const keyOf = (route: WindowRoute): string => {
    const account = routeAccount(route)
    return account === null
      ? `bounds.${route.kind}`
      : `accountBounds.${storeKey(account)}.${route.kind}`
  }
  const usable = (saved: unknown): Rectangle | undefined =>
    isRectangle(saved) && saved.width >= 100 && saved.height >= 100 && onScreen(saved)
      ? saved
      : undefined
  return {
    load: (route) => usable(store.get(keyOf(route))) ?? usable(store.get(`bounds.${route.kind}`)),
    save(route, bounds) {
      store.set(keyOf(route), bounds)
    },
    onScreen
  }
}
