import type { Creator } from '../../../common/annotation'
import { el } from './dom'
import { strings } from './strings'

/** How many badge hues styles/annotations.css defines (`.author-hue-0` … `.author-hue-11`). */
export const AUTHOR_HUES = 12

/**
 * The badge hue of an author: a hash (FNV-1a) of the creator id, so the same
 * colleague has the same colour on every machine and in every article. A
 * class, not an inline style: the CSP allows no style attributes.
 */
export function authorHue(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % AUTHOR_HUES
}

/** An author's name as shown (an unnamed author gets the generic label). */
export function authorName(creator: Creator): string {
  return creator.name.trim() || strings.unknownAuthor
}

/** A small coloured badge with the author's name, in its own direction. */
export function authorBadge(creator: Creator): HTMLElement {
  return el(
    'span',
    {
      class: `author-badge author-hue-${authorHue(creator.id)}`,
      attrs: { 'data-author-id': creator.id, title: strings.authorBadgeTitle(authorName(creator)) },
    },
    [el('bdi', { text: authorName(creator) })],
  )
}
