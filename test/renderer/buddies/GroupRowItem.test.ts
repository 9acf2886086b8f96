import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { GroupRow } from '../../../src/renderer/src/buddies/buddy-rows.ts'
import GroupRowItem from '../../../src/renderer/src/buddies/GroupRowItem.vue'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings.ts'
import {
  DEFAULT_GROUP_ID,
  DEFAULT_GROUP_NAME,
  type FriendGroup
} from '../../../src/shared/model.ts'

const row = (group: FriendGroup): GroupRow => ({
  kind: 'group',
  key: `group-${group.id}`,
  group,
  online: 1,
  total: 2,
  collapsed: false
})
const nameShown = (group: FriendGroup): string =>
  mount(GroupRowItem, { props: { row: row(group) } })
    .get('.group-name')
    .text()

describe('GroupRowItem', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the default group 我的好友 as My friends in English, and follows the language', async () => {
    const settings = useSettingsStore()
    settings.systemLanguages = ['en-US']
    const shown = mount(GroupRowItem, {
      props: { row: row({ id: DEFAULT_GROUP_ID, name: DEFAULT_GROUP_NAME }) }
    })
    expect(shown.get('.group-name').text()).toBe('My friends')
    settings.systemLanguages = ['zh-CN']
    await nextTick()
    expect(shown.get('.group-name').text()).toBe('我的好友')
  })

  it('keeps the names users gave, the default group’s too', () => {
    useSettingsStore().systemLanguages = ['en-US']
    expect(nameShown({ id: 'g1', name: '我的好友' })).toBe('我的好友')
    expect(nameShown({ id: 'g2', name: '同学' })).toBe('同学')
    expect(nameShown({ id: DEFAULT_GROUP_ID, name: 'Family' })).toBe('Family')
  })
})
