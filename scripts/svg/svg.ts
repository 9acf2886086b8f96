/**
 * A tiny SVG writer for the drawing scripts: attributes in the order given and numbers
 * rounded the same way on every machine, so re-running a script reproduces its files byte
 * for byte.
 */
export type Attributes = Readonly<Record<string, string | number>>

const formatNumber = (value: number): string => String(Math.round(value * 100) / 100)

export function element(
  tag: string,
  attributes: Attributes,
  children: readonly string[] = []
): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? formatNumber(value) : value}"`)
    .join('')
  return children.length === 0
    ? `<${tag}${attrs}/>`
    : `<${tag}${attrs}>${children.join('')}</${tag}>`
}

/** A whole document: `size` logical pixels square, drawn on a `viewBox` of the same size. */
export function svgDocument(size: number, title: string, body: readonly string[]): string {
  return (
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: size,
        height: size,
        viewBox: `0 0 ${size} ${size}`
      },
      [element('title', {}, [title]), ...body]
    ) + '\n'
  )
}

/** Mulberry32: a small seeded generator, so the same seed always draws the same picture. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, choices: readonly T[]): T {
  const choice = choices[Math.floor(random() * choices.length)]
  if (choice === undefined) throw new Error('pick from an empty list')
  return choice
}
