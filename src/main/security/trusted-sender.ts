import type { IpcMainInvokeEvent, WebContents } from 'electron'

export interface SenderCheck {
  /** True for the contents of one of our windows. */
  owns(contents: WebContents): boolean
  isAppUrl(url: string): boolean
}

/**
 * A call counts only from the top frame of one of our windows, showing one of our pages:
 * not from an iframe, a page that navigated away, or any other contents (a devtools
 * extension, a window someone else opened).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, check: SenderCheck): boolean {
  const frame = event.senderFrame
  if (frame === null || frame.parent !== null) return false
  return check.owns(event.sender) && check.isAppUrl(frame.url)
}
