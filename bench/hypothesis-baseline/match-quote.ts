import search from 'approx-string-match'

/**
 * The benchmark's baseline: how Hypothesis's client anchors a
 * TextQuoteSelector (its `matchQuote`), re-implemented here for comparison
 * only, from a description of the approach — not Hypothesis's code. One quote
 * at a time over the whole text, no folding, no preparation shared between
 * quotes:
 * - candidates: every exact occurrence (indexOf); when there is none, the
 *   best approximate matches (approx-string-match) with up to half the quote
 *   (at most 256) in errors;
 * - each candidate is scored by quote similarity (weight 50), prefix and
 *   suffix similarity (20 each: the context searched approximately in the
 *   same length of text just before / after the candidate) and closeness to
 *   the position hint (2), and the best one is taken. There is no minimum
 *   score: any candidate wins over none.
 * Offsets are UTF-16 units of `text`, as in the DOM's text content.
 */
export interface BaselineMatch {
  start: number
  end: number
  errors: number
  score: number
}

export interface BaselineContext {
  prefix?: string
  suffix?: string
  /** Expected start (the stored position). */
  hint?: number
}

interface Found {
  start: number
  end: number
  errors: number
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 }
const TOTAL_WEIGHT = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position

/** Exact occurrences first (the library has no such shortcut), else approximate matches. */
function candidatesOf(text: string, pattern: string, maxErrors: number): Found[] {
  const exact: Found[] = []
  let at = text.indexOf(pattern)
  while (at !== -1) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 })
    at = text.indexOf(pattern, at + 1)
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors)
}

/** 0…1: how well `context` matches somewhere in `window` (1 = exactly). */
function contextSimilarity(window: string, context: string): number {
  if (context.length === 0 || window.length === 0) return 0
  const best = candidatesOf(window, context, context.length)[0]
  return best ? 1 - best.errors / context.length : 0
}

/** The best-scoring place for `quote` in `text`, or null when there is no candidate at all. */
export function baselineMatchQuote(
  text: string,
  quote: string,
  context: BaselineContext = {},
): BaselineMatch | null {
  if (quote.length === 0) return null
  const found = candidatesOf(text, quote, Math.min(256, quote.length / 2))
  let best: BaselineMatch | null = null
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length
    const prefixScore = context.prefix
      ? contextSimilarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
      : 1
    const suffixScore = context.suffix
      ? contextSimilarity(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length
    const score =
      (WEIGHT.quote * quoteScore +
        WEIGHT.prefix * prefixScore +
        WEIGHT.suffix * suffixScore +
        WEIGHT.position * positionScore) /
      TOTAL_WEIGHT
    if (!best || score > best.score) best = { ...m, score }
  }
  return best
}
