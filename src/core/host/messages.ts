/**
 * The core host's messages: the bridge contract between a parent (Electron main, the web
 * shell) and the process that runs the core. They travel as structured clones (Node's IPC
 * with `serialization: 'advanced'`, or Electron's parentPort) and are checked on arrival,
 * so a message of another shape is dropped, never half-read.
 */
import * as v from 'valibot'
import { ERROR_CODES, type Result } from '../../shared/errors.ts'
import type { AccountEvent } from '../../shared/model.ts'

const id = v.pipe(v.number(), v.safeInteger())

const ToHostSchema = v.variant('type', [
  /** A bridge call; the host checks the name and the arguments as the IPC does. */
  v.object({ type: v.literal('call'), id, name: v.string(), args: v.array(v.unknown()) }),
  /** Log out, close the embedded server, exit. */
  v.object({ type: v.literal('stop') })
])

const ResultSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), value: v.unknown() }),
  v.object({
    ok: v.literal(false),
    error: v.object({
      code: v.picklist(ERROR_CODES),
      message: v.string(),
      fingerprint: v.optional(v.string())
    })
  })
])

const FromHostSchema = v.variant('type', [
  /** The core is up: calls may come. */
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('result'), id, result: ResultSchema }),
  // An event is the core's own; only its account and kind are checked, its fields pass as
  // they are.
  v.object({
    type: v.literal('event'),
    event: v.object({
      account: v.nullable(v.string()),
      event: v.looseObject({ type: v.string() })
    })
  })
])

export type ToHost = v.InferOutput<typeof ToHostSchema>

export type FromHost =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: AccountEvent }

export function parseToHost(message: unknown): ToHost | undefined {
  const parsed = v.safeParse(ToHostSchema, message)
  return parsed.success ? parsed.output : undefined
}

export function parseFromHost(message: unknown): FromHost | undefined {
  const parsed = v.safeParse(FromHostSchema, message)
  return parsed.success ? (parsed.output as FromHost) : undefined
}
