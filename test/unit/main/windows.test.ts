import { beforeEach, describe, expect, it } from 'vitest'
import type { WindowRoute } from '../../../src/shared/routes.ts'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import { createBoundsMemory } from '../../../src/main/windows/bounds-memory.ts'
import { createWindowManager } from '../../../src/main/windows/window-manager.ts'
import type { BrowserWindow } from '../../mocks/electron.ts'
import { resetElectronMock, screen } from '../../mocks/electron.ts'

let memory: Map<string, unknown>

function manager() {
  const windows = createWindowManager({
    origin: createAppOrigin(),
    preload: '/app/out/preload/index.cjs',
    icon: '/app/resources/icons/app.png',
    bounds: createBoundsMemory(
      { get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) },
      () => screen.workAreas
    ),
    hideOnClose: (route) => route.kind === 'buddies',
    onClosed: () => undefined
  })
  const open = (route: WindowRoute) => windows.open(route) as unknown as BrowserWindow
  return { windows, open }
}

beforeEach(() => {
  resetElectronMock()
  memory = new Map()
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
})

describe('every window', () => {
  const routes: WindowRoute[] = [
    { kind: 'login' },
    { kind: 'buddies' },
    { kind: 'chat', uin: 10001 },
    { kind: 'profile', uin: 10001 },
    { kind: 'system' },
    { kind: 'history', uin: null },
    { kind: 'settings' }
  ]
  it.each(routes)('%j is locked down and loads the renderer at its route', (route) => {
    const window = manager().open(route)
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(window.webContents.getURL()).toMatch(/^app:\/\/qq\/index\.html#\//)
    // Shown once painted, never blank.
    expect(window.isVisible()).toBe(false)
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(true)
  })
})

describe('window shapes', () => {
  it('gives the login a fixed 330×250 and the buddy list a tall, narrow 280×620', () => {
    const { open } = manager()
    expect(open({ kind: 'login' }).options).toMatchObject({
      width: 330,
      height: 250,
      resizable: false
    })
    expect(open({ kind: 'buddies' }).options).toMatchObject({
      width: 280,
      height: 620,
      resizable: true
    })
    expect(open({ kind: 'chat', uin: 1 }).options).toMatchObject({ width: 520, height: 460 })
  })

  it('keeps one chat per friend and brings an open one back', () => {
    const { windows, open } = manager()
    const first = open({ kind: 'chat', uin: 10001 })
    first.minimized = true
    first.hide()
    expect(open({ kind: 'chat', uin: 10001 })).toBe(first)
    expect(first.isMinimized()).toBe(false)
    expect(first.isFocused()).toBe(true)
    open({ kind: 'chat', uin: 10002 })
    expect(windows.routes()).toHaveLength(2)
  })
})

describe('the buddy list', () => {
  it('opens where it was last put', () => {
    const first = manager().open({ kind: 'buddies' })
    first.setBounds({ x: 1500, y: 100, width: 300, height: 700 })
    first.destroy()
    expect(manager().open({ kind: 'buddies' }).options).toMatchObject({
      x: 1500,
      y: 100,
      width: 300,
      height: 700
    })
  })

  it('comes back on screen when its last place is on a monitor that is gone', () => {
    const first = manager().open({ kind: 'buddies' })
    first.setBounds({ x: 2500, y: 100, width: 280, height: 620 })
    first.destroy()
    screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
    const again = manager().open({ kind: 'buddies' })
    expect(again.options).toMatchObject({ width: 280, height: 620 })
    expect(again.options).not.toHaveProperty('x')
  })

  it('hides on close (to the tray) and closes for good when destroyed', () => {
    const { windows, open } = manager()
    const buddies = open({ kind: 'buddies' })
    buddies.show()
    buddies.close()
    expect(buddies.isDestroyed()).toBe(false)
    expect(buddies.isVisible()).toBe(false)
    windows.destroy({ kind: 'buddies' })
    expect(buddies.isDestroyed()).toBe(true)
    expect(windows.routes()).toEqual([])
  })
})
