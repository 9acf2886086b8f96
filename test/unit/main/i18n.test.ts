import { describe, expect, it } from 'vitest'
import { translatorFor } from '../../../src/main/i18n.ts'
import { notificationText } from '../../../src/main/notify/notification-text.ts'

const request = {
  type: 'system-message',
  message: { id: 's', kind: 'request', from: 10001, text: '', time: 0 }
} as const

describe('the main process’s words', () => {
  it('follow the setting, or the system’s language for system', () => {
    expect(translatorFor('zh', 'en-US')('tray.quit')).toBe('退出')
    expect(translatorFor('en', 'zh-CN')('tray.quit')).toBe('Quit')
    expect(translatorFor('system', 'zh-TW')('tray.quit')).toBe('退出')
    expect(translatorFor('system', 'fr-FR')('tray.quit')).toBe('Quit')
  })

  it('come from the shared catalogue, with plural forms for counts', () => {
    const en = translatorFor('en', 'en-US')
    expect(en('tray.unreadCount', { count: 1 })).toBe('1 unread message')
    expect(en('tray.unreadCount', { count: 5 })).toBe('5 unread messages')
    expect(translatorFor('zh', 'zh-CN')('tray.unreadCount', { count: 1 })).toBe('1 条未读消息')
  })

  it('put the name where each language wants it in a notification', () => {
    const nameOf = (): string => 'Alice'
    expect(notificationText(request, 'full', nameOf, translatorFor('zh', 'zh-CN'))).toEqual({
      title: '系统消息',
      body: 'Alice 请求加你为好友'
    })
    expect(notificationText(request, 'full', nameOf, translatorFor('en', 'en-US'))?.body).toBe(
      'Alice wants to add you as a friend'
    )
  })
})
