/**
 * Stable error codes: what every layer (transport, core, bridge, UI) branches on. The UI
 * words them in the user's language; the message that travels with a code is for logs.
 */
export const ERROR_CODES = [
  // The server's answers (section 4 of the protocol).
  'NOT_LOGGED_IN', // RES=20, also after the one re-login failed
  'PENALTY', // RES=3: the server held the request and refused it; retry no sooner than 20 s
  'INVALID_UIN', // RES=5: no such QQ number
  'WRONG_PASSWORD', // Login RS=1
  // The transport.
  'NO_REPLY', // NULL: the server closed the connection without a byte (it refused the request)
  'TIMEOUT', // no reply in time
  'UNREACHABLE', // connection refused, no route, DNS failure
  'BAD_REPLY', // a reply we cannot read
  'UNKNOWN_OUTCOME', // the connection broke after the request was written: it may have arrived
  'UNTRUSTED_CERTIFICATE', // https: no authority vouches for the certificate and none was accepted
  'CERTIFICATE_CHANGED', // https: not the certificate accepted before for this server
  // The client itself.
  'OFFLINE', // the action needs a session and there is none
  'INVALID_ARGUMENT', // a bridge call with arguments that fail validation
  'FORBIDDEN', // a bridge call from a frame that is not one of our windows
  'NOT_FOUND', // no such message, friend, group or window
  'ALREADY_SIGNED_IN', // a login for a number already signed in on that server
  'INTERNAL' // a bug: logged with its stack
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppError {
  readonly code: ErrorCode
  readonly message: string
  /** The certificate's SHA-256 fingerprint (hex pairs), for the user to compare and accept. */
  readonly fingerprint?: string
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})

/** An Error that carries a code across layers that throw; the bridge turns it into a Result. */
export class CodedError extends Error {
  readonly code: ErrorCode
  readonly fingerprint: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; fingerprint?: string }
  ) {
    super(message, options)
    this.name = 'CodedError'
    this.code = code
    this.fingerprint = options?.fingerprint
  }
}

/** The failed Result of a CodedError, with the certificate's fingerprint when it has one. */
export const failWith = (error: CodedError): Result<never> => ({
  ok: false,
  error: {
    code: error.code,
    message: error.message,
    ...(error.fingerprint === undefined ? {} : { fingerprint: error.fingerprint })
  }
})
