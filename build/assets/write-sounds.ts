import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAMPLE_RATE, SOUNDS } from './tones.ts'
import { encodeWav } from './wav.ts'

/** Writes `<name>.wav` for every sound into `folder`; returns the files written. */
export function writeSounds(folder: string): string[] {
  mkdirSync(folder, { recursive: true })
  return Object.entries(SOUNDS).map(([name, make]) => {
    const file = join(folder, `${name}.wav`)
    writeFileSync(file, encodeWav(make(), SAMPLE_RATE))
    return file
  })
}
