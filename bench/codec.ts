/**
 * Throughput of the codec on a full 50-message GetMsgEx reply, beside URLSearchParams
 * parsing the same bytes in the same run. A figure to watch, not a test.
 */
import { decodeReply, encodeReply, type Reply } from '../src/shared/protocol/index.ts'
import { format, opsPerSecond } from './measure.ts'

const messages = Array.from({ length: 50 }, (_, i) => ({
  type: i % 5 === 0 ? 99 : 9,
  from: 10000 + (i % 7),
  text: i % 5 === 0 ? '10' : `消息 ${i}: hello, world & friends — 100% 好 😀`,
  time: 1764000000 + i
}))
const reply: Reply<'GetMsgEx'> = {
  cmd: 'GetMsgEx',
  ok: true,
  res: 0,
  data: { messages, batchId: '42' }
}
const head = { ver: '1.1', seq: '4321', uin: '10001' }
const text = encodeReply(head, reply)
const bytes = new TextEncoder().encode(text)
const utf8 = new TextDecoder()

const decode = opsPerSecond(() => decodeReply('GetMsgEx', bytes))
const encode = opsPerSecond(() => new TextEncoder().encode(encodeReply(head, reply)))
const baseline = opsPerSecond(() => {
  const params = new URLSearchParams(utf8.decode(bytes))
  for (const key of ['MT', 'UN', 'MG', 'TM']) params.get(key)?.split(',')
})

const rate = (ops: number) =>
  `${format(ops)} replies/s  ${format((ops * bytes.length) / 1e6, 1)} MB/s`
console.log(`GetMsgEx reply: 50 messages, ${bytes.length} bytes`)
console.log(`decode (codec)          ${rate(decode)}`)
console.log(`encode (codec)          ${rate(encode)}`)
console.log(`URLSearchParams parse   ${rate(baseline)}`)
console.log(`decode / URLSearchParams = ${format(decode / baseline, 2)}x`)
