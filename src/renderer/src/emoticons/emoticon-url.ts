import { EMOTICONS } from './catalog.ts'

// Bundled by Vite as files of the app: a picture loads when a message shows it, never from
// anywhere but the app itself.
const FILES = import.meta.glob<string>('../../../../resources/emoticons/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default'
})

const URLS = new Map(
  EMOTICONS.map((e) => [e.id, FILES[`../../../../resources/emoticons/${e.id}.svg`] ?? ''])
)

export const emoticonUrl = (id: string): string => URLS.get(id) ?? ''
