import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CertificatePins } from '../../../src/core/certificate-pins.ts'
import { createFileSettingsStore } from '../../../src/core/settings/settings-file.ts'
import { useTempDirs } from './temp-dir.ts'

const tempDir = useTempDirs()
const pairs = (byte: string) => Array.from({ length: 32 }, () => byte).join(':')
const A = pairs('AA')
const B = pairs('BB')

function pinsIn(dir: string) {
  const file = join(dir, 'settings.json')
  return { file, pins: new CertificatePins(createFileSettingsStore(file)) }
}

describe('accepted certificates', () => {
  it('keeps one fingerprint per https server, found by any way of writing its address', () => {
    const { file, pins } = pinsIn(tempDir())
    pins.keep('https://qq.example', A)
    expect(pins.fingerprintFor('HTTPS://qq.example:8000/')).toBe(A)
    expect(pins.fingerprintFor('https://qq.example:8443')).toBeUndefined()
    expect(pins.fingerprintFor('qq.example:8000')).toBeUndefined()
    // A second store on the same file: what the next start of the app reads.
    expect(
      new CertificatePins(createFileSettingsStore(file)).fingerprintFor('https://qq.example')
    ).toBe(A)
  })

  it('tries a fingerprint for one login over the kept one, and forgets it unless kept', () => {
    const { pins } = pinsIn(tempDir())
    pins.keep('https://qq.example', A)
    const end = pins.tryOut('https://qq.example:8000', B)
    expect(pins.fingerprintFor('https://qq.example')).toBe(B)
    end()
    expect(pins.fingerprintFor('https://qq.example')).toBe(A)
    pins.tryOut('https://qq.example', B)()
    pins.keep('https://qq.example', B)
    expect(pins.fingerprintFor('https://qq.example')).toBe(B)
  })

  it('never keeps one for a plain server, and reads only fingerprints from the file', () => {
    const { file, pins } = pinsIn(tempDir())
    pins.keep('qq.example:8000', A)
    expect(existsSync(file)).toBe(false)
    writeFileSync(
      file,
      JSON.stringify({
        certificates: {
          'https://good.example:8000': B.replaceAll(':', '').toLowerCase(),
          'https://bad.example:8000': 'not a fingerprint',
          'http://plain.example:8000': A,
          'https://number.example:8000': 42
        }
      })
    )
    expect(pins.fingerprintFor('https://good.example')).toBe(B)
    expect(pins.fingerprintFor('https://bad.example')).toBeUndefined()
    expect(pins.fingerprintFor('http://plain.example')).toBeUndefined()
    expect(pins.fingerprintFor('https://number.example')).toBeUndefined()
    expect(pins.fingerprintFor('not an address at all')).toBeUndefined()
  })
})
