/**
 * Draws the emoticons of the catalog into resources/emoticons (one SVG per emoticon).
 * Deterministic: running it again reproduces the committed files exactly.
 *   node scripts/draw-emoticons.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { drawAllEmoticons } from './emoticons/draw.ts'

const folder = join(import.meta.dirname, '..', 'resources', 'emoticons')
mkdirSync(folder, { recursive: true })
for (const name of readdirSync(folder)) if (name.endsWith('.svg')) rmSync(join(folder, name))
const emoticons = drawAllEmoticons()
for (const [name, svg] of emoticons) writeFileSync(join(folder, name), svg)
console.log(`drew ${emoticons.size} emoticons into ${folder}`)
