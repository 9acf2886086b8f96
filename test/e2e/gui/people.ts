import type { SeedFile } from '../../../src/server/index.ts'

/** A complete GetInfo profile (every field of level 3 but the ones the server fills in). */
export const BOB_PROFILE = {
  AD: '苏州市干将路 1 号',
  AG: '23',
  BT: '4',
  CO: '6',
  CT: '苏州',
  CV: '\u0001',
  CY: '中华人民共和国',
  EM: 'bob@example.com',
  HP: 'http://bob.example.com',
  ID: '-',
  JB: '学生',
  MO: '136********',
  MT: '0',
  MV: '',
  PC: '215000',
  PH: '0512-65000000',
  PR: '喜欢 /wx 和 https://example.com 上的文章',
  PV: '江苏',
  RN: '王小明',
  SC: '苏州大学',
  SH: '3',
  SX: '0'
} as const

export const ALICE = { uin: 30001, password: 'alice-secret', nick: 'Alice 爱丽丝', face: 3 }
export const BOB = { uin: 30002, password: 'bob-secret', nick: '小明 Bob', face: 27 }

/** Alice has a few friends already (offline), so her list looks lived in. */
const OLD_FRIENDS = [
  { uin: 30011, nick: '张伟', face: 120 },
  { uin: 30012, nick: 'Lily', face: 45 },
  { uin: 30013, nick: '老王', face: 270 },
  { uin: 30014, nick: 'Chen 陈', face: 201 }
]

export const FRIENDS_SEED: SeedFile = {
  accounts: [
    {
      ...ALICE,
      policy: 0,
      friends: OLD_FRIENDS.map((friend) => friend.uin),
      profile: { AG: '25', SX: '1' }
    },
    // Bob asks to verify who adds him.
    { ...BOB, policy: 1, profile: BOB_PROFILE },
    ...OLD_FRIENDS.map((friend) => ({ ...friend, password: `pw-${friend.uin}` }))
  ]
}
