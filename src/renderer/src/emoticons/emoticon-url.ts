import { EMOTICONS } from './catalog.ts'

// Bundled by Vite: each picture becomes an asset (or a data: URL when small), never fetched
// from anywhere but the app itself.
const FILES = import.meta.glob<string>('../../../../resources/emoticons/*.svg', {
  eager: true,
  query: '?url',
  import: 'default'
})

const URLS = new Map(
  EMOTICONS.map((e) => [e.id, FILES[`../../../../resources/emoticons/${e.id}.svg`] ?? ''])
)

export const emoticonUrl = (id: string): string => URLS.get(id) ?? ''
