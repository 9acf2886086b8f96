import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * D-11: clients send the MD5 of the password, which is as good as the password itself, so
 * the server keeps only a salted scrypt of that MD5 (lower-cased hex). The parameters are
 * stored with each hash, so they can be raised later without breaking old accounts.
 */
export interface HashCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

export const DEFAULT_COST: HashCost = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(md5Hex: string, salt: Buffer, cost: HashCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(md5Hex.toLowerCase(), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  )
}

export function md5Hex(password: string): string {
  return createHash('md5').update(password, 'utf8').digest('hex')
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export async function hashPasswordMd5(md5: string, cost: HashCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(md5, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$'
  )
}

export function hashPassword(password: string, cost?: HashCost): Promise<string> {
  return hashPasswordMd5(md5Hex(password), cost)
}

/** Whether `md5` (either case, as clients send it) is the one `stored` was made from. */
export async function verifyPasswordMd5(md5: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(md5, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p)
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
