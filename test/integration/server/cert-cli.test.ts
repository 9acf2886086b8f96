/** `npm run server -- cert …` and the TLS options, from the shell (D-27). */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { dataFolder } from './servers.ts'
import { run } from './server-cli.ts'

const FINGERPRINT = /SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/

describe('the server certificate from the command line', () => {
  it('makes a self-signed certificate, prints its fingerprint, and the server serves it', async () => {
    const data = dataFolder()
    const made = await run([
      'cert',
      '--data',
      data,
      '--host',
      'qq.example.lan',
      '--host',
      '10.0.0.5'
    ])
    expect(made).toMatchObject({ code: 0, stderr: '' })
    const certFile = join(data, 'tls-cert.pem')
    const keyFile = join(data, 'tls-key.pem')
    const cert = new X509Certificate(readFileSync(certFile))
    expect(made.stdout.match(FINGERPRINT)?.[1]).toBe(cert.fingerprint256)
    expect(cert.subjectAltName).toBe('DNS:qq.example.lan, IP Address:10.0.0.5')
    expect(statSync(keyFile).mode & 0o077).toBe(0)

    const serving = await run(
      ['--port', '0', '--data', data, '--tls-cert', certFile, '--tls-key', keyFile],
      { untilOutput: /fingerprint: .+\n/ }
    )
    expect(serving.stdout).toMatch(/TLS on the same port: https:\/\/127\.0\.0\.1:\d+\n/)
    expect(serving.stdout.match(/fingerprint: (.+)\n/)?.[1]).toBe(cert.fingerprint256)
  })

  it('refuses to replace a certificate clients may have accepted', async () => {
    const data = dataFolder()
    expect((await run(['cert', '--data', data, '--host', 'localhost'])).code).toBe(0)
    const again = await run(['cert', '--data', data, '--host', 'localhost'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^error EXISTS: .*tls-cert\.pem exists; remove it/)
  })

  it('says in one line what is wrong with a certificate file, and exits 1', async () => {
    const data = dataFolder()
    const missing = join(data, 'missing.pem')
    const notPem = join(data, 'not.pem')
    writeFileSync(notPem, 'hello')
    for (const [cert, key, message] of [
      [missing, notPem, `error TLS: cannot read --tls-cert ${missing} (ENOENT)`],
      [notPem, notPem, `error TLS: --tls-cert ${notPem} holds no PEM certificate`]
    ] as const) {
      const result = await run(['--port', '0', '--tls-cert', cert, '--tls-key', key])
      expect(result).toMatchObject({ code: 1, stderr: `${message}\n` })
    }
  })

  it('treats a half-given TLS setup as a usage error (exit 2)', async () => {
    for (const args of [['--tls-cert', 'a.pem'], ['--require-tls'], ['cert', '--host', 'x']]) {
      const result = await run(args)
      expect(result.code).toBe(2)
      expect(result.stderr.split('\n')[0]).toMatch(/--tls-key|certificate|--data/)
    }
  })
})
