import { createSecureContext, type SecureContext } from 'node:tls'
import type { CertificatePair } from './certificate.ts'
import { TlsFileError } from './tls-files.ts'

/** What the front answers TLS with; a pair that does not fit together fails the start. */
export function secureContextOf(pair: CertificatePair): SecureContext {
  try {
    return createSecureContext({ ...pair, minVersion: 'TLSv1.2' })
  } catch (error) {
    throw new TlsFileError(`the certificate and key cannot be used (${(error as Error).message})`)
  }
}
