import { DEFAULT_GROUP_ID, DEFAULT_GROUP_NAME, type FriendGroup } from '../../../shared/model.ts'

/**
 * A group's name as the window shows it. The core stores the default group under its Chinese
 * name, so that one (or none: a friend in a group that is gone) reads in the window's
 * language; a name the user chose, even for the default group, is shown as typed.
 */
export function groupText(group: FriendGroup | undefined, defaultName: string): string {
  if (group === undefined || group.name === '') return defaultName
  return group.id === DEFAULT_GROUP_ID && group.name === DEFAULT_GROUP_NAME
    ? defaultName
    : group.name
}
