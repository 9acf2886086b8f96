import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { registerAppScheme, serveAppProtocol } from '../../../src/main/app-protocol.ts'
import { HEADER_CSP } from '../../../src/serve/csp.ts'
import { protocol, resetElectronMock } from '../../mocks/electron.ts'

const root = mkdtempSync(join(tmpdir(), 'http-qq-protocol-'))
const renderer = join(root, 'renderer')
const sounds = join(root, 'sounds')
mkdirSync(join(renderer, 'assets'), { recursive: true })
mkdirSync(sounds)
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>QQ</title>')
writeFileSync(join(renderer, 'assets/app.js'), 'export {}')
writeFileSync(join(sounds, 'message.wav'), 'RIFF')
writeFileSync(join(root, 'secret.txt'), 'not for pages')
afterAll(() => rmSync(root, { recursive: true, force: true }))

function fetchApp(url: string, method = 'GET'): Promise<Response> {
  const handler = protocol.handlers.get('app')
  if (handler === undefined) throw new Error('no app protocol')
  return Promise.resolve(handler(new Request(url, { method })))
}

beforeEach(() => {
  resetElectronMock()
  registerAppScheme()
  serveAppProtocol('qq', [
    { prefix: '/', root: renderer },
    { prefix: '/sounds/', root: sounds }
  ])
})

describe('the app protocol', () => {
  it('is a standard, secure scheme with no other privilege', () => {
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } }
    ])
  })

  it('serves the renderer with its type and the CSP as a header', async () => {
    const page = await fetchApp('app://qq/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(HEADER_CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>QQ</title>')
    const script = await fetchApp('app://qq/assets/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const sound = await fetchApp('app://qq/sounds/message.wav')
    expect(sound.headers.get('content-type')).toBe('audio/wav')
  })

  it.each([
    'app://qq/..%2fsecret.txt',
    'app://qq/%2e%2e/secret.txt',
    'app://qq/assets/..%2f..%2fsecret.txt',
    'app://qq/sounds/..%2f..%2fsecret.txt',
    'app://qq/assets%5c..%5c..%5csecret.txt',
    'app://qq/index.html%00.js',
    'app://qq/%E0%A4%A',
    'app://qq/missing.js',
    'app://other/index.html'
  ])('answers 404 to %s and never reads outside its folders', async (url) => {
    const response = await fetchApp(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('not for pages')
  })

  it('only reads: POST is refused', async () => {
    expect((await fetchApp('app://qq/index.html', 'POST')).status).toBe(405)
  })
})
