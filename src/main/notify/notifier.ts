import { Notification } from 'electron'
import type { NotificationText } from './notification-text.ts'

/** Shows a native notification (silent: the app plays its own sounds); a click opens the chat. */
export function showNotification(
  text: NotificationText,
  icon: string,
  onClick: (text: NotificationText) => void
): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({ title: text.title, body: text.body, icon, silent: true })
  notification.on('click', () => onClick(text))
  notification.show()
}
