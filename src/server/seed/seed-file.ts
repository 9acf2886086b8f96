import * as v from 'valibot'
import { MAX_UIN, MIN_UIN } from '../../shared/protocol/index.ts'
import { PROFILE_FIELDS } from '../storage/profile.ts'

const Uin = v.pipe(v.number(), v.integer(), v.minValue(MIN_UIN), v.maxValue(MAX_UIN))

const PASSWORD_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/

const SeedAccountSchema = v.strictObject({
  uin: Uin,
  password: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** Instead of `password`: a hash as the server stores it, e.g. from another data folder. */
  passwordHash: v.optional(v.pipe(v.string(), v.regex(PASSWORD_HASH))),
  nick: v.optional(v.string(), ''),
  face: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  policy: v.optional(v.picklist([0, 1, 2]), 0),
  profile: v.optional(
    v.record(v.picklist(PROFILE_FIELDS as string[]), v.union([v.string(), v.number()])),
    {}
  ),
  friends: v.optional(v.array(Uin), [])
})

/**
 * `{"accounts":[{"uin":10001,"password":"plain","nick":"…","face":0,"policy":0,
 * "profile":{"AG":"19","SX":"1"},"friends":[10002]}]}`: profile keys are GetInfo's keys;
 * `policy` is 0 allow, 1 verify, 2 refuse (D-15). Passwords are hashed on import; an
 * account may carry `passwordHash` instead, in the form the database keeps.
 */
export const SeedFileSchema = v.strictObject({ accounts: v.array(SeedAccountSchema) })

export type SeedAccount = v.InferInput<typeof SeedAccountSchema>
export type SeedFile = v.InferInput<typeof SeedFileSchema>
export type ParsedSeed = v.InferOutput<typeof SeedFileSchema>

/** What is wrong with a seed file; `detail` continues "the seed file …" (main adds its name). */
export class SeedError extends Error {
  override readonly name = 'SeedError'
  readonly detail: string

  constructor(detail: string) {
    super(`the seed file ${detail}`)
    this.detail = detail
  }
}

const SHAPE =
  'must be a JSON object {"accounts": [...]}, each account at least {"uin": 10001, "password": "..."}'

function hasAccountsList(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    Array.isArray((input as { accounts?: unknown }).accounts)
  )
}

/** Checks a seed file's content; throws a SeedError that says what is wrong and where. */
export function parseSeed(input: unknown): ParsedSeed {
  // Without the list, valibot's "Expected "accounts" but received undefined" says little.
  if (!hasAccountsList(input)) throw new SeedError(SHAPE)
  const result = v.safeParse(SeedFileSchema, input)
  if (!result.success) {
    const problems = result.issues.map((issue) => {
      const path = v.getDotPath(issue) ?? '(file)'
      return `${path}: ${issue.message}`
    })
    throw new SeedError(`is not valid: ${problems.join('; ')}`)
  }
  const seen = new Set<number>()
  for (const { uin, password, passwordHash } of result.output.accounts) {
    if (seen.has(uin)) throw new SeedError(`lists account ${uin} twice`)
    if ((password === undefined) === (passwordHash === undefined)) {
      throw new SeedError(
        `is not valid: account ${uin} needs a password or a passwordHash (one of them)`
      )
    }
    seen.add(uin)
  }
  return result.output
}
