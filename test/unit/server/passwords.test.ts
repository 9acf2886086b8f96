import { describe, expect, it } from 'vitest'
import { hashPassword, md5Hex, verifyPasswordMd5 } from '../../../src/server/storage/passwords.ts'

const cheap = { N: 16, r: 1, p: 1 }

describe('passwords (D-11)', () => {
  it('stores a salted scrypt of the MD5, never the MD5 itself', async () => {
    const md5 = md5Hex('secret')
    const [first, second] = await Promise.all([
      hashPassword('secret', cheap),
      hashPassword('secret', cheap)
    ])
    expect(first).toMatch(/^scrypt\$16\$1\$1\$/)
    expect(first).not.toContain(md5)
    expect(first).not.toBe(second)
  })

  it('accepts the MD5 in either case and refuses anything else', async () => {
    const stored = await hashPassword('secret', cheap)
    const md5 = md5Hex('secret')
    expect(await verifyPasswordMd5(md5, stored)).toBe(true)
    expect(await verifyPasswordMd5(md5.toUpperCase(), stored)).toBe(true)
    expect(await verifyPasswordMd5(md5Hex('Secret'), stored)).toBe(false)
    expect(await verifyPasswordMd5(md5, 'plain text')).toBe(false)
  })

  it('uses scrypt with N=16384 by default', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$16384\$8\$1\$/)
  })
})
