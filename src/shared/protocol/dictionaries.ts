/** Every name the protocol's numbers stand for, in Chinese and English (sections 6.4, 6.8, 6.9). */
export interface Label {
  readonly zh: string
  readonly en: string
}

export type Language = keyof Label

export const STATUS = { ONLINE: 10, OFFLINE: 20, BUSY: 30, INVISIBLE: 40 } as const
export type Status = (typeof STATUS)[keyof typeof STATUS]

export function isStatus(value: number): value is Status {
  return value === 10 || value === 20 || value === 30 || value === 40
}

export const MESSAGE_TYPE = {
  TEXT: 9,
  STATUS: 99,
  ADD_REQUEST: 2,
  ADD_ACCEPTED: 3,
  ADD_REFUSED: 4
} as const
export type MessageType = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE]

export const MESSAGE_TYPE_LABELS: Readonly<Record<MessageType, Label>> = {
  9: { zh: '用户消息', en: 'Message' },
  99: { zh: '状态改变', en: 'Status change' },
  2: { zh: '请求加为好友', en: 'Friend request' },
  3: { zh: '通过验证', en: 'Request accepted' },
  4: { zh: '拒绝被加为好友', en: 'Request refused' }
}

/** `CD` of `AddToList` replies: the other side's policy (D-15). */
export const ADD_POLICY = { ALLOW: 0, VERIFY: 1, REFUSE: 2 } as const
export type AddPolicy = (typeof ADD_POLICY)[keyof typeof ADD_POLICY]

export const ADD_POLICY_LABELS: Readonly<Record<AddPolicy, Label>> = {
  0: { zh: '允许任何人加我为好友', en: 'Anyone may add me' },
  1: { zh: '需要身份验证', en: 'Ask me first' },
  2: { zh: '不允许任何人加我为好友', en: 'Nobody may add me' }
}

/** `CD` of `Ack_AddToList` requests (section 6.6). */
export const ACK_KIND = { ACCEPT: 0, REFUSE: 1, REQUEST: 2 } as const
export type AckKind = (typeof ACK_KIND)[keyof typeof ACK_KIND]

const list = (pairs: readonly (readonly [string, string])[]): readonly Label[] =>
  pairs.map(([zh, en]) => ({ zh, en }))

/** `BT`, indexed by its value. */
export const BLOOD_TYPES = list([
  ['', ''],
  ['A型', 'A'],
  ['B型', 'B'],
  ['O型', 'O'],
  ['AB型', 'AB'],
  ['其他', 'Other']
])

/** `CO`, indexed by its value. */
export const CONSTELLATIONS = list([
  ['', ''],
  ['水瓶座', 'Aquarius'],
  ['双鱼座', 'Pisces'],
  ['牡羊座', 'Aries'],
  ['金牛座', 'Taurus'],
  ['双子座', 'Gemini'],
  ['巨蟹座', 'Cancer'],
  ['狮子座', 'Leo'],
  ['处女座', 'Virgo'],
  ['天秤座', 'Libra'],
  ['天蝎座', 'Scorpio'],
  ['射手座', 'Sagittarius'],
  ['摩羯座', 'Capricorn']
])

/** `SH`, indexed by its value. */
export const ZODIAC = list([
  ['', ''],
  ['鼠', 'Rat'],
  ['牛', 'Ox'],
  ['虎', 'Tiger'],
  ['兔', 'Rabbit'],
  ['龙', 'Dragon'],
  ['蛇', 'Snake'],
  ['马', 'Horse'],
  ['羊', 'Goat'],
  ['猴', 'Monkey'],
  ['鸡', 'Rooster'],
  ['狗', 'Dog'],
  ['猪', 'Pig']
])

/** `SX`, indexed by its value. */
export const GENDERS = list([
  ['男', 'Male'],
  ['女', 'Female']
])

/** What each `GetInfo` key means (section 6.4). */
export const PROFILE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  AD: { zh: '联系地址', en: 'Address' },
  AG: { zh: '年龄', en: 'Age' },
  BT: { zh: '血型', en: 'Blood type' },
  CO: { zh: '星座', en: 'Constellation' },
  CT: { zh: '城市', en: 'City' },
  CV: { zh: 'CV', en: 'CV' },
  CY: { zh: '国家', en: 'Country' },
  EM: { zh: '电子邮件', en: 'Email' },
  FC: { zh: '头像', en: 'Face' },
  HP: { zh: '个人主页', en: 'Homepage' },
  ID: { zh: 'ID', en: 'ID' },
  JB: { zh: '职业', en: 'Occupation' },
  LV: { zh: '查询级别', en: 'Level' },
  MO: { zh: '移动电话', en: 'Mobile' },
  MT: { zh: 'MT', en: 'MT' },
  MV: { zh: 'MV', en: 'MV' },
  NK: { zh: '昵称', en: 'Nickname' },
  PC: { zh: '邮编', en: 'Postcode' },
  PH: { zh: '联系电话', en: 'Telephone' },
  PR: { zh: '个人说明', en: 'Introduction' },
  PV: { zh: '省份', en: 'Province' },
  RN: { zh: '真实姓名', en: 'Real name' },
  SC: { zh: '毕业院校', en: 'School' },
  SH: { zh: '生肖', en: 'Chinese zodiac' },
  SX: { zh: '性别', en: 'Gender' },
  UN: { zh: 'QQ号码', en: 'QQ number' }
}

/** The keys whose numbers stand for a name, with the table that names them. */
export const CODED_PROFILE_FIELDS: Readonly<Record<string, readonly Label[]>> = {
  BT: BLOOD_TYPES,
  CO: CONSTELLATIONS,
  SH: ZODIAC,
  SX: GENDERS
}

/**
 * A profile field as a person reads it: coded fields by name in `language`, anything else
 * (or a code out of range) exactly as the server sent it.
 */
export function describeProfileField(key: string, value: string, language: Language): string {
  const table = CODED_PROFILE_FIELDS[key]
  if (!table || !/^\d+$/.test(value)) return value
  return table[Number(value)]?.[language] ?? value
}
