import { TLSSocket } from 'node:tls'
import { buildConnector } from 'undici'
import { CodedError } from '../shared/errors.ts'

/**
 * An undici `connect` for https that trusts the system's authorities first and, failing
 * them, exactly one certificate the user accepted (`pinned`, by its SHA-256 fingerprint).
 * Node is told not to refuse on its own so that the certificate can be named to the user;
 * the check below then refuses before undici writes a byte of the request.
 */
export function pinningConnector(
  pinned: string | undefined,
  timeoutMs: number
): buildConnector.connector {
  // No resumed sessions: a resumed handshake shows no certificate to check.
  const connect = buildConnector({
    rejectUnauthorized: false,
    maxCachedSessions: 0,
    timeout: timeoutMs
  })
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error !== null) {
        // Nothing was sent: a failed handshake (a server without TLS, say) is no answer.
        const code = (error as { code?: unknown }).code
        if (typeof code === 'string' && /^ERR_SSL_|^ERR_TLS_|^EPROTO$/.test(code)) {
          callback(new CodedError('UNREACHABLE', `TLS: ${error.message}`, { cause: error }), null)
        } else callback(error, null)
        return
      }
      // `authorized`: a chain to one of the system's authorities, for this host name.
      if (!(socket instanceof TLSSocket) || socket.authorized) return callback(null, socket)
      const fingerprint = socket.getPeerCertificate().fingerprint256
      if (pinned !== undefined && fingerprint === pinned) return callback(null, socket)
      socket.destroy()
      const why =
        pinned === undefined
          ? `no authority vouches for the certificate (${socket.authorizationError})`
          : 'the certificate is not the one accepted before'
      const refusal = new CodedError(
        pinned === undefined ? 'UNTRUSTED_CERTIFICATE' : 'CERTIFICATE_CHANGED',
        `${options.hostname}: ${why}; its fingerprint is ${fingerprint}`,
        { fingerprint }
      )
      callback(refusal, null)
    })
}
