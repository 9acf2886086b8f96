/** Redraws the icons and sounds (`npm run assets`); the results are committed. */
import { join } from 'node:path'
import { writeIcons } from './write-icons.ts'
import { writeSounds } from './write-sounds.ts'

const root = join(import.meta.dirname, '../..')
const written = [...writeIcons(root), ...writeSounds(join(root, 'resources/sounds'))]
for (const file of written) console.log(`wrote ${file}`)
