/**
 * The bridge's main side: one `ipcMain.handle` per call of the contract. A call is answered
 * only for a top frame of one of our windows showing one of our pages, and only for the
 * account that window belongs to (FORBIDDEN otherwise); its arguments are checked against
 * the schemas (INVALID_ARGUMENT), and it always resolves to a Result: nothing is thrown
 * back across IPC.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { checkAccount } from '../shared/account-calls.ts'
import type { AccountId } from '../shared/account-id.ts'
import { CALL_NAMES, callChannel, type QQCalls } from '../shared/api.ts'
import { fail, type Result } from '../shared/errors.ts'
import { dispatchCall, type CoreCalls, type WindowCallName } from '../core/host/dispatch.ts'

export interface IpcOptions {
  readonly core: CoreCalls
  /** The window and desktop calls, acting for the window that made the call. */
  windowCalls(sender: WebContents): Pick<QQCalls, WindowCallName>
  /** True only for a top frame of one of our windows that shows one of our pages. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  /** The account the sender's window was opened for: null for the login window. */
  accountOf(sender: WebContents): AccountId | null
}

export function registerIpc(options: IpcOptions): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(
      callChannel(name),
      async (event, ...args: unknown[]): Promise<Result<unknown>> => {
        if (!options.isTrustedSender(event)) {
          return fail('FORBIDDEN', `${name}: not from one of the app's windows`)
        }
        const refused = checkAccount(options.accountOf(event.sender), name, args)
        if (refused !== undefined) return refused
        return dispatchCall({ ...options.core, ...options.windowCalls(event.sender) }, name, args)
      }
    )
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(callChannel(name))
  }
}
