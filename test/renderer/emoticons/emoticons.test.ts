import { describe, expect, it } from 'vitest'
import { drawAllEmoticons } from '../../../scripts/emoticons/draw.ts'
import { EMOTICONS } from '../../../src/renderer/src/emoticons/catalog.ts'
import { emoticonUrl } from '../../../src/renderer/src/emoticons/emoticon-url.ts'
import { splitEmoticons } from '../../../src/renderer/src/emoticons/parse.ts'

const committed = import.meta.glob<string>('../../../resources/emoticons/*.svg', {
  eager: true,
  query: '?raw',
  import: 'default'
})
const byName = new Map(
  Object.entries(committed).map(([path, svg]) => [path.split('/').at(-1), svg])
)

const ids = (text: string): string[] =>
  splitEmoticons(text).map((piece) =>
    piece.kind === 'emoticon' ? `[${piece.emoticon.id}]` : piece.text
  )

describe('the emoticon set', () => {
  it('has the classic shortcuts, each code belonging to one emoticon', () => {
    const codes = EMOTICONS.flatMap((emoticon) => emoticon.codes)
    expect(codes).toEqual(expect.arrayContaining(['/wx', '/:)', '/pz', '/se', '/bye', '/mg']))
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('has our own drawing for every emoticon, reproduced by the script', () => {
    const drawn = drawAllEmoticons()
    expect(drawn.size).toBe(EMOTICONS.length)
    expect(byName.size).toBe(EMOTICONS.length)
    for (const [name, svg] of drawn) expect(byName.get(name), name).toBe(svg)
    for (const emoticon of EMOTICONS) expect(emoticonUrl(emoticon.id), emoticon.id).not.toBe('')
  })
})

describe('splitEmoticons', () => {
  it('finds shortcuts anywhere in the text', () => {
    expect(ids('/wx hello/mg')).toEqual(['[wx]', ' hello', '[mg]'])
    expect(ids('/:)/:(')).toEqual(['[wx]', '[ng]'])
  })

  it('prefers the longest shortcut', () => {
    expect(ids('/bye')).toEqual(['[bye]'])
    expect(ids('/by')).toEqual(['[by]'])
    expect(ids('/shuai/shui')).toEqual(['[shuai]', '[shui]'])
  })

  it('leaves text without shortcuts alone, and joins back to the same text', () => {
    expect(ids('1/2 and a/b')).toEqual(['1/2 and a/b'])
    for (const text of ['/wx/wx', 'a/:)b/pz', '', '//wx/']) {
      const joined = splitEmoticons(text)
        .map((piece) => (piece.kind === 'emoticon' ? piece.code : piece.text))
        .join('')
      expect(joined).toBe(text)
    }
  })

  it('is case-sensitive, as the shortcuts are typed', () => {
    expect(ids('/WX')).toEqual(['/WX'])
  })
})
