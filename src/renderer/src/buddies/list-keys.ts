import type { BuddyRow } from './buddy-rows.ts'

export type ListAction =
  | { readonly kind: 'move'; readonly index: number }
  | { readonly kind: 'open'; readonly row: BuddyRow }
  | { readonly kind: 'collapse'; readonly groupId: string; readonly collapsed: boolean }
  | { readonly kind: 'menu'; readonly row: BuddyRow }
  | { readonly kind: 'remove'; readonly row: BuddyRow }

/** The group header a row belongs under (searching has none). */
function headerAbove(rows: readonly BuddyRow[], index: number): number {
  for (let i = index; i >= 0; i--) if (rows[i]?.kind === 'group') return i
  return -1
}

/**
 * What a key does in the buddy list, a tree: arrows move (by a page with Page Up/Down),
 * Enter opens a chat or folds a group, Left/Right fold and unfold (Left on a friend goes to
 * its group), the menu key or Shift+F10 opens the context menu, Delete asks to remove.
 */
export function listKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  rows: readonly BuddyRow[],
  active: number,
  pageSize: number
): ListAction | null {
  const last = rows.length - 1
  const row = rows[active]
  const move = (index: number): ListAction => ({
    kind: 'move',
    index: Math.max(0, Math.min(last, index))
  })
  switch (event.key) {
    case 'ArrowDown':
      return move(active + 1)
    case 'ArrowUp':
      return move(active - 1)
    case 'Home':
      return move(0)
    case 'End':
      return move(last)
    case 'PageDown':
      return move(active + pageSize)
    case 'PageUp':
      return move(active - pageSize)
  }
  if (!row) return null
  switch (event.key) {
    case 'Enter':
      return row.kind === 'friend'
        ? { kind: 'open', row }
        : { kind: 'collapse', groupId: row.group.id, collapsed: !row.collapsed }
    case 'ArrowLeft':
      if (row.kind === 'group')
        return row.collapsed ? null : { kind: 'collapse', groupId: row.group.id, collapsed: true }
      return headerAbove(rows, active) >= 0 ? move(headerAbove(rows, active)) : null
    case 'ArrowRight':
      return row.kind === 'group' && row.collapsed
        ? { kind: 'collapse', groupId: row.group.id, collapsed: false }
        : null
    case 'ContextMenu':
      return { kind: 'menu', row }
    case 'F10':
      return event.shiftKey ? { kind: 'menu', row } : null
    case 'Delete':
      return row.kind === 'friend' ? { kind: 'remove', row } : null
  }
  return null
}
