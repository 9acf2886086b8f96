import { describe, expect, it } from 'vitest'
import { faceIdOf, faceImage, FACE_COUNT } from '../../../../src/shared/protocol/index.ts'

describe('faces (section 7)', () => {
  it('maps an id to picture ID/3+1 and its variant', () => {
    expect(faceImage(270)).toEqual({ image: 91, variant: 0 })
    expect(faceImage(0)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(302)).toEqual({ image: 101, variant: 2 })
    expect(faceImage(4)).toEqual({ image: 2, variant: 1 })
  })

  it('falls back to the first picture for ids out of range', () => {
    expect(faceImage(303)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(-3)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(1.5)).toEqual({ image: 1, variant: 0 })
  })

  it('goes back from a picture to its id', () => {
    for (let image = 1; image <= FACE_COUNT; image++)
      expect(faceImage(faceIdOf(image)).image).toBe(image)
  })
})
