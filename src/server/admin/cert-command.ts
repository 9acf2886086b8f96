import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fingerprintOf, makeCertificate } from '../tls/certificate.ts'
import { AdminError } from './accounts-admin.ts'
import { UsageError } from '../cli-errors.ts'

export const CERT_USAGE = `a certificate for TLS on the same port (D-27):
  cert --data DIR --host NAME [NAME…]   a self-signed certificate for the names and
                                        addresses clients use; prints its fingerprint`

export const CERT_FILE = 'tls-cert.pem'
export const KEY_FILE = 'tls-key.pem'

/** `cert --data DIR --host NAME…`: writes DIR/tls-cert.pem and DIR/tls-key.pem; returns what to print. */
export async function runCertCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, host: { type: 'string', multiple: true } }
  })
  const hosts = [...(values.host ?? []), ...positionals]
  if (values.data === undefined) throw new UsageError('cert needs --data DIR')
  if (hosts.length === 0) {
    throw new UsageError('cert needs --host NAME: the name or address clients connect to')
  }
  const certFile = join(values.data, CERT_FILE)
  const keyFile = join(values.data, KEY_FILE)
  if (existsSync(certFile) || existsSync(keyFile)) {
    throw new AdminError(
      'EXISTS',
      `${certFile} exists; remove it and ${KEY_FILE} to make a new one (clients that accepted the old one will refuse the new one until their users accept it)`
    )
  }
  const pair = await makeCertificate(hosts)
  mkdirSync(values.data, { recursive: true })
  writeFileSync(certFile, pair.cert)
  // The key is the server's identity: readable by its owner only.
  writeFileSync(keyFile, pair.key, { mode: 0o600 })
  return [
    `certificate for ${hosts.join(', ')}: ${certFile}`,
    `private key: ${keyFile}`,
    `SHA-256 fingerprint: ${fingerprintOf(pair.cert)}`,
    `serve it with: npm run server -- --data ${values.data} --tls-cert ${certFile} --tls-key ${keyFile}`
  ].join('\n')
}
