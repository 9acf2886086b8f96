/**
 * The PROXY protocol (HAProxy's proxy-protocol.txt, versions 1 and 2): what a load balancer
 * writes at the start of a connection to say whose connection it is passing on.
 */
import { SocketAddress } from 'node:net'
import { clientAddress, type Peer } from './address.ts'

export type ProxyHeader =
  /** Too few bytes yet to tell. */
  | { readonly kind: 'incomplete' }
  /** The connection does not start with a PROXY header. */
  | { readonly kind: 'absent' }
  /** A PROXY signature followed by something the protocol does not allow. */
  | { readonly kind: 'invalid'; readonly why: string }
  /**
   * A whole header of `length` bytes. `peer` is undefined when the proxy speaks for itself
   * (v2 LOCAL, as in its health checks; v1 UNKNOWN; an address that is not IP): the
   * connection's own address is then the client's.
   */
  | { readonly kind: 'header'; readonly length: number; readonly peer: Peer | undefined }

const V1_SIGNATURE = Buffer.from('PROXY ', 'latin1')
const V2_SIGNATURE = Buffer.from('\r\n\r\n\0\r\nQUIT\n', 'latin1')
/** The longest v1 line the specification allows, CRLF included. */
const V1_MAX = 107
const V2_FIXED = 16

const INCOMPLETE: ProxyHeader = { kind: 'incomplete' }
const ABSENT: ProxyHeader = { kind: 'absent' }
const invalid = (why: string): ProxyHeader => ({ kind: 'invalid', why })

/** Whether `head` starts with `signature`: true, false, or undefined while it could still. */
function startsWith(head: Buffer, signature: Buffer): boolean | undefined {
  const seen = Math.min(head.length, signature.length)
  if (head.compare(signature, 0, seen, 0, seen) !== 0) return false
  return seen === signature.length ? true : undefined
}

/** Reads the PROXY header at the start of a connection's first bytes, either version. */
export function parseProxyHeader(head: Buffer): ProxyHeader {
  const v1 = startsWith(head, V1_SIGNATURE)
  if (v1) return parseV1(head)
  const v2 = startsWith(head, V2_SIGNATURE)
  if (v2) return parseV2(head)
  return v1 === undefined || v2 === undefined ? INCOMPLETE : ABSENT
}

const PORT = /^(0|[1-9]\d{0,4})$/

/** An address as the kernel would have shown it (`::1`, never `0:0:0:0:0:0:0:1`). */
function normalAddress(text: string, family: 'ipv4' | 'ipv6'): string | undefined {
  if (text.includes('%')) return undefined
  try {
    return clientAddress(new SocketAddress({ address: text, family }).address)
  } catch {
    return undefined
  }
}

/** `PROXY TCP4 <source> <destination> <source port> <destination port>\r\n` */
function parseV1(head: Buffer): ProxyHeader {
  const end = head.indexOf('\r\n', 0, 'latin1')
  if (end < 0 || end + 2 > V1_MAX) {
    return head.length >= V1_MAX ? invalid('PROXY v1 line without its end') : INCOMPLETE
  }
  const length = end + 2
  const fields = head.subarray(V1_SIGNATURE.length, end).toString('latin1').split(' ')
  // "UNKNOWN": the proxy could not tell; the rest of the line is to be ignored.
  if (fields[0] === 'UNKNOWN') return { kind: 'header', length, peer: undefined }
  const [protocol, source, destination, sourcePort, destinationPort] = fields
  const family = protocol === 'TCP4' ? 'ipv4' : protocol === 'TCP6' ? 'ipv6' : undefined
  if (family === undefined || fields.length !== 5) return invalid('PROXY v1 line malformed')
  const address = normalAddress(source ?? '', family)
  const valid =
    address !== undefined &&
    normalAddress(destination ?? '', family) !== undefined &&
    [sourcePort, destinationPort].every((port) => PORT.test(port ?? '') && Number(port) <= 65535)
  if (!valid) return invalid('PROXY v1 line malformed')
  return { kind: 'header', length, peer: { address, port: Number(sourcePort) } }
}

const LOCAL = 0x20
const PROXY = 0x21
/** The address families and transports v2 can name (the high and low half of byte 13). */
const UNSPEC = 0x0
const INET = 0x1
const INET6 = 0x2
const UNIX = 0x3
const STREAM = 0x1

/** Signature, version and command, family and transport, length, then the addresses. */
function parseV2(head: Buffer): ProxyHeader {
  if (head.length < V2_FIXED) return INCOMPLETE
  const command = head[12] as number
  const family = (head[13] as number) >> 4
  const transport = (head[13] as number) & 0x0f
  const length = V2_FIXED + head.readUInt16BE(14)
  if (command !== LOCAL && command !== PROXY) return invalid('PROXY v2 unknown version or command')
  if (head.length < length) return INCOMPLETE
  // LOCAL: the proxy's own connection. The rest of the block (addresses, TLVs) is skipped.
  if (command === LOCAL) return { kind: 'header', length, peer: undefined }
  if (family === UNSPEC || family === UNIX) return { kind: 'header', length, peer: undefined }
  if ((family !== INET && family !== INET6) || transport !== STREAM) {
    return invalid('PROXY v2 unknown address family or transport')
  }
  const size = family === INET ? 4 : 16
  // Source and destination addresses, then source and destination ports; TLVs may follow.
  if (length < V2_FIXED + 2 * size + 4) return invalid('PROXY v2 address block too short')
  const source = head.subarray(V2_FIXED, V2_FIXED + size)
  const address =
    family === INET
      ? [...source].join('.')
      : normalAddress(
          Array.from({ length: 8 }, (_, i) => source.readUInt16BE(2 * i).toString(16)).join(':'),
          'ipv6'
        )
  if (address === undefined) return invalid('PROXY v2 address unreadable')
  const port = head.readUInt16BE(V2_FIXED + 2 * size)
  return { kind: 'header', length, peer: { address, port } }
}
