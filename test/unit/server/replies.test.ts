import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { wantsKeepAlive } from '../../../src/server/http/replies.ts'
import { clientAddress } from '../../../src/server/http/address.ts'

const request = (httpVersion: string, connection?: string) =>
  ({ httpVersion, headers: connection === undefined ? {} : { connection } }) as IncomingMessage

describe('wantsKeepAlive (D-25)', () => {
  it.each([
    ['1.1', undefined, true],
    ['1.1', 'close', false],
    ['1.1', 'Keep-Alive, Close', false],
    ['1.1', 'closed', true],
    ['1.0', undefined, false],
    ['1.0', 'Keep-Alive', true]
  ])('HTTP/%s with Connection %s: %s', (version, connection, expected) => {
    expect(wantsKeepAlive(request(version, connection))).toBe(expected)
  })
})

describe('clientAddress', () => {
  it('reads an IPv4 client on a dual-stack socket as the IPv4 address', () => {
    expect(clientAddress('::ffff:127.0.0.2')).toBe('127.0.0.2')
    expect(clientAddress('::1')).toBe('::1')
    expect(clientAddress('10.0.0.1')).toBe('10.0.0.1')
  })
})
