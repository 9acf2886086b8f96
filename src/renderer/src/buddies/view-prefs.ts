import { ref, watch, type Ref } from 'vue'

/**
 * How this person likes the buddy list to look (folded groups, small faces): kept in the
 * page's storage, since it is about this screen and not about the account or the protocol.
 * Only such per-window display preferences stay local; app state lives in main.
 */
function stored<T>(
  key: string,
  fallback: T,
  read: (text: string) => T,
  write: (value: T) => string
): Ref<T> {
  let initial = fallback
  try {
    const text = localStorage.getItem(key)
    if (text !== null) initial = read(text)
  } catch {
    // Unreadable storage (or a value from another version): start from the default.
  }
  const value = ref(initial) as Ref<T>
  watch(value, (next) => localStorage.setItem(key, write(next)), { deep: true })
  return value
}

export const useCollapsedGroups = (): Ref<Set<string>> =>
  stored(
    'qq.buddies.collapsed',
    new Set<string>(),
    (text) =>
      new Set((JSON.parse(text) as unknown[]).filter((id): id is string => typeof id === 'string')),
    (value) => JSON.stringify([...value])
  )

export const useCompactList = (): Ref<boolean> =>
  stored('qq.buddies.compact', false, (text) => text === 'true', String)
