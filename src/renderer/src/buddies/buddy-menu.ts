import { DEFAULT_GROUP_ID } from '../../../shared/model.ts'
import type { MenuItem } from '../components/PopupMenu.vue'
import type { MessageKey } from '../i18n/translate.ts'
import type { BuddyRow } from './buddy-rows.ts'

/** The right-click menu of a row: a friend's actions, or a group's. */
export function buddyMenuItems(row: BuddyRow, t: (key: MessageKey) => string): MenuItem[] {
  if (row.kind === 'friend')
    return [
      { id: 'chat', label: t('menu.chat'), testId: 'menu-chat' },
      { id: 'profile', label: t('menu.profile'), testId: 'menu-profile' },
      { id: 'remark', label: t('menu.remark'), testId: 'menu-remark' },
      { id: 'move', label: t('menu.move'), testId: 'menu-move' },
      { id: 'remove', label: t('menu.remove'), testId: 'menu-remove', danger: true }
    ]
  const items: MenuItem[] = [
    { id: 'new-group', label: t('buddies.newGroup'), testId: 'menu-new-group' },
    { id: 'rename-group', label: t('buddies.renameGroup'), testId: 'menu-rename-group' }
  ]
  // The default group holds everyone without a group: it can be renamed, never deleted.
  if (row.group.id !== DEFAULT_GROUP_ID)
    items.push({
      id: 'delete-group',
      label: t('buddies.deleteGroup'),
      testId: 'menu-delete-group',
      danger: true
    })
  return items
}
