/**
 * One HTTP POST per command. Implementations throw a CodedError with one of the transport
 * codes, so everything above them branches on codes, never on a library's error classes:
 * NO_REPLY (closed without a byte: the protocol's NULL), UNREACHABLE (never connected),
 * TIMEOUT, BAD_REPLY (not a readable HTTP reply), UNKNOWN_OUTCOME (broken after the request
 * was written: it may have been carried out), and for https UNTRUSTED_CERTIFICATE or
 * CERTIFICATE_CHANGED, carrying the fingerprint of the certificate the server showed.
 */
export interface TransportRequest {
  /** `host:port`, or `https://host:port` for TLS. */
  readonly server: string
  /**
   * https only: the SHA-256 fingerprint (upper-case hex pairs) of a certificate the user
   * accepted for this server. Without it, only a certificate the system's authorities vouch
   * for (name included) is used; a request never leaves before the check has passed.
   */
  readonly fingerprint?: string
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
