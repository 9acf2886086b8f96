import type { Friend, FriendGroup } from '../../../shared/model.ts'

/** The one dialog the buddy list shows at a time. */
export type BuddyDialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'remove'; readonly friend: Friend }
  | { readonly kind: 'remark'; readonly friend: Friend }
  | { readonly kind: 'move'; readonly friend: Friend }
  | { readonly kind: 'new-group' }
  | { readonly kind: 'rename-group'; readonly group: FriendGroup }
  | { readonly kind: 'delete-group'; readonly group: FriendGroup }
