import { QUOTE_CONTEXT, type AnnotationTarget } from '../annotation'
import type { AnchorText } from './anchor-text'
import { advanceCodePoints, retreatCodePoints } from './code-points'

/**
 * The stored target of a selection [start, end) given in code points of the
 * article's plain text: the position selector as is, and the quote with up to
 * QUOTE_CONTEXT code points of context either side (fewer only at the
 * document's edges, which is how anchoring recognises an edge). Pass the
 * prepared text when describing many selections of one article (no scan from
 * the start each time). Throws a RangeError for an empty or out-of-range
 * selection.
 */
export function describeSelection(text: string | AnchorText, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new RangeError(`invalid selection [${start}, ${end})`)
  }
  let s: number
  let e: number
  let plain: string
  if (typeof text === 'string') {
    plain = text
    s = advanceCodePoints(plain, 0, start)
    e = s < 0 ? -1 : advanceCodePoints(plain, s, end - start)
  } else {
    plain = text.text
    s = end <= text.length ? text.toUtf16(start) : -1
    e = s < 0 ? -1 : text.toUtf16(end)
  }
  if (e < 0) throw new RangeError(`selection [${start}, ${end}) is outside the text`)
  const after = advanceCodePoints(plain, e, QUOTE_CONTEXT)
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: plain.slice(s, e),
      prefix: plain.slice(retreatCodePoints(plain, s, QUOTE_CONTEXT), s),
      suffix: plain.slice(e, after < 0 ? plain.length : after),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}
