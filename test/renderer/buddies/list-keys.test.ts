import { describe, expect, it } from 'vitest'
import { buddyRows } from '../../../src/renderer/src/buddies/buddy-rows.ts'
import { listKeyAction } from '../../../src/renderer/src/buddies/list-keys.ts'
import type { Friend } from '../../../src/shared/model.ts'

const friend = (uin: number, groupId: string): Friend => ({
  uin,
  nick: `n${uin}`,
  face: 0,
  status: 10,
  remark: '',
  groupId,
  unread: 0
})
// Rows: 0 group friends, 1 n1, 2 n2, 3 group work (folded)
const rows = buddyRows(
  [friend(1, 'friends'), friend(2, 'friends'), friend(3, 'work')],
  [
    { id: 'friends', name: 'F' },
    { id: 'work', name: 'W' }
  ],
  { query: '', collapsed: new Set(['work']), language: 'en' }
)
const press = (key: string, active: number, shiftKey = false) =>
  listKeyAction({ key, shiftKey }, rows, active, 2)

describe('listKeyAction', () => {
  it('moves with the arrows, Home, End and by pages, never past either end', () => {
    expect(press('ArrowDown', 0)).toEqual({ kind: 'move', index: 1 })
    expect(press('ArrowDown', 3)).toEqual({ kind: 'move', index: 3 })
    expect(press('ArrowUp', 0)).toEqual({ kind: 'move', index: 0 })
    expect(press('End', 0)).toEqual({ kind: 'move', index: 3 })
    expect(press('Home', 3)).toEqual({ kind: 'move', index: 0 })
    expect(press('PageDown', 0)).toEqual({ kind: 'move', index: 2 })
    expect(press('PageUp', 3)).toEqual({ kind: 'move', index: 1 })
  })

  it('opens a chat with Enter on a friend, folds or unfolds a group with Enter', () => {
    expect(press('Enter', 1)).toMatchObject({ kind: 'open', row: { friend: { uin: 1 } } })
    expect(press('Enter', 0)).toEqual({ kind: 'collapse', groupId: 'friends', collapsed: true })
    expect(press('Enter', 3)).toEqual({ kind: 'collapse', groupId: 'work', collapsed: false })
  })

  it('folds with Left, unfolds with Right, and Left on a friend goes to its group', () => {
    expect(press('ArrowLeft', 0)).toEqual({ kind: 'collapse', groupId: 'friends', collapsed: true })
    expect(press('ArrowLeft', 3)).toBeNull()
    expect(press('ArrowRight', 3)).toEqual({ kind: 'collapse', groupId: 'work', collapsed: false })
    expect(press('ArrowLeft', 2)).toEqual({ kind: 'move', index: 0 })
  })

  it('opens the context menu with the menu key or Shift+F10, asks to delete with Delete', () => {
    expect(press('ContextMenu', 1)).toMatchObject({ kind: 'menu' })
    expect(press('F10', 1, true)).toMatchObject({ kind: 'menu' })
    expect(press('F10', 1)).toBeNull()
    expect(press('Delete', 2)).toMatchObject({ kind: 'remove', row: { friend: { uin: 2 } } })
    expect(press('Delete', 0)).toBeNull()
  })
})
