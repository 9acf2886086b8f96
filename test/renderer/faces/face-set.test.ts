import { describe, expect, it } from 'vitest'
import { drawAllFaces } from '../../../scripts/faces/draw.ts'
import { FACE_COUNT } from '../../../src/shared/protocol/faces.ts'

// The committed drawings, exactly as they are on disk.
const committed = import.meta.glob<string>('../../../resources/faces/*.svg', {
  eager: true,
  query: '?raw',
  import: 'default'
})
const byName = new Map(
  Object.entries(committed).map(([path, svg]) => [path.split('/').at(-1), svg])
)

describe('the face set', () => {
  const drawn = drawAllFaces(FACE_COUNT)

  it('has a drawing for every face of the protocol (at least 101)', () => {
    expect(FACE_COUNT).toBeGreaterThanOrEqual(101)
    expect(drawn.size).toBe(FACE_COUNT)
    expect(byName.size).toBe(FACE_COUNT)
  })

  it('is reproduced byte for byte by running the drawing script again', () => {
    for (const [name, svg] of drawn) expect(byName.get(name), name).toBe(svg)
  })

  it('draws every face differently', () => {
    const bodies = [...drawn.values()].map((svg) => svg.replace(/<title>.*?<\/title>/, ''))
    expect(new Set(bodies).size).toBe(bodies.length)
  })

  it('draws each face on a 40×40 canvas that scales without loss', () => {
    for (const svg of drawn.values()) {
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="40" height="40" viewBox="0 0 40 40">/
      )
      // Vector shapes only: no embedded bitmap that would blur at 2×, no script.
      expect(svg).not.toMatch(/<image|<script|href=/i)
    }
  })
})
