/**
 * Draws the app's face set into resources/faces (one SVG per face, 001.svg … 101.svg).
 * The drawing is deterministic: running it again reproduces the committed files exactly.
 *   node scripts/draw-faces.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FACE_COUNT } from '../src/shared/protocol/faces.ts'
import { drawAllFaces } from './faces/draw.ts'

const folder = join(import.meta.dirname, '..', 'resources', 'faces')
mkdirSync(folder, { recursive: true })
for (const name of readdirSync(folder)) if (name.endsWith('.svg')) rmSync(join(folder, name))
const faces = drawAllFaces(FACE_COUNT)
for (const [name, svg] of faces) writeFileSync(join(folder, name), svg)
console.log(`drew ${faces.size} faces into ${folder}`)
