import { describe, expect, it } from 'vitest'
import type { Friend, FriendGroup } from '../../../src/shared/model.ts'
import { buddyRows, matchesQuery } from '../../../src/renderer/src/buddies/buddy-rows.ts'
import { displayName } from '../../../src/shared/display-name.ts'

const friend = (
  uin: number,
  nick: string,
  status: Friend['status'],
  groupId = 'friends',
  remark = ''
): Friend => ({
  uin,
  nick,
  face: 0,
  status,
  remark,
  groupId,
  unread: 0
})
const GROUPS: FriendGroup[] = [
  { id: 'friends', name: '我的好友' },
  { id: 'work', name: '同事' }
]
const FRIENDS = [
  friend(10005, 'Zed', 20),
  friend(10004, 'Amy', 20),
  friend(10003, 'Bob', 30),
  friend(10002, 'Cat', 10),
  friend(10001, 'Dan', 10, 'work'),
  friend(10006, 'Eve', 40, 'work', 'Boss')
]
const describeRows = (rows: ReturnType<typeof buddyRows>): string[] =>
  rows.map((row) =>
    row.kind === 'group' ? `${row.group.name} ${row.online}/${row.total}` : `  ${row.name}`
  )
const options = { query: '', collapsed: new Set<string>(), language: 'en' as const }

describe('buddyRows', () => {
  it('lists each group with its online/total count, online first, then busy, then offline', () => {
    expect(describeRows(buddyRows(FRIENDS, GROUPS, options))).toEqual([
      '我的好友 2/4',
      '  Cat',
      '  Bob',
      '  Amy',
      '  Zed',
      '同事 1/2',
      '  Dan',
      '  Boss'
    ])
  })

  it('sorts by remark or nickname within a status, Chinese by pinyin', () => {
    const chinese = [
      friend(1, '张三', 10),
      friend(2, '李四', 10),
      friend(3, '王五', 10, 'friends', '阿王')
    ]
    const rows = buddyRows(chinese, GROUPS, { ...options, language: 'zh' })
    expect(describeRows(rows).slice(1, 4)).toEqual(['  阿王', '  李四', '  张三'])
  })

  it('leaves out the friends of a folded group but keeps its count', () => {
    const rows = buddyRows(FRIENDS, GROUPS, { ...options, collapsed: new Set(['friends']) })
    expect(describeRows(rows)).toEqual(['我的好友 2/4', '同事 1/2', '  Dan', '  Boss'])
    expect(rows[0]).toMatchObject({ kind: 'group', collapsed: true })
  })

  it('shows a friend of a group that is gone in the default group, which always shows', () => {
    const rows = buddyRows([friend(1, 'Lost', 10, 'deleted')], [{ id: 'work', name: 'W' }], options)
    expect(describeRows(rows)).toEqual([' 1/1', '  Lost', 'W 0/0'])
  })

  it('searching lists matching friends only, by nickname, remark or number', () => {
    expect(describeRows(buddyRows(FRIENDS, GROUPS, { ...options, query: 'bo' }))).toEqual([
      '  Bob',
      '  Boss'
    ])
    expect(describeRows(buddyRows(FRIENDS, GROUPS, { ...options, query: '10004' }))).toEqual([
      '  Amy'
    ])
    expect(buddyRows(FRIENDS, GROUPS, { ...options, query: 'nobody' })).toEqual([])
  })

  it('handles 5,000 friends', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      friend(20000 + i, `friend ${i}`, i % 3 === 0 ? 10 : 20)
    )
    const rows = buddyRows(many, GROUPS, options)
    expect(rows).toHaveLength(5002)
    expect(rows[0]).toMatchObject({ online: 1667, total: 5000 })
  })
})

describe('displayName and matchesQuery', () => {
  it('prefer my remark, then the nickname, then the number', () => {
    expect(displayName(friend(1, 'Nick', 10, 'friends', 'Remark'))).toBe('Remark')
    expect(displayName(friend(1, 'Nick', 10))).toBe('Nick')
    expect(displayName(friend(12345, '', 10))).toBe('12345')
  })

  it('match case-insensitively, ignoring surrounding spaces', () => {
    expect(matchesQuery(friend(1, 'Alice', 10), '  ALI ')).toBe(true)
    expect(matchesQuery(friend(1, 'Alice', 10), 'bob')).toBe(false)
  })
})
