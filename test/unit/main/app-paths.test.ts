import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveAppPaths } from '../../../src/main/app-paths.ts'
import { app, resetElectronMock } from '../../mocks/electron.ts'

beforeEach(() => resetElectronMock())
afterEach(() => {
  delete process.env.HTTP_QQ_PROFILE
})

describe('the app’s paths', () => {
  it('finds the build beside the main bundle and the resources in the app', () => {
    const paths = resolveAppPaths(app as never, '/opt/http-qq/resources/app.asar/out/main')
    expect(paths).toEqual({
      preload: '/opt/http-qq/resources/app.asar/out/preload/index.cjs',
      renderer: '/opt/http-qq/resources/app.asar/out/renderer',
      icons: '/opt/http-qq/resources/app.asar/resources/icons',
      sounds: '/opt/http-qq/resources/app.asar/resources/sounds',
      appIcon: '/opt/http-qq/resources/app.asar/resources/icons/app.png',
      coreHost: '/opt/http-qq/resources/app.asar/out/main/core-host.js',
      profile: '/tmp/http-qq-test',
      logs: '/tmp/http-qq-test/logs'
    })
  })

  it('keeps the whole profile where HTTP_QQ_PROFILE says', () => {
    process.env.HTTP_QQ_PROFILE = '/srv/qq-second-account'
    expect(resolveAppPaths(app as never, '/x/out/main').profile).toBe('/srv/qq-second-account')
    expect(app.getPath('userData')).toBe('/srv/qq-second-account')
  })
})
