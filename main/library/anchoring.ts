// TEMPORARY stand-in until common/anchoring/ lands: position check and exact quote only.
import type { Anchor, AnnotationTarget } from '../../common/annotation'
import { QUOTE_CONTEXT } from '../../common/annotation'

export interface AnchorText {
  text: string
  chars: string[]
}

export function prepareText(text: string): AnchorText {
  return { text, chars: Array.from(text) }
}

export function describeSelection(text: string, start: number, end: number): AnnotationTarget {
  const chars = Array.from(text)
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: chars.slice(start, end).join(''),
      prefix: chars.slice(Math.max(0, start - QUOTE_CONTEXT), start).join(''),
      suffix: chars.slice(end, end + QUOTE_CONTEXT).join(''),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}

export function anchor(prepared: AnchorText, target: AnnotationTarget): Anchor | null {
  const { start, end } = target.position
  if (prepared.chars.slice(start, end).join('') === target.quote.exact)
    return { start, end, method: 'position' }
  const i = prepared.text.indexOf(target.quote.exact)
  if (i < 0) return null
  const s = Array.from(prepared.text.slice(0, i)).length
  return { start: s, end: s + Array.from(target.quote.exact).length, method: 'quote' }
}
