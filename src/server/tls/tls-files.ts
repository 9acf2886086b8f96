import { readFileSync } from 'node:fs'
import { StartError } from '../cli-errors.ts'
import type { CertificatePair } from './certificate.ts'

/** A certificate or key that cannot be used: the server does not start (`error TLS: …`). */
export class TlsFileError extends StartError {
  constructor(message: string) {
    super('TLS', message)
  }
}

function readPem(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new TlsFileError(`cannot read ${option} ${file} (${reason})`)
  }
}

/** The PEM files of `--tls-cert` and `--tls-key`. */
export function readCertificateFiles(certFile: string, keyFile: string): CertificatePair {
  const pair = { cert: readPem('--tls-cert', certFile), key: readPem('--tls-key', keyFile) }
  if (!pair.cert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TlsFileError(`--tls-cert ${certFile} holds no PEM certificate`)
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pair.key)) {
    throw new TlsFileError(`--tls-key ${keyFile} holds no PEM private key`)
  }
  return pair
}
