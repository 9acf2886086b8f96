import { describe, expect, it, vi } from 'vitest'
import { diagnostics } from '../../../src/logging/diagnostics.ts'
import { fail, ok } from '../../../src/shared/errors.ts'
import type { LoginOptions, LoginRequest, SignedIn } from '../../../src/shared/model.ts'
import { autoLogin } from '../../../src/main/auto-login.ts'
import { signedIn } from './fixtures.ts'

const saved = (uin: number, status: 10 | 20 | 30 | 40) => ({
  uin,
  signedIn: false,
  rememberPassword: true,
  autoLogin: true,
  status
})

function core(autoLoginUins: number[], refused: number[] = []) {
  const options: LoginOptions = {
    server: '127.0.0.1:8000',
    embedded: true,
    demoAccounts: [],
    savedAccounts: [saved(10001, 30), saved(10002, 20), saved(10003, 10)],
    keepsPasswords: true,
    autoLoginUins,
    signedIn: []
  }
  const requests: LoginRequest[] = []
  return {
    requests,
    getLoginOptions: async () => ok(options),
    async login(request: LoginRequest) {
      requests.push(request)
      return refused.includes(request.uin)
        ? fail('WRONG_PASSWORD', 'wrong password')
        : ok(signedIn(request.uin, `nick${request.uin}`))
    }
  }
}

describe('logging in by itself at start', () => {
  it('signs in every account marked for it, one after another, each with its last status', async () => {
    const fake = core([10001, 10002])
    const opened: SignedIn[] = []
    expect(await autoLogin(fake, (who) => opened.push(who))).toEqual({ signedIn: 2, failed: 0 })
    expect(fake.requests).toEqual([
      {
        uin: 10001,
        password: '',
        status: 30,
        rememberPassword: true,
        autoLogin: true,
        server: '',
        automatic: true
      },
      // Offline last time is no status to log in with.
      {
        uin: 10002,
        password: '',
        status: 10,
        rememberPassword: true,
        autoLogin: true,
        server: '',
        automatic: true
      }
    ])
    expect(opened).toEqual([signedIn(10001, 'nick10001'), signedIn(10002, 'nick10002')])
  })

  it('goes on past one that fails, logs why and counts it (the login window then opens)', async () => {
    const fake = core([10001, 10002, 10003], [10002])
    const opened: number[] = []
    const warned = vi.spyOn(diagnostics(), 'warn').mockImplementation(() => undefined)
    try {
      expect(await autoLogin(fake, (who) => opened.push(who.me.uin))).toEqual({
        signedIn: 2,
        failed: 1
      })
      expect(warned).toHaveBeenCalledWith(
        { uin: 10002, code: 'WRONG_PASSWORD' },
        'automatic login failed'
      )
    } finally {
      warned.mockRestore()
    }
    expect(opened).toEqual([10001, 10003])
  })

  it('does nothing when no account is marked for it', async () => {
    const fake = core([])
    expect(await autoLogin(fake, () => undefined)).toEqual({ signedIn: 0, failed: 0 })
    expect(fake.requests).toEqual([])
  })
})
