import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { SAMPLE_RATE } from '../../../build/assets/tones.ts'
import { ICON_FILES, writeIcons } from '../../../build/assets/write-icons.ts'
import { writeSounds } from '../../../build/assets/write-sounds.ts'

const ROOT = join(import.meta.dirname, '../../..')
const scratch = mkdtempSync(join(tmpdir(), 'http-qq-assets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Size and pixels of a PNG, so files compare by picture, whatever zlib build compressed them. */
function decodePng(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file)
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const idat: Buffer[] = []
  let width = 0
  let height = 0
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset)
    const type = data.toString('ascii', offset + 4, offset + 8)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)]
    if (type === 'IDAT') idat.push(body)
    offset += 12 + length
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) }
}

describe('the generated icons and sounds', () => {
  it('are committed exactly as the generator draws them', () => {
    const fresh = writeIcons(scratch)
    expect(fresh).toHaveLength(Object.keys(ICON_FILES).length)
    for (const path of Object.keys(ICON_FILES)) {
      expect(decodePng(join(scratch, path)), path).toEqual(decodePng(join(ROOT, path)))
    }
    for (const file of writeSounds(join(scratch, 'sounds'))) {
      const name = file.slice(file.lastIndexOf('/') + 1)
      expect(readFileSync(file), name).toEqual(readFileSync(join(ROOT, 'resources/sounds', name)))
    }
  })

  it('draws icons at the sizes the platforms need, with transparency', () => {
    expect(decodePng(join(ROOT, 'build/icons/icon.png'))).toMatchObject({
      width: 1024,
      height: 1024
    })
    const tray = decodePng(join(ROOT, 'resources/icons/tray-online.png'))
    expect(tray).toMatchObject({ width: 16, height: 16 })
    expect(decodePng(join(ROOT, 'resources/icons/tray-online@2x.png'))).toMatchObject({ width: 32 })
    // The corner is transparent (a bubble, not a square); the middle is painted.
    expect(tray.pixels[1 + 3]).toBe(0)
    const middle = 8 * (16 * 4 + 1) + 1 + 8 * 4
    expect(tray.pixels[middle + 3]).toBe(255)
  })

  it('writes short 16-bit mono sounds that start and end quietly', () => {
    for (const name of ['message', 'system', 'online']) {
      const wav = readFileSync(join(ROOT, 'resources/sounds', `${name}.wav`))
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
      expect(wav.readUInt16LE(22)).toBe(1)
      expect(wav.readUInt32LE(24)).toBe(SAMPLE_RATE)
      expect(wav.readUInt16LE(34)).toBe(16)
      const samples = (wav.length - 44) / 2
      expect(samples / SAMPLE_RATE).toBeGreaterThan(0.15)
      expect(samples / SAMPLE_RATE).toBeLessThan(0.6)
      expect(Math.abs(wav.readInt16LE(44))).toBeLessThan(500)
      expect(Math.abs(wav.readInt16LE(wav.length - 2))).toBeLessThan(500)
    }
  })
})
