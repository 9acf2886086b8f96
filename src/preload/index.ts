/**
 * The bridge's window side, and nothing else: `window.qq` is exactly the contract of
 * src/shared/api.ts over IPC. Calls resolve to Results (an IPC failure becomes INTERNAL, so a
 * window never sees a rejection); events arrive as plain data, never as the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CALL_NAMES, callChannel, EVENT_CHANNEL, type QQApi } from '../shared/api.ts'
import type { AccountEvent } from '../shared/model.ts'
import { fail } from '../shared/errors.ts'
import { playSoundsOnRequest } from './sounds.ts'

function invoke(channel: string, args: unknown[]): Promise<unknown> {
  return ipcRenderer
    .invoke(channel, ...args)
    .catch((error: unknown) => fail('INTERNAL', `${channel}: ${String(error)}`))
}

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (...args: unknown[]) => invoke(callChannel(name), args)])
)

const api = {
  ...calls,
  onEvent(handler: (event: AccountEvent) => void) {
    if (typeof handler !== 'function') throw new TypeError('onEvent needs a function')
    const listener = (_event: IpcRendererEvent, payload: AccountEvent): void => handler(payload)
    ipcRenderer.on(EVENT_CHANNEL, listener)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener)
    }
  }
} as QQApi

contextBridge.exposeInMainWorld('qq', api)
playSoundsOnRequest()
