/**
 * Our icons, drawn from code: a smiling speech bubble on the classic blue, and the same
 * bubble small for the tray in one look per status (grey offline, hollow invisible, a red
 * badge busy, orange with dots for unread messages).
 */
import {
  Canvas,
  circle,
  ellipse,
  hex,
  intersect,
  polygon,
  roundedRect,
  stroke,
  union,
  type Rgba,
  type Shape
} from './canvas.ts'

export const TRAY_STATES = ['online', 'busy', 'invisible', 'offline', 'message'] as const
export type TrayState = (typeof TRAY_STATES)[number]

/** A box on the canvas, in pixels, that a drawing fills. */
interface Box {
  readonly x: number
  readonly y: number
  readonly size: number
}

const mix = (a: Rgba, b: Rgba, t: number): Rgba => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
  a[3] + (b[3] - a[3]) * t
]

/** Maps a point of the unit box to pixels. */
const at =
  ({ x, y, size }: Box) =>
  (u: number, v: number): [number, number] => [x + u * size, y + v * size]

/** A wide oval with a tail at its lower left, centred at v = 0.41 of the box. */
function bubble(box: Box): Shape {
  const p = at(box)
  return union(
    ellipse(...p(0.5, 0.41), 0.45 * box.size, 0.35 * box.size),
    polygon([p(0.24, 0.6), p(0.44, 0.68), p(0.14, 0.9)])
  )
}

function smile(canvas: Canvas, box: Box, color: Rgba): void {
  const p = at(box)
  const eye = Math.max(0.045 * box.size, 0.9)
  canvas.fill(circle(...p(0.37, 0.37), eye), color)
  canvas.fill(circle(...p(0.63, 0.37), eye), color)
  const [, lipTop] = p(0, 0.44)
  const mouth = intersect(
    stroke(circle(...p(0.5, 0.39), 0.15 * box.size), Math.max(0.045 * box.size, 1)),
    (_x, y) => lipTop - y
  )
  canvas.fill(mouth, color)
}

export function drawAppIcon(size: number): Canvas {
  const canvas = new Canvas(size, size)
  const top = hex('#3a8fd8')
  const bottom = hex('#1f6fbf')
  canvas.fill(
    roundedRect(size * 0.06, size * 0.06, size * 0.94, size * 0.94, size * 0.2),
    (_x, y) => mix(top, bottom, y / size)
  )
  const inner: Box = { x: size * 0.18, y: size * 0.2, size: size * 0.64 }
  canvas.fill(bubble(inner), hex('#ffffff'))
  smile(canvas, inner, hex('#1f5fbf'))
  return canvas
}

const TRAY_COLOURS: Readonly<Record<TrayState, Rgba>> = {
  online: hex('#2f80d0'),
  busy: hex('#2f80d0'),
  invisible: hex('#7a8899'),
  offline: hex('#9aa5b1'),
  message: hex('#f39c12')
}

export function drawTrayIcon(state: TrayState, size: number): Canvas {
  const canvas = new Canvas(size, size)
  const box: Box = { x: 0, y: 0, size }
  const shape = bubble(box)
  const p = at(box)
  if (state === 'invisible') {
    canvas.fill(intersect(stroke(shape, Math.max(size * 0.12, 1.5)), shape), TRAY_COLOURS[state])
    return canvas
  }
  canvas.fill(shape, TRAY_COLOURS[state])
  if (state === 'message') {
    for (const u of [0.3, 0.5, 0.7]) canvas.fill(circle(...p(u, 0.41), size * 0.07), hex('#ffffff'))
  } else {
    smile(canvas, box, hex('#ffffff'))
  }
  if (state === 'busy') {
    canvas.fill(circle(...p(0.78, 0.78), size * 0.24), hex('#ffffff'))
    canvas.fill(circle(...p(0.78, 0.78), size * 0.17), hex('#e5484d'))
  }
  return canvas
}
