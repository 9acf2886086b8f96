import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import HoverCard from '../../../src/renderer/src/buddies/HoverCard.vue'
import type { Friend } from '../../../src/shared/model.ts'
import { STATUS } from '../../../src/shared/protocol/index.ts'

const friend = (nick: string, remark: string): Friend => ({
  uin: 10002,
  nick,
  face: 0,
  status: STATUS.ONLINE,
  remark,
  groupId: 'friends',
  unread: 0
})
const nameOn = (shown: Friend): string =>
  mount(HoverCard, {
    props: { friend: shown, group: undefined, anchor: new DOMRect(0, 0, 100, 20) }
  })
    .get('.hover-name')
    .text()

describe('HoverCard', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('names the friend as the list does: remark, else nick, else number', () => {
    expect(nameOn(friend('Bob', 'My brother'))).toBe('My brother')
    expect(nameOn(friend('Bob', ''))).toBe('Bob')
    expect(nameOn(friend('', ''))).toBe('10002')
  })
})
