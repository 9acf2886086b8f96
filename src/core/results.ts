import { CodedError, fail, failWith, ok, type ErrorCode, type Result } from '../shared/errors.ts'
import { diagnostics } from '../logging/diagnostics.ts'

/** The stable code of anything thrown; a bug (no code) is INTERNAL. */
export function codeOf(error: unknown): ErrorCode {
  return error instanceof CodedError ? error.code : 'INTERNAL'
}

/** Runs a call and turns whatever it throws into a failed Result: calls never throw. */
export async function attempt<T>(name: string, work: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (error) {
    if (error instanceof CodedError) return failWith(error)
    diagnostics().error({ err: error }, `${name} failed`)
    return fail('INTERNAL', `${name} failed unexpectedly`)
  }
}

/** Transport failures that say "the server or the network is not there right now". */
const CONNECTION_CODES: ReadonlySet<ErrorCode> = new Set([
  'NO_REPLY',
  'TIMEOUT',
  'UNREACHABLE',
  'BAD_REPLY',
  'UNKNOWN_OUTCOME'
])

export function isConnectionTrouble(code: ErrorCode): boolean {
  return CONNECTION_CODES.has(code)
}
