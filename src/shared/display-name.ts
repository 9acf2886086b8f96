/** Who a name is for: a friend, a stored contact, or only a number (someone not on the list). */
export interface Named {
  readonly uin: number
  readonly nick?: string
  readonly remark?: string
}

/**
 * What a person is called everywhere (the list, chats, alerts, the tray, history): the remark
 * I gave them, else their nickname, else their number. An empty remark or nick counts as none.
 */
export const displayName = (person: Named): string =>
  person.remark || person.nick || String(person.uin)
