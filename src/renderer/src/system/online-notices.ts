/**
 * Friends coming online, noticed by the buddy list window (which is open whenever I am
 * logged in) and read by the system messages window: the core keeps no such list, so the
 * windows share it through the page's storage, per account.
 */
export interface OnlineNotice {
  readonly uin: number
  readonly time: number
}

export const ONLINE_NOTICES_KEPT = 50

export const onlineNoticesKey = (account: number): string => `qq.onlineNotices.${account}`

const isNotice = (value: unknown): value is OnlineNotice =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OnlineNotice).uin === 'number' &&
  typeof (value as OnlineNotice).time === 'number'

export function readOnlineNotices(text: string | null): OnlineNotice[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isNotice).slice(0, ONLINE_NOTICES_KEPT) : []
  } catch {
    return []
  }
}
