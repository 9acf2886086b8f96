/**
 * The message box's content as DOM and back. The box holds only text nodes, line breaks and
 * our emoticon pictures (an `<img>` whose `data-code` is the shortcut it stands for); what
 * is sent is the text with each picture's shortcut, so any client of the protocol reads it.
 * Nothing here parses markup: pictures are made from our catalogue, text goes in as text.
 */
import type { Language } from '../../../shared/model.ts'
import { emoticonUrl } from '../emoticons/emoticon-url.ts'
import { splitEmoticons } from '../emoticons/parse.ts'

const BLOCKS = new Set(['DIV', 'P'])

function emoticonPicture(
  code: string,
  id: string,
  title: string,
  document: Document
): HTMLImageElement {
  const picture = document.createElement('img')
  picture.className = 'emoticon'
  picture.src = emoticonUrl(id)
  picture.alt = code
  picture.title = title
  picture.draggable = false
  picture.dataset.code = code
  return picture
}

/** `text` as the box's nodes: text as text, each emoticon shortcut as its picture. */
export function draftFragment(text: string, language: Language, document: Document) {
  const fragment = document.createDocumentFragment()
  for (const piece of splitEmoticons(text)) {
    fragment.append(
      piece.kind === 'text'
        ? document.createTextNode(piece.text)
        : emoticonPicture(piece.code, piece.emoticon.id, piece.emoticon[language], document)
    )
  }
  return fragment
}

/**
 * The text of `root`'s content. A browser edits the box in its own ways (a `<div>` per line
 * after some insertions, a `<br>`); each of those is one line break. A picture that is not
 * one of ours (none can get in, but still) counts as nothing.
 */
export function nodesText(root: Node): string {
  let text = ''
  for (const node of root.childNodes) {
    if (node.nodeType === node.TEXT_NODE) text += node.textContent ?? ''
    else if (node instanceof HTMLImageElement) text += node.dataset.code ?? ''
    else if (node instanceof HTMLBRElement) text += '\n'
    else if (node instanceof HTMLElement) {
      if (BLOCKS.has(node.tagName) && text !== '' && !text.endsWith('\n')) text += '\n'
      text += nodesText(node)
    }
  }
  return text
}

/**
 * The message the box holds. Its last line break only makes an empty last line visible
 * (a browser adds one after a break typed at the end), so it is not part of the text.
 */
export function draftText(box: HTMLElement): string {
  const text = nodesText(box)
  return text.endsWith('\n') ? text.slice(0, -1) : text
}

/** Replaces the box's content with `text`, keeping its last line visible (see draftText). */
export function showDraft(box: HTMLElement, text: string, language: Language): void {
  const fragment = draftFragment(text, language, box.ownerDocument)
  if (text.endsWith('\n')) fragment.append(box.ownerDocument.createTextNode('\n'))
  box.replaceChildren(fragment)
}
