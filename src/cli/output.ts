import type { ChatMessage, Friend, FriendGroup, Profile } from '../shared/model.ts'
import { CATALOGUES, isMessageKey } from '../shared/i18n/catalogues.ts'
import {
  describeProfileField,
  profileFieldLabel,
  type Lookup
} from '../shared/i18n/profile-words.ts'
import { STATUS, type Status } from '../shared/protocol/index.ts'

/** Where the command line writes; injected so tests and `listen` share it. */
export interface Output {
  line(text: string): void
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/** Control characters become visible escapes: a message can't move the cursor or clear a terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The protocol's name of a status (`online`, `busy`…): words for scripts, not for people. */
const statusName = (status: Status): string =>
  (Object.keys(STATUS) as (keyof typeof STATUS)[])
    .find((name) => STATUS[name] === status)
    ?.toLowerCase() ?? String(status)

export function friendLines(
  friends: readonly Friend[],
  groups: readonly FriendGroup[],
  json: boolean
): string[] {
  const groupName = new Map(groups.map((group) => [group.id, group.name]))
  return friends.map((friend) =>
    json
      ? JSON.stringify(friend)
      : [
          friend.uin,
          statusName(friend.status),
          printable(friend.nick),
          printable(groupName.get(friend.groupId) ?? ''),
          printable(friend.remark)
        ]
          .join('\t')
          .trimEnd()
  )
}

/** The English catalogue as data: the CLI runs without vue-i18n, and these have no syntax. */
const english: Lookup = (key) => (isMessageKey(key) ? CATALOGUES.en[key] : undefined)

export function profileLines(profile: Profile, json: boolean): string[] {
  if (json) return [JSON.stringify(profile)]
  return Object.entries(profile.fields).map(([key, value]) => {
    const described = describeProfileField(key, value, english)
    const label = profileFieldLabel(key, english)
    const shown = described === value ? value : `${value} (${described})`
    return `${key}\t${label}\t${printable(shown)}`
  })
}

function time(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

export function messageLines(messages: readonly ChatMessage[], json: boolean): string[] {
  return messages.map((message) =>
    json
      ? JSON.stringify(message)
      : [time(message.time), message.direction, message.state, printable(message.text)].join('\t')
  )
}
