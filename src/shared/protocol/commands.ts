/** The eleven commands, by the spelling a request uses, with the spelling its reply uses. */
export const REPLY_CMD = {
  Login: 'LOGIN',
  List: 'LIST',
  Query_Stat: 'QUERY_STAT',
  GetInfo: 'GETINFO',
  AddToList: 'AddToList',
  Ack_AddToList: 'Ack_AddToList',
  DelFromList: 'DelFromList',
  Change_Stat: 'Change_Stat',
  GetMsgEx: 'GETMSGEX',
  CLTMSG: 'CLTMSG',
  Logout: 'LOGOUT'
} as const

export type Command = keyof typeof REPLY_CMD

export const COMMANDS = Object.keys(REPLY_CMD) as Command[]

const byUpperCase = new Map<string, Command>(
  COMMANDS.map((command) => [command.toUpperCase(), command])
)

/** `CMD` is matched case-insensitively (section 3): `login`, `LOGIN` and `Login` are one. */
export function commandFromWire(cmd: string): Command | undefined {
  return byUpperCase.get(cmd.toUpperCase())
}

/** D-6: the versions clients of the time sent to the same server. */
export const ACCEPTED_VERSIONS: readonly string[] = ['1.0', '1.1', '1.2']
export const CLIENT_VERSION = '1.1'

/** The login constant every client sends; any other value gets NULL (seed). */
export const LOGIN_CONSTANT = '9326B87B234E7235'

/** Result codes of section 4. */
export const RES = {
  OK: 0,
  PENALTY: 3,
  INVALID_UIN: 5,
  NOT_LOGGED_IN: 20
} as const

/** D-12: a QQ number is between these, inclusive. */
export const MIN_UIN = 10000
export const MAX_UIN = 4294967295

export function isValidUin(uin: number): boolean {
  return Number.isInteger(uin) && uin >= MIN_UIN && uin <= MAX_UIN
}

/** D-14: the most friends one `List` or `Query_Stat` reply carries. */
export const MAX_PAGE = 160
/** D-20: the most messages one `GetMsgEx` reply carries. */
export const MAX_MESSAGES_PER_REPLY = 50
/** D-23: the longest `MG` a `CLTMSG` may carry, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 1500
/** D-24: the longest long poll a client may ask for, in seconds. */
export const MAX_WAIT_SECONDS = 30
