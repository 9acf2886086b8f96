import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BuddyDialog } from '../../../src/renderer/src/buddies/buddy-dialog.ts'

import BuddyDialogs from '../../../src/renderer/src/buddies/BuddyDialogs.vue'

const GROUP = { id: 'g1', name: '同学' }
const FRIEND = {
  uin: 10002,
  nick: 'Bob',
  face: 6,
  status: 10 as const,
  remark: '',
  groupId: 'friends',
  unread: 0
}
const show = (dialog: BuddyDialog) => mount(BuddyDialogs, { props: { dialog } })

describe('BuddyDialogs', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('asks for a new group’s name empty, and a renamed group’s starting from its name', () => {
    const created = show({ kind: 'new-group' })
    expect(created.find('h2').text()).toBe('New group')
    expect(created.get<HTMLInputElement>('[data-testid="group-name"]').element.value).toBe('')
    const renamed = show({ kind: 'rename-group', group: GROUP })
    expect(renamed.find('h2').text()).toBe('Rename group')
    expect(renamed.get<HTMLInputElement>('[data-testid="group-name"]').element.value).toBe('同学')
  })

  it('asks before deleting a friend or a group, naming them', () => {
    const friend = show({ kind: 'remove', friend: FRIEND })
    expect(friend.find('h2').text()).toBe('Delete friend')
    expect(friend.get('[data-testid="confirm-ok"]').text()).toBe('Delete friend')
    expect(friend.find('.dialog-text').text()).toContain('Bob')
    const group = show({ kind: 'delete-group', group: GROUP })
    expect(group.find('h2').text()).toBe('Delete group')
    expect(group.get('[data-testid="confirm-ok"]').text()).toBe('OK')
    expect(group.find('.dialog-text').text()).toContain('同学')
  })
})

describe('a dialog’s action', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is one button, which Enter in the fields presses too (no hidden copy of it)', () => {
    for (const dialog of [
      show({ kind: 'add' }),
      show({ kind: 'new-group' }),
      show({ kind: 'remark', friend: FRIEND })
    ]) {
      const form = dialog.get('form')
      const buttons = dialog.findAll('button')
      expect(buttons.map((button) => button.text())).toHaveLength(2)
      const [action] = buttons
      expect(action?.attributes('type')).toBe('submit')
      expect(action?.attributes('form')).toBe(form.attributes('id'))
    }
  })
})
