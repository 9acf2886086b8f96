import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { applyAutostart, DESKTOP_FILE, linuxAutostartEntry } from '../../../src/main/autostart.ts'
import { app, resetElectronMock } from '../../mocks/electron.ts'

const config = mkdtempSync(join(tmpdir(), 'http-qq-autostart-'))
const entry = join(config, 'autostart', DESKTOP_FILE)
const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/me/Apps/HTTP QQ.AppImage' }
afterAll(() => rmSync(config, { recursive: true, force: true }))

beforeEach(() => {
  resetElectronMock()
  app.isPackaged = true
})

const electronApp = app as never

describe('starting with the system', () => {
  it('uses a desktop entry on Linux, starting the AppImage itself', async () => {
    await applyAutostart(electronApp, true, 'linux', env)
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/home/me/Apps/HTTP QQ.AppImage"\n')
    await applyAutostart(electronApp, false, 'linux', env)
    expect(existsSync(entry)).toBe(false)
    expect(app.loginItems).toEqual([])
  })

  it('uses login items on Windows and macOS', async () => {
    await applyAutostart(electronApp, true, 'win32', env)
    await applyAutostart(electronApp, false, 'darwin', env)
    expect(app.loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }])
  })

  it('does nothing for a development run', async () => {
    app.isPackaged = false
    await applyAutostart(electronApp, true, 'linux', env)
    await applyAutostart(electronApp, true, 'win32', env)
    expect(existsSync(entry)).toBe(false)
    expect(app.loginItems).toEqual([])
  })

  it('quotes the command as the desktop entry spec asks', () => {
    expect(linuxAutostartEntry('/opt/a "b" $c 100%\\d')).toContain(
      'Exec="/opt/a \\\\"b\\\\" \\\\$c 100%%\\\\\\\\d"'
    )
  })
})
