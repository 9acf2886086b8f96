import { describe, expect, it } from 'vitest'
import { displayName } from '../../../src/shared/display-name.ts'

describe('displayName', () => {
  it('is the remark, else the nick, else the number', () => {
    expect(displayName({ uin: 10002, nick: 'Bob', remark: 'My brother' })).toBe('My brother')
    expect(displayName({ uin: 10002, nick: 'Bob', remark: '' })).toBe('Bob')
    expect(displayName({ uin: 10002, nick: '', remark: '' })).toBe('10002')
  })

  it('names someone known only by number, as an alert from a stranger is', () => {
    expect(displayName({ uin: 10009 })).toBe('10009')
  })
})
