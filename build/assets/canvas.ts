/**
 * A tiny vector painter for the icons: shapes are signed distance functions (negative
 * inside, in pixels), filled with one pixel of anti-aliasing and composited "over".
 */
export type Shape = (x: number, y: number) => number
export type Rgba = readonly [number, number, number, number]

export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r

export const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry)

export const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const dx = Math.max(x0 + r - x, x - (x1 - r), 0)
    const dy = Math.max(y0 + r - y, y - (y1 - r), 0)
    const inside = Math.min(Math.max(x0 + r - x, x - (x1 - r), y0 + r - y, y - (y1 - r)), 0)
    return Math.hypot(dx, dy) + inside - r
  }

/** A convex polygon, corners in clockwise order (y down). */
export const polygon =
  (points: readonly (readonly [number, number])[]): Shape =>
  (x, y) =>
    Math.max(
      ...points.map(([ax, ay], index) => {
        const [bx, by] = points[(index + 1) % points.length] ?? points[0] ?? [ax, ay]
        const length = Math.hypot(bx - ax, by - ay)
        return ((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length
      })
    )

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)))
export const subtract =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    Math.max(shape(x, y), -cut(x, y))
export const intersect =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), b(x, y))
/** The outline of a shape, `width` pixels wide, centred on its edge. */
export const stroke =
  (shape: Shape, width: number): Shape =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2

export const hex = (value: string, alpha = 1): Rgba => [
  Number.parseInt(value.slice(1, 3), 16),
  Number.parseInt(value.slice(3, 5), 16),
  Number.parseInt(value.slice(5, 7), 16),
  alpha
]

export class Canvas {
  readonly width: number
  readonly height: number
  readonly pixels: Uint8Array

  constructor(width: number, height: number) {
    this.width = width
    this.height = height
    this.pixels = new Uint8Array(width * height * 4)
  }

  fill(shape: Shape, paint: Rgba | ((x: number, y: number) => Rgba)): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const coverage = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5)))
        if (coverage === 0) continue
        const [r, g, b, a] = typeof paint === 'function' ? paint(x + 0.5, y + 0.5) : paint
        this.blend((y * this.width + x) * 4, [r, g, b, a * coverage])
      }
    }
  }

  private blend(offset: number, [r, g, b, a]: Rgba): void {
    const under = (this.pixels[offset + 3] ?? 0) / 255
    const alpha = a + under * (1 - a)
    if (alpha === 0) return
    const mix = (index: number, value: number): number =>
      Math.round((value * a + (this.pixels[offset + index] ?? 0) * under * (1 - a)) / alpha)
    this.pixels.set([mix(0, r), mix(1, g), mix(2, b), Math.round(alpha * 255)], offset)
  }
}
