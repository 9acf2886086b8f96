/**
 * Runs one bridge call for any host (Electron IPC or the web shell's socket): checks the name
 * and the arguments, calls the handler, and turns anything thrown into a Result, so nothing
 * ever throws across the bridge and a bug surfaces as `INTERNAL` with its stack in the log.
 */
import { isCallName, type QQCalls } from '../../shared/api.ts'
import { parseCallArgs } from '../../shared/api-schema.ts'
import { CodedError, fail, failWith, type Result } from '../../shared/errors.ts'
import { diagnostics } from '../../logging/diagnostics.ts'

/** The calls that act on windows and the desktop, which each host implements itself. */
export type WindowCallName =
  'openWindow' | 'closeWindow' | 'openExternal' | 'getLogFolder' | 'openLogFolder'
export type CoreCalls = Omit<QQCalls, WindowCallName>

/** For hosts without windows of their own (the core host; the web shell, whose tabs do these). */
const elsewhere = async () => fail('NOT_FOUND', 'window calls are handled by the window')
export const NO_WINDOW_CALLS: Pick<QQCalls, WindowCallName> = {
  openWindow: elsewhere,
  closeWindow: elsewhere,
  openExternal: elsewhere,
  getLogFolder: elsewhere,
  openLogFolder: elsewhere
}

export async function dispatchCall(
  handlers: QQCalls,
  name: unknown,
  args: unknown
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('NOT_FOUND', `no such call: ${String(name).slice(0, 64)}`)
  const parsed = parseCallArgs(name, args)
  if (!parsed.ok) return parsed
  try {
    const handler = handlers[name] as (...callArgs: unknown[]) => Promise<Result<unknown>>
    return await handler.apply(handlers, parsed.value)
  } catch (error) {
    if (error instanceof CodedError) return failWith(error)
    diagnostics().error({ err: error }, `bridge call ${name} failed`)
    return fail('INTERNAL', `${name} failed unexpectedly`)
  }
}
