import type { Command, ReplyData, Reply, RequestOf } from '../../shared/protocol/index.ts'
import type { ServerContext } from '../context.ts'
import type { Session } from '../state/types.ts'

/** A request as a handler sees it. */
export interface OpenCall<C extends Command> {
  readonly ctx: ServerContext
  readonly uin: number
  readonly address: string
  readonly request: RequestOf<C>
  /** D-26: the request's `SK`, which a keyed session must be given. */
  readonly sessionKey: string | undefined
  /** Aborted when the client goes away before it is answered. */
  readonly signal: AbortSignal
}

/** A request of a logged-in client: every command but Login and Logout. */
export interface SessionCall<C extends Command> extends OpenCall<C> {
  readonly session: Session
}

/** One reply, or several written back to back on the connection (Query_Stat, 6.3). */
export type Outcome<C extends Command> = Reply<C> | readonly Reply<C>[]

export type OpenHandler<C extends Command> = (call: OpenCall<C>) => Outcome<C> | Promise<Outcome<C>>
export type SessionHandler<C extends Command> = (
  call: SessionCall<C>
) => Outcome<C> | Promise<Outcome<C>>

export function done<C extends Command>(cmd: C, data: ReplyData[C]): Reply<C> {
  return { cmd, ok: true, res: 0, data }
}

export function refused<C extends Command>(cmd: C, res: number): Reply<C> {
  return { cmd, ok: false, res }
}
