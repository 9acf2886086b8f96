import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionPhase } from '../../../src/shared/model.ts'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import { followSession, showMainWindow } from '../../../src/main/windows/session-windows.ts'
import { createStateMirror } from '../../../src/main/state-mirror.ts'
import { createWindowManager } from '../../../src/main/windows/window-manager.ts'
import { resetElectronMock } from '../../mocks/electron.ts'
import { snapshot } from './fixtures.ts'

function setup() {
  const windows = createWindowManager({
    origin: createAppOrigin(),
    preload: '/p.cjs',
    icon: '/i.png',
    bounds: { load: () => undefined, save: () => undefined },
    hideOnClose: (route) => route.kind === 'buddies',
    onClosed: () => undefined
  })
  const mirror = createStateMirror(
    snapshot({ session: { phase: 'offline', uin: null, status: 20 } })
  )
  mirror.onChange((state, before) => followSession(windows, state, before))
  const go = (phase: SessionPhase): void =>
    mirror.apply({
      type: 'session',
      session: { phase, uin: phase === 'offline' ? null : 10000, status: 10 }
    })
  const kinds = (): string[] => windows.routes().map((route) => route.kind)
  return { windows, mirror, go, kinds }
}

beforeEach(() => resetElectronMock())

describe('windows that follow the session', () => {
  it('swap the login window for the buddy list once logged in', () => {
    const { windows, go, kinds } = setup()
    windows.open({ kind: 'login' })
    go('logging-in')
    expect(kinds()).toEqual(['login'])
    go('online')
    expect(kinds()).toEqual(['buddies'])
  })

  it('leave the login window alone when a login fails', () => {
    const { windows, go, kinds } = setup()
    windows.open({ kind: 'login' })
    go('logging-in')
    go('offline')
    expect(kinds()).toEqual(['login'])
  })

  it('keep everything through a reconnection, and close the account’s windows when it ends', () => {
    const { windows, go, kinds, mirror } = setup()
    windows.open({ kind: 'login' })
    go('logging-in')
    go('online')
    windows.open({ kind: 'chat', uin: 10001 })
    go('reconnecting')
    go('online')
    expect(kinds()).toEqual(['buddies', 'chat'])
    showMainWindow(windows, mirror.current())
    expect(kinds()).toEqual(['buddies', 'chat'])
    go('offline')
    expect(kinds()).toEqual(['login'])
  })
})
