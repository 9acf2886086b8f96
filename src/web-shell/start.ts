import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BridgeCore } from '../core/host/bridge-core.ts'
import { createHttpHandler, type WebShellFiles } from './http-handler.ts'
import { createLocalOrigin } from './local-origin.ts'
import { attachBridgeSocket } from './socket.ts'
import { newToken } from './token.ts'

export interface WebShell {
  /** The page's address with the launch token: the one way in. */
  readonly url: string
  close(): Promise<void>
}

/** Serves the renderer and the bridge on 127.0.0.1 (port 0: any free one). */
export async function startWebShell(
  core: BridgeCore,
  files: WebShellFiles,
  port: number,
  logs: string
): Promise<WebShell> {
  const token = newToken()
  let boundPort = port
  const origin = createLocalOrigin(() => boundPort)
  const server = createServer(createHttpHandler(files, token, origin))
  const detachSocket = attachBridgeSocket(server, core, token, origin, logs)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  boundPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${boundPort}/?token=${token}`,
    close: async () => {
      detachSocket()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
