import { describe, expect, it } from 'vitest'
import { serverProtection } from '../../../src/shared/server-protection.ts'

describe('what protects the password on its way to a server', () => {
  it('is TLS for https addresses, wherever they are', () => {
    expect(serverProtection('https://qq.example:8000')).toBe('secure')
    expect(serverProtection(' HTTPS://127.0.0.1:8000 ')).toBe('secure')
  })

  it('is staying on this computer for the built-in server and loopback', () => {
    for (const server of [
      '',
      '  ',
      '127.0.0.1:8000',
      '127.1.2.3',
      'http://127.0.0.1:8000/',
      'localhost:8000',
      'LOCALHOST',
      '[::1]:8000',
      'http://[::1]'
    ])
      expect([server, serverProtection(server)]).toEqual([server, 'local'])
  })

  it('is nothing for a plain server elsewhere, however it is written', () => {
    for (const server of [
      '192.168.1.20:8000',
      'qq.example',
      'http://qq.example:8000',
      '[2001:db8::1]:8000',
      '127.0.0.1.example.com:8000',
      'localhost.example.com'
    ])
      expect([server, serverProtection(server)]).toEqual([server, 'plain'])
  })
})
