import type { Command } from '../../shared/protocol/index.ts'
import { ackAddToList } from './ack-add-to-list.ts'
import { addToList } from './add-to-list.ts'
import type { OpenHandler, SessionHandler } from './call.ts'
import { changeStat } from './change-stat.ts'
import { cltmsg } from './cltmsg.ts'
import { delFromList } from './del-from-list.ts'
import { getInfo } from './get-info.ts'
import { getMsgEx } from './get-msg-ex.ts'
import { list } from './list.ts'
import { login } from './login.ts'
import { logout } from './logout.ts'
import { queryStat } from './query-stat.ts'

type OpenCommand = 'Login' | 'Logout'
export type SessionCommand = Exclude<Command, OpenCommand>

/** The two commands that need no session (section 4). */
export const OPEN_HANDLERS: { [C in OpenCommand]: OpenHandler<C> } = {
  Login: login,
  Logout: logout
}

/** Every other command answers RES=20 without a session, before its handler runs. */
export const SESSION_HANDLERS: { [C in SessionCommand]: SessionHandler<C> } = {
  List: list,
  Query_Stat: queryStat,
  GetInfo: getInfo,
  AddToList: addToList,
  Ack_AddToList: ackAddToList,
  DelFromList: delFromList,
  Change_Stat: changeStat,
  GetMsgEx: getMsgEx,
  CLTMSG: cltmsg
}
