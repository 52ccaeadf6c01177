import type { Folded } from '../arabic-fold'
import { accepts, compareContext, contextCost, type FoldedQuote } from './context'

/** A place in the folded text where the quote (or something close to it) was found. */
export interface Candidate {
  /** Folded range. */
  start: number
  end: number
  /** Edit distance between the folded quote and this range (0 for exact and folded matches). */
  errors: number
  /** UTF-16 start in the original text, when the stage knows it exactly (the exact-quote stage). */
  from16?: number
}

/** The chosen candidate with its cost (lower is better). */
export interface Choice extends Candidate {
  cost: number
}

/**
 * Picks the best candidate that passes the acceptance rule (context.ts):
 * lowest cost (quote errors count double, then context distance), then the
 * one nearest the expected folded position. Null when none is acceptable.
 */
export function chooseCandidate(
  folded: Folded,
  quote: FoldedQuote,
  candidates: Iterable<Candidate>,
  hint: number,
): Choice | null {
  let best: Choice | null = null
  let bestDistance = Infinity
  for (const c of candidates) {
    const { prefix, suffix } = compareContext(quote, folded.text, c.start, c.end)
    if (!accepts(prefix, suffix)) continue
    const cost = 2 * c.errors + contextCost(prefix, suffix)
    const distance = Math.abs(c.start - hint)
    if (!best || cost < best.cost || (cost === best.cost && distance < bestDistance)) {
      best = { ...c, cost }
      bestDistance = distance
    }
  }
  return best
}

/** Every occurrence of `needle` in `haystack` as a candidate (indexOf, one pass). */
export function* occurrences(haystack: string, needle: string): Generator<Candidate> {
  if (!needle) return
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    yield { start: i, end: i + needle.length, errors: 0 }
  }
}
