/**
 * One end of the line between the core host and its parent, whatever carries it: Node's
 * child_process IPC or Electron's utilityProcess. The host code is the same over both.
 */
export interface HostPort {
  postMessage(message: unknown): void
  onMessage(handler: (message: unknown) => void): void
}

/** Electron's `process.parentPort` in a utility process (typed here: the core never imports electron). */
interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

/** This process's line to its parent: the parentPort in Electron, else the IPC channel of `fork`. */
export function parentPort(): HostPort {
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electron !== undefined) {
    return {
      postMessage: (message) => electron.postMessage(message),
      onMessage: (handler) => electron.on('message', (event) => handler(event.data))
    }
  }
  const send = process.send?.bind(process)
  if (send === undefined) throw new Error('the core host runs as a child: start it with fork')
  return {
    postMessage: (message) => {
      if (process.connected) send(message)
    },
    onMessage: (handler) => void process.on('message', handler)
  }
}
