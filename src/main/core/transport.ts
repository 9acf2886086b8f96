/**
 * One HTTP POST per command. Implementations throw a CodedError with one of the transport
 * codes, so everything above them branches on codes, never on a library's error classes:
 * NO_REPLY (closed without a byte: the protocol's NULL), UNREACHABLE (never connected),
 * TIMEOUT, BAD_REPLY (not a readable HTTP reply), UNKNOWN_OUTCOME (broken after the request
 * was written: it may have been carried out).
 */
export interface TransportRequest {
  /** `host:port`. */
  readonly server: string
  readonly body: string
  readonly timeoutMs: number
  readonly signal?: AbortSignal
}

export interface Transport {
  /** The reply body's bytes. */
  post(request: TransportRequest): Promise<Uint8Array>
  /** Ends every connection; requests in flight fail. */
  close(): Promise<void>
}
