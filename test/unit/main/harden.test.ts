import { beforeEach, describe, expect, it } from 'vitest'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import { denyPermissions, hardenContents } from '../../../src/main/security/harden.ts'
import { app, BrowserWindow, resetElectronMock, session } from '../../mocks/electron.ts'

beforeEach(() => {
  resetElectronMock()
  hardenContents(app as never, createAppOrigin().isAppUrl)
})

describe('every web contents', () => {
  it('may not open windows', () => {
    const { webContents } = new BrowserWindow()
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny'
    })
    expect(webContents.windowOpenHandler?.({ url: 'app://qq/index.html' })).toEqual({
      action: 'deny'
    })
  })

  it('may navigate only within our pages, and never by redirect elsewhere', () => {
    const { webContents } = new BrowserWindow()
    expect(webContents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true)
    expect(webContents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(webContents.emitCancellable('will-navigate', 'app://qq.evil/index.html')).toBe(true)
    expect(webContents.emitCancellable('will-navigate', 'app://qq/index.html#/buddies')).toBe(false)
    expect(webContents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true)
  })

  it('may not attach a webview', () => {
    const { webContents } = new BrowserWindow()
    expect(webContents.emitCancellable('will-attach-webview', {}, {})).toBe(true)
  })
})

describe('the session', () => {
  it('denies every permission request and check', () => {
    denyPermissions(session.defaultSession as never)
    const answers: boolean[] = []
    const { permissionRequest, permissionCheck, devicePermission, displayMedia } =
      session.defaultSession
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      ;(permissionRequest as (...args: unknown[]) => void)(null, permission, (granted: boolean) =>
        answers.push(granted)
      )
      expect((permissionCheck as (...args: unknown[]) => boolean)(null, permission)).toBe(false)
    }
    expect(answers).toEqual([false, false, false, false])
    expect((devicePermission as (...args: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false)
    let streams: unknown = 'not answered'
    ;(displayMedia as (...args: unknown[]) => void)({}, (given: unknown) => (streams = given))
    expect(streams).toEqual({})
  })
})
