import type { Node as PMNode } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import type { DocNode } from '../../../../common/document'
import { BLOCK_SEPARATOR, codePointLength, plainText } from '../../../../common/plain-text'
import type { TextOffsets } from '../../document/text-offsets'
import { sliceCodePoints } from './code-points'

/** A selection in the article, in both coordinate systems, with the text it covers. */
export interface TextRange {
  /** ProseMirror positions. */
  from: number
  to: number
  /** Code-point offsets in the article's plain text (what the annotation stores). */
  start: number
  end: number
  /** The plain text between start and end. */
  quote: string
}

/**
 * The DOM selection clipped to the article's text, as a range of the
 * document. Only the part inside the ProseMirror view counts, so a drag that
 * starts on the title and runs into the text highlights the text only.
 */
function clippedDomRange(view: EditorView): Range | null {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0).cloneRange()
  const whole = document.createRange()
  whole.selectNodeContents(view.dom)
  if (
    range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0 ||
    range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0
  )
    return null
  if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0)
    range.setStart(whole.startContainer, whole.startOffset)
  if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0)
    range.setEnd(whole.endContainer, whole.endOffset)
  return range.collapsed ? null : range
}

/**
 * What the user has selected in the article: ProseMirror positions from the
 * DOM selection (read directly, so it is right even before ProseMirror has
 * synced its own state), the plain-text offsets, and the quote cut from the
 * plain text with those offsets — the same text `getSelection().toString()`
 * gives for a selection inside a paragraph, and exactly what main checks
 * against. Line breaks at either end (a selection reaching into the next
 * or previous paragraph by nothing but its separator) are left out. Null
 * when nothing, or only whitespace, is selected.
 */
export function readSelection(view: EditorView, offsets: TextOffsets): TextRange | null {
  const range = clippedDomRange(view)
  if (!range) return null
  let from: number
  let to: number
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset, 1)
    to = view.posAtDOM(range.endContainer, range.endOffset, -1)
  } catch {
    return null
  }
  if (to <= from) return null
  let start = offsets.toOffset(from)
  let end = offsets.toOffset(to)
  if (end <= start) return null
  let quote = quoteBetween(view.state.doc, offsets, start, end)
  if (quote.trim() === '') return null
  // A selection that runs to the very end of one paragraph or starts at the very end of the
  // previous one takes in the block separator; a highlight begins and ends on text.
  const lead = /^\n+/.exec(quote)?.[0].length ?? 0
  const trail = /\n+$/.exec(quote)?.[0].length ?? 0
  if (lead > 0 || trail > 0) {
    quote = quote.slice(lead, quote.length - trail)
    start += lead
    end -= trail
    from = offsets.toPos(start)
    to = offsets.toPos(end)
  }
  return { from, to, start, end, quote }
}

/**
 * The plain text between two offsets, cut from the document itself rather
 * than from a copy of the whole plain text (which would double the memory a
 * long book costs). ProseMirror's textBetween separates text blocks exactly
 * as common/plain-text.ts does ('\n\n' between text blocks, '\n' for a hard
 * break); if it ever disagrees on the length, the full plain text decides.
 */
function quoteBetween(doc: PMNode, offsets: TextOffsets, start: number, end: number): string {
  const quote = doc.textBetween(offsets.toPos(start), offsets.toPos(end), BLOCK_SEPARATOR, '\n')
  if (codePointLength(quote) === end - start) return quote
  return sliceCodePoints(plainText(doc.toJSON() as DocNode), start, end)
}
