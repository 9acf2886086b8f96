import { X509Certificate } from 'node:crypto'
import { isIP } from 'node:net'
import { generate } from 'selfsigned'

export interface CertificatePair {
  /** PEM */
  readonly cert: string
  /** PEM, unencrypted: it lives in the server's data folder, readable by its owner only. */
  readonly key: string
}

/** Ten years: a self-signed certificate is trusted by its fingerprint, not by its dates. */
const VALID_YEARS = 10

/** A self-signed certificate for the given host names and addresses (the first is its name). */
export async function makeCertificate(hosts: readonly string[]): Promise<CertificatePair> {
  const notBeforeDate = new Date()
  const notAfterDate = new Date(notBeforeDate)
  notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS)
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((host) =>
          isIP(host) ? { type: 7, ip: host } : { type: 2, value: host }
        )
      }
    ]
  })
  return { cert: pems.cert, key: pems.private }
}

/** The SHA-256 fingerprint people compare: upper-case hex pairs joined by colons. */
export function fingerprintOf(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256
}
