import type { Language } from '../shared/model.ts'

/** The few words the main process shows itself: the tray and notifications. */
const WORDS = {
  zh: {
    appName: 'QQ',
    online: '我在线上',
    busy: '忙碌',
    invisible: '隐身',
    offline: '离线',
    loggedOut: '未登录',
    open: '打开主面板',
    unread: '未读消息',
    noUnread: '没有未读消息',
    quit: '退出',
    newMessage: '发来一条新消息',
    friendRequest: '请求加你为好友',
    requestAccepted: '通过了你的好友请求',
    requestRefused: '拒绝了你的好友请求',
    cameOnline: '上线了',
    systemMessage: '系统消息'
  },
  en: {
    appName: 'QQ',
    online: 'Online',
    busy: 'Busy',
    invisible: 'Invisible',
    offline: 'Offline',
    loggedOut: 'Not logged in',
    open: 'Open QQ',
    unread: 'Unread messages',
    noUnread: 'No unread messages',
    quit: 'Quit',
    newMessage: 'sent you a message',
    friendRequest: 'wants to add you as a friend',
    requestAccepted: 'accepted your friend request',
    requestRefused: 'refused your friend request',
    cameOnline: 'is online',
    systemMessage: 'System message'
  }
} as const satisfies Record<Language, Record<string, string>>

export type Words = (typeof WORDS)[Language]

/** `system` follows the operating system's language: Chinese for any zh locale. */
export function wordsFor(setting: Language | 'system', systemLocale: string): Words {
  const language =
    setting === 'system' ? (systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en') : setting
  return WORDS[language]
}
