import type { SeedAccount } from '../seed/seed-file.ts'

/** The bot's number: 10086 is the number every Chinese phone user knows by heart. */
export const DEMO_BOT_UIN = 10086

/** What the bot's messages start with, and what it never answers (so two bots don't chat forever). */
export const AUTO_REPLY_MARKER = '[自动回复]'

// CV, ID, MT and MV mean nothing known; the values are the ones the seed's server sent.
const UNKNOWN_FIELDS = { CV: '\u0001', ID: '-', MT: '0', MV: '' }

type DemoAccount = Omit<SeedAccount, 'password' | 'friends'>

/** Every GetInfo field filled in, two people in Chinese and two in English. */
export const DEMO_PEOPLE: readonly DemoAccount[] = [
  {
    uin: 10001,
    nick: '小企鹅',
    face: 0,
    policy: 0,
    profile: {
      ...UNKNOWN_FIELDS,
      AD: '北京市海淀区中关村大街 27 号',
      AG: '21',
      BT: '1',
      CO: '5',
      CT: '北京',
      CY: '中国',
      EM: 'penguin@example.com',
      HP: 'http://penguin.example.com',
      JB: '学生',
      MO: '138********',
      PC: '100080',
      PH: '010-62345678',
      PR: '喜欢编程和摄影,欢迎加我聊天!',
      PV: '北京',
      RN: '李小鹏',
      SC: '北京大学',
      SH: '5',
      SX: '0'
    }
  },
  {
    uin: 10002,
    nick: 'Alice',
    face: 27,
    policy: 1,
    profile: {
      ...UNKNOWN_FIELDS,
      AD: '221B Baker Street',
      AG: '24',
      BT: '2',
      CO: '9',
      CT: 'London',
      CY: 'United Kingdom',
      EM: 'alice@example.com',
      HP: 'http://alice.example.com',
      JB: 'Software engineer',
      MO: '077********',
      PC: 'NW1 6XE',
      PH: '+44 20 7946 0018',
      PR: 'Tea, code and long walks. Ask before adding me, please.',
      PV: 'England',
      RN: 'Alice Liddell',
      SC: 'University of Oxford',
      SH: '9',
      SX: '1'
    }
  },
  {
    uin: 10003,
    nick: '小红',
    face: 54,
    policy: 1,
    profile: {
      ...UNKNOWN_FIELDS,
      AD: '上海市徐汇区漕溪北路 88 号',
      AG: '19',
      BT: '3',
      CO: '12',
      CT: '上海',
      CY: '中国',
      EM: 'xiaohong@example.com',
      HP: 'http://xiaohong.example.com',
      JB: '设计师',
      MO: '139********',
      PC: '200030',
      PH: '021-64871234',
      PR: '画画、旅行、猫。加好友请说明来意~',
      PV: '上海',
      RN: '王小红',
      SC: '复旦大学',
      SH: '10',
      SX: '1'
    }
  },
  {
    uin: 10004,
    nick: 'Bob',
    face: 81,
    policy: 2,
    profile: {
      ...UNKNOWN_FIELDS,
      AD: '1 Market Street',
      AG: '33',
      BT: '4',
      CO: '3',
      CT: 'San Francisco',
      CY: 'United States',
      EM: 'bob@example.com',
      HP: 'http://bob.example.com',
      JB: 'Teacher',
      MO: '415********',
      PC: '94105',
      PH: '+1 415 555 0134',
      PR: 'Friends only: I do not accept new contacts.',
      PV: 'California',
      RN: 'Robert Smith',
      SC: 'Stanford University',
      SH: '7',
      SX: '0'
    }
  }
]

export const DEMO_BOT: DemoAccount = {
  uin: DEMO_BOT_UIN,
  nick: '小Q机器人 Echo Bot',
  face: 150,
  policy: 0,
  profile: {
    ...UNKNOWN_FIELDS,
    AD: '互联网 The Internet',
    AG: '1',
    BT: '5',
    CO: '0',
    CT: '深圳 Shenzhen',
    CY: '中国 China',
    EM: 'bot@example.com',
    HP: 'http://bot.example.com',
    JB: '聊天机器人 Chat bot',
    MO: '',
    PC: '518000',
    PH: '10086',
    PR: '给我发消息,我会回答你。Send me a message and I will answer.',
    PV: '广东 Guangdong',
    RN: '小Q',
    SC: '',
    SH: '0',
    SX: '0'
  }
}
