import { describe, expect, it } from 'vitest'
import { parseProxyHeader } from '../../../src/server/http/proxy-header.ts'
import { proxyV1, proxyV2, proxyV2Local, v2 } from '../../fixtures/proxy-headers.ts'

const request = Buffer.from('POST / HTTP/1.1\r\n\r\n')
const parse = (text: string | Buffer) =>
  parseProxyHeader(typeof text === 'string' ? Buffer.from(text, 'latin1') : text)

describe('parseProxyHeader', () => {
  it('reads a v1 line for IPv4 and IPv6, with the length of the header', () => {
    const header = proxyV1('203.0.113.7', 40001)
    expect(parse(Buffer.concat([header, request]))).toEqual({
      kind: 'header',
      length: header.length,
      peer: { address: '203.0.113.7', port: 40001 }
    })
    expect(parse('PROXY TCP6 2001:DB8:0:0:0:0:0:7 fd00::1 65535 8000\r\n')).toMatchObject({
      peer: { address: '2001:db8::7', port: 65535 }
    })
    // An IPv4 client mapped into IPv6 is the same client as its IPv4 address.
    expect(parse('PROXY TCP6 ::ffff:192.0.2.1 ::1 1 8000\r\n')).toMatchObject({
      peer: { address: '192.0.2.1', port: 1 }
    })
  })

  it('takes v1 UNKNOWN as the proxy speaking for itself', () => {
    expect(parse('PROXY UNKNOWN\r\n')).toEqual({ kind: 'header', length: 15, peer: undefined })
    expect(parse('PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n')).toMatchObject({ peer: undefined })
  })

  it('reads v2 for IPv4 and IPv6, skipping TLVs, and LOCAL without a client', () => {
    const tlvs = Buffer.from([0x04, 0x00, 0x03, 0x61, 0x62, 0x63])
    const four = proxyV2('198.51.100.9', 51234, { tlvs })
    expect(parse(Buffer.concat([four, request]))).toEqual({
      kind: 'header',
      length: four.length,
      peer: { address: '198.51.100.9', port: 51234 }
    })
    expect(parse(proxyV2('2001:db8::1:0:0:7', 443))).toMatchObject({
      peer: { address: '2001:db8::1:0:0:7', port: 443 }
    })
    expect(parse(proxyV2Local())).toEqual({ kind: 'header', length: 16, peer: undefined })
    // LOCAL with addresses (what some proxies send) still speaks for nobody.
    expect(parse(proxyV2('192.0.2.1', 1, { command: 0x20 }))).toMatchObject({ peer: undefined })
    // UNSPEC and UNIX: nothing an IP session could be keyed by.
    expect(parse(v2(0x21, 0x00, Buffer.alloc(0)))).toMatchObject({ peer: undefined })
    expect(parse(v2(0x21, 0x31, Buffer.alloc(216)))).toMatchObject({ peer: undefined })
  })

  it('waits for more bytes while a header could still be whole, at every cut', () => {
    for (const header of [proxyV1('203.0.113.7', 40001), proxyV2('2001:db8::7', 9)]) {
      for (let cut = 0; cut < header.length; cut++) {
        expect(parse(header.subarray(0, cut))).toEqual({ kind: 'incomplete' })
      }
      expect(parse(header)).toMatchObject({ kind: 'header' })
    }
  })

  it('says absent for anything that is not a PROXY signature', () => {
    for (const text of ['POST / HTTP/1.1\r\n', 'PROXI', 'PRO XY', '\x16\x03\x01', '\r\n\r\nX']) {
      expect(parse(text)).toEqual({ kind: 'absent' })
    }
  })

  it.each([
    ['PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n', 'PROXY v1 line malformed'],
    ['PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n', 'PROXY v1 line malformed'],
    ['PROXY TCP4 ::1 ::1 1 2\r\n', 'PROXY v1 line malformed'],
    ['PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n', 'PROXY v1 line malformed'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n', 'PROXY v1 line malformed'],
    ['PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n', 'PROXY v1 line malformed'],
    ['PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n', 'PROXY v1 line malformed'],
    [`PROXY TCP4 ${'1'.repeat(120)}`, 'PROXY v1 line without its end']
  ])('refuses the v1 line %j', (text, why) => {
    expect(parse(text)).toEqual({ kind: 'invalid', why })
  })

  it('refuses v2 headers the protocol does not allow', () => {
    expect(parse(proxyV2('1.2.3.4', 1, { command: 0x11 }))).toMatchObject({ kind: 'invalid' })
    expect(parse(proxyV2('1.2.3.4', 1, { command: 0x22 }))).toMatchObject({ kind: 'invalid' })
    expect(parse(v2(0x21, 0x12, Buffer.alloc(12)))).toMatchObject({ kind: 'invalid' })
    expect(parse(v2(0x21, 0x11, Buffer.alloc(11)))).toEqual({
      kind: 'invalid',
      why: 'PROXY v2 address block too short'
    })
  })
})
