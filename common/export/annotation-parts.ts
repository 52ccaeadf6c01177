import { repliesOf } from './note-threads'
import type { AnchoredAnnotation } from '../annotation'
import { prepareText } from '../anchoring'

/** Whether an annotation has a note worth a footnote (whitespace alone is no note). */
export const hasNote = (a: AnchoredAnnotation): boolean => a.body.note.trim() !== ''

/**
 * Whether an annotation gets a footnote: it has a note, tags or replies
 * (note-threads.ts). A bare
 * highlight is shown by its colour alone; tags without a note would
 * otherwise be lost from the annotated copy.
 */
export const needsFootnote = (a: AnchoredAnnotation): boolean =>
  hasNote(a) || a.body.tags.length > 0 || repliesOf(a).length > 0

/**
 * The text each annotation quotes: for an anchored one, the current plain
 * text under its anchor (what the reader sees highlighted); for an orphan,
 * or an anchor outside the text, the quote stored when it was made.
 */
export function quotedTexts(
  plain: string,
  annotations: readonly AnchoredAnnotation[],
): Map<AnchoredAnnotation, string> {
  const out = new Map<AnchoredAnnotation, string>()
  if (annotations.length === 0) return out
  const prepared = prepareText(plain)
  for (const a of annotations) {
    const anchor = a.anchor
    if (anchor && anchor.start >= 0 && anchor.end <= prepared.length && anchor.start < anchor.end) {
      out.set(a, plain.slice(prepared.toUtf16(anchor.start), prepared.toUtf16(anchor.end)))
    } else out.set(a, a.target?.quote.exact ?? '')
  }
  return out
}

/** A quote cut to `max` code points at a word where it can be, with an ellipsis. */
export function shortQuote(quote: string, max = 120): string {
  const folded = quote.replace(/\s+/g, ' ').trim()
  const chars = Array.from(folded)
  if (chars.length <= max) return folded
  const cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}
