/**
 * Face ids (section 7): the picture is number `FC / 3 + 1` (the seed: 270 → 91.bmp) and
 * `FC % 3` other than 0 picked the grey/away variant of the official set of 101 faces.
 */
export const FACE_COUNT = 101
export const MAX_FACE_ID = FACE_COUNT * 3 - 1

export interface FaceImage {
  /** 1-based picture number. */
  readonly image: number
  /** 0 the normal picture, 1 or 2 the variants. */
  readonly variant: number
}

/** Any id maps to a picture we have: out-of-range or nonsense ids fall back to face 1. */
export function faceImage(faceId: number): FaceImage {
  if (!Number.isInteger(faceId) || faceId < 0 || faceId > MAX_FACE_ID)
    return { image: 1, variant: 0 }
  return { image: Math.floor(faceId / 3) + 1, variant: faceId % 3 }
}

/** The id that shows picture `image` (1-based) in its normal variant. */
export function faceIdOf(image: number): number {
  return (image - 1) * 3
}
