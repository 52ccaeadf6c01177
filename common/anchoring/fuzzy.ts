import search from 'approx-string-match'
import type { Folded } from '../arabic-fold'
import { chooseCandidate, type Candidate, type Choice } from './candidates'
import type { FoldedQuote } from './context'
import { refineBounds } from './refine'

/** Quote errors a fuzzy match may have: a quarter of the folded quote. Beyond that it is no match. */
export const FUZZY_ERROR_SHARE = 1 / 4

/** Cap on those errors, which keeps the search time bounded for very long quotes (as Hypothesis does). */
export const FUZZY_MAX_ERRORS = 256

const maxErrorsFor = (length: number): number =>
  Math.min(FUZZY_MAX_ERRORS, Math.floor(length * FUZZY_ERROR_SHARE))

/** Folded characters either side of the expected place searched before the whole text. */
export const FUZZY_WINDOW = 4096

/** Approximate matches of `pattern` in folded text [from, to), in whole-text coordinates. */
function approx(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): Candidate[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to)
  return search(slice, pattern, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors,
  }))
}

/**
 * The fuzzy stage: the folded quote with up to FUZZY_ERROR_SHARE of it in
 * errors (approx-string-match, Myers' bit-parallel algorithm), first in a
 * window around the expected place, then in the whole text. The library
 * reports only the lowest-error matches, so an unchanged copy of the quote
 * would hide an edited original with more errors; when every such match is
 * refused by its context, the quote is searched again glued to its stored
 * prefix and to its stored suffix, which only the original's surroundings
 * match. That second search covers the window, and the whole text only when
 * the stored position cannot be trusted (`hintReliable` false: the text's
 * density changed, as from a vocalised to an unvocalised copy); otherwise an
 * original that was edited, has an unchanged copy elsewhere and moved far
 * stays an orphan — never a wrong anchor — and orphans cost one whole-text
 * search, not three.
 */
export function fuzzyMatch(
  folded: Folded,
  quote: FoldedQuote,
  hint: number,
  hintReliable = true,
  window = FUZZY_WINDOW,
): Choice | null {
  const k = maxErrorsFor(quote.quote.length)
  if (k < 1) return null
  const choice = findFuzzy(folded, quote, hint, hintReliable, window, k)
  return choice && refineBounds(folded.text, quote, choice, k)
}

function findFuzzy(
  folded: Folded,
  quote: FoldedQuote,
  hint: number,
  hintReliable: boolean,
  window: number,
  k: number,
): Choice | null {
  const text = folded.text
  const q = quote.quote
  const from = Math.max(0, hint - window)
  const to = Math.min(text.length, hint + q.length + window)
  const inWindow = approx(text, q, k, from, to)
  const near = chooseCandidate(folded, quote, inWindow, hint)
  if (near) return near
  // Matches with fewer errors than k may hide an original with more; with none within k nothing is hidden.
  const mayHide = (found: Candidate[]) => found.some((m) => m.errors < k)
  if (mayHide(inWindow)) {
    const hidden = withContext(folded, quote, hint, k, from, to)
    if (hidden) return hidden
  }
  if (from === 0 && to === text.length) return null
  const anywhere = approx(text, q, k)
  const best = chooseCandidate(folded, quote, anywhere, hint)
  if (best || hintReliable || !mayHide(anywhere)) return best
  return withContext(folded, quote, hint, k, 0, text.length)
}

/** Searches prefix+quote and quote+suffix in [from, to), then the quote inside each match's region. */
function withContext(
  folded: Folded,
  quote: FoldedQuote,
  hint: number,
  k: number,
  from: number,
  to: number,
): Choice | null {
  const text = folded.text
  const q = quote.quote
  const found: Candidate[] = []
  for (const side of ['prefix', 'suffix'] as const) {
    const context = quote[side]
    if (!context) continue
    const pattern = side === 'prefix' ? context + q : q + context
    for (const m of approx(text, pattern, maxErrorsFor(pattern.length), from, to).slice(0, 64)) {
      const a = Math.max(0, side === 'prefix' ? m.end - q.length - 2 * k : m.start - k)
      const b = Math.min(text.length, side === 'prefix' ? m.end + k : m.start + q.length + 2 * k)
      found.push(...approx(text, q, k, a, b))
    }
  }
  return chooseCandidate(folded, quote, found, hint)
}
