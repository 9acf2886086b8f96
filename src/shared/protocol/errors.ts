/**
 * Why a body or reply could not be read. A server answers every one of these with NULL
 * (closing the connection); a client reports them as a bad reply.
 */
export type ProtocolErrorCode =
  | 'BODY_TOO_LARGE'
  | 'INVALID_UTF8'
  | 'MISSING_EQUALS'
  | 'INVALID_KEY'
  | 'DUPLICATE_KEY'
  | 'MISSING_FIELD'
  | 'INVALID_NUMBER'
  | 'INVALID_VALUE'
  | 'UNKNOWN_COMMAND'
  | 'UNSUPPORTED_VERSION'

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode

  constructor(code: ProtocolErrorCode, message: string) {
    super(message)
    this.name = 'ProtocolError'
    this.code = code
  }
}

export function isProtocolError(error: unknown): error is ProtocolError {
  return error instanceof ProtocolError
}
