import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../src/logging/logger.ts'

/**
 * The file's lines once the asynchronous destination has written `count` of them: a few
 * lines wait for the destination's periodic flush (a second), as on a quiet server.
 */
const written = (file: string, count: number): Promise<string[]> =>
  vi.waitFor(
    () => {
      const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1)
      if (lines.length < count) throw new Error(`${lines.length} lines so far`)
      return lines
    },
    { timeout: 10_000 }
  )
import { rotateLog } from '../../../src/logging/rotate.ts'

const folders: string[] = []
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'http-qq-log-'))
  folders.push(made)
  return made
}
afterEach(() => folders.splice(0).forEach((made) => rmSync(made, { recursive: true })))

describe('the logger', () => {
  it('writes JSON lines to a file, making its folder, with no pid or hostname', async () => {
    const file = join(folder(), 'logs', 'app.log')
    const logger = createLogger({ file, format: 'json' })
    logger.error({ call: 'login' }, 'a call failed')
    const [line] = await written(file, 1)
    expect(JSON.parse(line ?? '')).toEqual({
      level: 50,
      time: expect.any(Number),
      call: 'login',
      msg: 'a call failed'
    })
  })

  it('writes lines for people in the pretty format, records by the given form', async () => {
    const file = join(folder(), 'pretty.log')
    const logger = createLogger({
      file,
      format: 'pretty',
      pretty: {
        fields: ['cmd'],
        line: (record) => (record.cmd === undefined ? undefined : `did ${String(record.cmd)}`)
      }
    })
    logger.info({ cmd: 'Login' })
    logger.warn('plain words')
    const [request, plain] = await written(file, 2)
    expect(request).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: did Login$/)
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: plain words$/)
  })

  it('is JSON when it goes to a file and no format is named', async () => {
    const file = join(folder(), 'default.log')
    const logger = createLogger({ file })
    logger.info('hello')
    const [line] = await written(file, 1)
    expect(JSON.parse(line ?? '')).toMatchObject({ msg: 'hello' })
  })
})

describe('rotation at start', () => {
  it('keeps the last log as FILE.1 once it passes the size, and leaves a smaller one', () => {
    const file = join(folder(), 'main.log')
    rotateLog(file, 10) // nothing there yet
    writeFileSync(file, 'short\n')
    rotateLog(file, 10)
    expect(readFileSync(file, 'utf8')).toBe('short\n')
    writeFileSync(file, 'a longer log\n')
    rotateLog(file, 10)
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('a longer log\n')
  })
})
