import { describe, expect, it } from 'vitest'
import { isSecureServer, parseServerAddress, serverKey } from '../../../src/core/server-address.ts'
import { serverFolder } from '../../../src/core/store/account-db.ts'

describe('server address', () => {
  it.each([
    ['127.0.0.1:8000', '127.0.0.1', 8000, 'http://127.0.0.1:8000'],
    ['tqq.tencent.com', 'tqq.tencent.com', 8000, 'http://tqq.tencent.com:8000'],
    [' http://qq.example:9000/ ', 'qq.example', 9000, 'http://qq.example:9000'],
    ['[::1]:8001', '::1', 8001, 'http://[::1]:8001'],
    ['https://qq.example:9443', 'qq.example', 9443, 'https://qq.example:9443'],
    // TLS shares the plain port (D-27), so the default is 8000 for both.
    ['HTTPS://qq.example/', 'qq.example', 8000, 'https://qq.example:8000'],
    ['https://[::1]:8001', '::1', 8001, 'https://[::1]:8001']
  ])('reads %s', (input, host, port, origin) => {
    expect(parseServerAddress(input)).toEqual({ host, port, origin })
  })

  it.each([
    '',
    'host:0',
    'host:70000',
    'a b:80',
    'user@host:80',
    'host:port',
    'ftp://host',
    'https://',
    'https://host:99999',
    'https//host',
    '::1'
  ])('refuses %j with INVALID_ARGUMENT', (input) => {
    expect(() => parseServerAddress(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
  })

  it('tells TLS servers from plain ones', () => {
    expect(isSecureServer('https://qq.example')).toBe(true)
    expect(isSecureServer('qq.example:8000')).toBe(false)
    expect(isSecureServer('http://qq.example')).toBe(false)
  })

  it.each([
    ['127.0.0.1:8000', '127.0.0.1:8000', '127.0.0.1%3A8000'],
    ['https://QQ.Example/', 'qq.example:8000', 'qq.example%3A8000'],
    ['http://qq.example:8000', 'qq.example:8000', 'qq.example%3A8000'],
    ['[::1]:8001', '[::1]:8001', '%5B%3A%3A1%5D%3A8001']
  ])('files %s under the server key %s, folder %s', (input, key, folder) => {
    expect(serverKey(input)).toBe(key)
    expect(serverFolder(key)).toBe(folder)
  })
})
