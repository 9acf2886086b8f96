import { describe, expect, it } from 'vitest'
import {
  formAfterLoad,
  initialForm,
  loginRequest,
  parseUin,
  showsDemoAccounts
} from '../../../src/renderer/src/login/login-form.ts'
import type { LoginOptions } from '../../../src/shared/model.ts'

const OPTIONS: LoginOptions = {
  server: '127.0.0.1:8000',
  embedded: true,
  demoAccounts: [],
  savedAccounts: [
    { uin: 10001, signedIn: false, rememberPassword: true, autoLogin: true, status: 30 }
  ],
  keepsPasswords: true,
  autoLoginUins: [10001],
  signedIn: []
}

/** A second saved account that logs in by itself, online, and a third that does not. */
const SEVERAL: LoginOptions = {
  ...OPTIONS,
  savedAccounts: [
    ...OPTIONS.savedAccounts,
    { uin: 10002, signedIn: false, rememberPassword: true, autoLogin: true, status: 10 },
    { uin: 10003, signedIn: false, rememberPassword: false, autoLogin: false, status: 10 }
  ],
  autoLoginUins: [10001, 10002]
}

describe('parseUin', () => {
  it('accepts the numbers the protocol carries: 10000 to 4294967295', () => {
    expect(parseUin('10000')).toBe(10000)
    expect(parseUin(' 4294967295 ')).toBe(4294967295)
    expect(parseUin('9999')).toBeNull()
    expect(parseUin('4294967296')).toBeNull()
    expect(parseUin('1e5')).toBeNull()
    expect(parseUin('')).toBeNull()
  })
})

describe('initialForm', () => {
  it('starts from the last account used, with its choices', () => {
    expect(initialForm(OPTIONS)).toEqual({
      server: '',
      uin: '10001',
      password: '',
      rememberPassword: true,
      autoLogin: true,
      status: 30
    })
  })

  it('shows a configured server, and starts empty without accounts', () => {
    const form = initialForm({
      ...OPTIONS,
      embedded: false,
      server: 'qq.example:8000',
      savedAccounts: []
    })
    expect(form).toMatchObject({ server: 'qq.example:8000', uin: '', status: 10 })
  })

  it('fills in the number the server signed out, on its server, to log in again', () => {
    const signedOut = (account: string, server: string) =>
      initialForm({
        ...OPTIONS,
        savedAccounts: [
          ...OPTIONS.savedAccounts,
          { uin: 10002, signedIn: false, rememberPassword: false, autoLogin: false, status: 10 }
        ],
        lost: { account, uin: 10002, server, reason: 'WRONG_PASSWORD' }
      })
    expect(signedOut('10002@built-in', '127.0.0.1:8000')).toMatchObject({
      server: '',
      uin: '10002',
      rememberPassword: false
    })
    expect(signedOut('10002@qq.example:8000', 'qq.example:8000')).toMatchObject({
      server: 'qq.example:8000',
      uin: '10002'
    })
  })
})

describe('loginRequest', () => {
  const form = { ...initialForm(null), uin: '10002', password: 'secret' }

  it('builds the request', () => {
    expect(loginRequest({ ...form, server: ' 10.0.0.1:8000 ' }, OPTIONS)).toEqual({
      uin: 10002,
      password: 'secret',
      status: 10,
      rememberPassword: false,
      autoLogin: false,
      server: '10.0.0.1:8000'
    })
  })

  it('names what to fix: the number, then the password', () => {
    expect(loginRequest({ ...form, uin: '12' }, OPTIONS)).toBe('badUin')
    expect(loginRequest({ ...form, password: '' }, OPTIONS)).toBe('noPassword')
  })

  it('lets the password stay empty when the app remembers it', () => {
    expect(loginRequest({ ...form, uin: '10001', password: '' }, OPTIONS)).toMatchObject({
      uin: 10001,
      password: ''
    })
  })

  it('logs in automatically only with a remembered password', () => {
    expect(loginRequest({ ...form, autoLogin: true }, OPTIONS)).toMatchObject({ autoLogin: false })
    expect(
      loginRequest({ ...form, autoLogin: true, rememberPassword: true }, OPTIONS)
    ).toMatchObject({
      autoLogin: true
    })
  })
})

describe('initialForm with accounts signed in', () => {
  it('starts from the last account used that is not signed in yet, or empty', () => {
    const [saved, ...rest] = SEVERAL.savedAccounts
    if (saved === undefined) throw new Error('no saved account')
    const first = { ...saved, signedIn: true }
    expect(initialForm({ ...SEVERAL, savedAccounts: [first, ...rest] })).toMatchObject({
      uin: '10002',
      status: 10
    })
    expect(initialForm({ ...OPTIONS, savedAccounts: [first] })).toMatchObject({ uin: '' })
  })
})

describe('formAfterLoad', () => {
  it('fills in what the options suggest when nothing was typed yet', () => {
    expect(formAfterLoad(initialForm(null), OPTIONS)).toEqual(initialForm(OPTIONS))
    expect(formAfterLoad(initialForm(null), OPTIONS)).toMatchObject({ uin: '10001' })
  })

  it('keeps what the person typed while the options loaded', () => {
    const typed = { ...initialForm(null), uin: '10002', password: 'typed fast' }
    expect(formAfterLoad(typed, OPTIONS)).toBe(typed)
    const ticked = { ...initialForm(null), rememberPassword: true }
    expect(formAfterLoad(ticked, OPTIONS)).toBe(ticked)
  })
})

describe('showsDemoAccounts', () => {
  const demo = { ...OPTIONS, demoAccounts: [{ uin: 10001, nick: '小企鹅', face: 0 }] }
  const form = initialForm(demo)

  it('offers the demo accounts on the built-in server, named or left empty', () => {
    expect(showsDemoAccounts(form, demo)).toBe(true)
    expect(showsDemoAccounts({ ...form, server: ' 127.0.0.1:8000 ' }, demo)).toBe(true)
  })

  it('hides them once another server is typed, or when there are none', () => {
    expect(showsDemoAccounts({ ...form, server: '10.0.0.1:8000' }, demo)).toBe(false)
    expect(showsDemoAccounts(form, { ...demo, embedded: false })).toBe(false)
    expect(showsDemoAccounts(form, OPTIONS)).toBe(false)
    expect(showsDemoAccounts(form, null)).toBe(false)
  })
})
