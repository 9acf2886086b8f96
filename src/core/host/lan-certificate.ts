/**
 * D-27 for the built-in server hosted on the local network: its own self-signed certificate,
 * made once and kept in its data folder, so the fingerprint others accepted stays the same
 * across restarts (and across a new LAN address: clients trust it by fingerprint, not name).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CERT_FILE, KEY_FILE } from '../../server/admin/cert-command.ts'
import { makeCertificate, type CertificatePair } from '../../server/tls/certificate.ts'
import { readCertificateFiles, TlsFileError } from '../../server/tls/tls-files.ts'

/** The names a certificate made now is for: the LAN addresses, and this computer's own. */
export function lanCertificateHosts(lanAddresses: readonly string[]): string[] {
  return [...new Set([...lanAddresses, 'localhost', '127.0.0.1', '::1'])]
}

/**
 * The certificate kept in `serverDir`, made first when there is none (the same files as
 * `cert`). Files that hold no certificate and key are replaced rather than keeping the app
 * from starting: those who accepted the old one are then told it changed, as they must be.
 */
export async function lanCertificate(
  serverDir: string,
  hosts: readonly string[]
): Promise<CertificatePair> {
  const certFile = join(serverDir, CERT_FILE)
  const keyFile = join(serverDir, KEY_FILE)
  if (existsSync(certFile) && existsSync(keyFile)) {
    try {
      return readCertificateFiles(certFile, keyFile)
    } catch (error) {
      if (!(error instanceof TlsFileError)) throw error
    }
  }
  const pair = await makeCertificate(hosts)
  mkdirSync(serverDir, { recursive: true })
  // A half-written pair from an earlier try goes, so the key is created anew with its mode.
  rmSync(keyFile, { force: true })
  // The key is the server's identity: readable by its owner only. It is written before the
  // certificate, so a certificate on disk always has its key.
  writeFileSync(keyFile, pair.key, { mode: 0o600 })
  writeFileSync(certFile, pair.cert)
  return pair
}
