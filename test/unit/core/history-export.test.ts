import { describe, expect, it } from 'vitest'
import { exportText } from '../../../src/core/history-export.ts'
import type { ChatMessage } from '../../../src/shared/model.ts'

const at = (text: string) => new Date(text).getTime()
const message = (
  peer: number,
  direction: 'in' | 'out',
  text: string,
  time: string,
  state: ChatMessage['state']
): ChatMessage => ({
  id: `${peer}-${time}`,
  peer,
  direction,
  text,
  time: at(time),
  state
})

describe('history export', () => {
  it('writes a heading per conversation and each message under its time and sender', () => {
    const text = exportText(
      [
        message(10002, 'in', '你好', '2005-06-01T12:00:00', 'received'),
        message(10002, 'out', 'hi\n==== fake (1) ====', '2005-06-01T12:00:05', 'sent'),
        message(10003, 'out', 'are you there?', '2005-06-02T08:30:00', 'unknown')
      ],
      (uin) => (uin === 10002 ? '小明' : String(uin)),
      '我'
    )
    expect(text).toBe(
      [
        '==== 小明 (10002) ====',
        '',
        '2005-06-01 12:00:00  小明',
        '    你好',
        '2005-06-01 12:00:05  我',
        '    hi',
        '    ==== fake (1) ====',
        '',
        '==== 10003 (10003) ====',
        '',
        '2005-06-02 08:30:00  我 (may not have arrived)',
        '    are you there?',
        ''
      ].join('\n')
    )
  })

  it('exports nothing as an empty text', () => {
    expect(exportText([], String, 'me')).toBe('')
  })
})
