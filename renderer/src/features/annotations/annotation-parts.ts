import type { AnchoredAnnotation } from '../../../../common/annotation'
import { el } from '../../ui/dom'
import { formatFullMoment, formatRelative } from '../../ui/format'
import { authorBadge } from '../../ui/author-badge'
import type { MarkdownOptions } from './markdown'
import { renderNoteInto } from './markdown-loader'

/** Longest quote shown in the panel before it is cut with an ellipsis. */
const EXCERPT_POINTS = 160

/** A quote cut to a readable length at a word, in code points (never splitting a surrogate pair). */
export function excerpt(text: string, max = EXCERPT_POINTS): string {
  const points = Array.from(text.replace(/\s+/g, ' ').trim())
  if (points.length <= max) return points.join('')
  const cut = points.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** The quoted text in its own direction (an Arabic quote in the English panel stays right-to-left). */
export function quoteBlock(annotation: AnchoredAnnotation, lang: string, dir = 'auto'): HTMLElement {
  return el('blockquote', {
    class: 'annotation-quote',
    attrs: { dir, lang },
    text: excerpt(annotation.target?.quote.exact ?? ''),
  })
}

/** The author's badge · "5 minutes ago", the full date and time as a tooltip. */
export function metaLine(annotation: AnchoredAnnotation): HTMLElement {
  const moment = annotation.modified || annotation.created
  return el('p', { class: 'annotation-meta' }, [
    el('span', { class: 'annotation-author' }, [authorBadge(annotation.creator)]),
    el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
    el('time', {
      attrs: { datetime: moment, title: formatFullMoment(moment) },
      text: formatRelative(moment),
    }),
  ])
}

/** A note rendered from its Markdown (see markdown.ts: text and allowed elements only). */
export function noteBlock(note: string, options: MarkdownOptions): HTMLElement {
  const block = el('div', { class: 'annotation-note', attrs: { dir: 'auto' } })
  renderNoteInto(block, note, options)
  return block
}

/** An annotation's tags as chips, each in its own direction. */
export function tagList(tags: string[]): HTMLElement {
  return el(
    'ul',
    { class: 'tags annotation-tags' },
    tags.map((t) => el('li', { class: 'tag', attrs: { dir: 'auto' }, text: t })),
  )
}
