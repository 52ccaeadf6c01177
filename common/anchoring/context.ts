import search from 'approx-string-match'
import type { TextQuoteSelector } from '../annotation'
import { foldQuery } from '../arabic-fold'

/**
 * How much a side's context may differ from the stored one and still agree:
 * edit distance ≤ this share of the stored context's folded length. A
 * quarter lets a changed word near the quote through, while unrelated
 * 32-character stretches of Arabic prose differ in about two thirds of their
 * characters, and a formula shared with a lookalike ("… } . وقال") next to
 * otherwise different words still leaves about a third.
 */
export const CONTEXT_TOLERANCE = 1 / 4

/**
 * Folded characters beyond the quote's edge where a side's stored context
 * may still be found when it is not right next to the quote: text inserted
 * between the quote and its old neighbours pushes them that far at most.
 */
export const DISPLACED_WINDOW = 256

/**
 * The tolerance for context found displaced. Stricter, since the best of
 * DISPLACED_WINDOW positions is taken: a context that was only pushed away
 * is intact.
 */
export const DISPLACED_TOLERANCE = 1 / 8

/** The quote and its context, folded once per annotation for every candidate of every stage. */
export interface FoldedQuote {
  quote: string
  prefix: string
  suffix: string
}

/** Folds a stored quote selector for comparison with folded text. */
export function foldQuote(selector: TextQuoteSelector): FoldedQuote {
  return {
    quote: foldQuery(selector.exact),
    prefix: foldQuery(selector.prefix),
    suffix: foldQuery(selector.suffix),
  }
}

/** How one side of a candidate compares with the stored context. */
export interface SideVerdict {
  agree: boolean
  /** Agreeing, but found a little away from the quote rather than next to it (text was inserted between). */
  displaced: boolean
  /** Edit distance (capped just above the tolerance when it does not agree). */
  distance: number
  /** Folded length of the stored context; 0 when the annotation touched the document's edge. */
  weight: number
}

/**
 * Compares a stored context side with the folded text next to a candidate.
 * `boundary` is the candidate's start (prefix, direction -1) or end (suffix,
 * direction +1). The context is aligned against the text adjacent to the
 * boundary, anchored there, free at the far end; failing that (and if
 * `displaced` allows), it is looked for anywhere within DISPLACED_WINDOW
 * beyond the boundary.
 */
export function compareSide(
  stored: string,
  text: string,
  boundary: number,
  direction: 1 | -1,
  displaced = true,
): SideVerdict {
  const weight = stored.length
  const tolerance = Math.floor(weight * CONTEXT_TOLERANCE)
  const distance = adjacentDistance(stored, text, boundary, direction, tolerance)
  if (distance <= tolerance) return { agree: true, displaced: false, distance, weight }
  if (displaced) {
    const window =
      direction < 0
        ? text.slice(Math.max(0, boundary - DISPLACED_WINDOW), boundary)
        : text.slice(boundary, boundary + DISPLACED_WINDOW)
    const found = search(window, stored, Math.floor(weight * DISPLACED_TOLERANCE))[0]
    if (found) return { agree: true, displaced: true, distance: found.errors, weight }
  }
  return { agree: false, displaced: false, distance, weight }
}

/**
 * Both sides of a candidate folded range [start, end). The displaced search
 * runs only for a side that fails while the other agrees next to the quote,
 * so the usual refusal (neither side agrees) costs two small, early-stopping
 * alignments.
 */
export function compareContext(
  quote: FoldedQuote,
  text: string,
  start: number,
  end: number,
): { prefix: SideVerdict; suffix: SideVerdict } {
  let prefix = compareSide(quote.prefix, text, start, -1, false)
  let suffix = compareSide(quote.suffix, text, end, 1, false)
  if (prefix.agree && !suffix.agree) suffix = compareSide(quote.suffix, text, end, 1)
  else if (suffix.agree && !prefix.agree) prefix = compareSide(quote.prefix, text, start, -1)
  return { prefix, suffix }
}

/**
 * Edit distance between a stored context and the text right next to
 * `boundary` (aligned at the boundary, free at the far end), at most
 * `max` + 1: how well the context fits exactly there, for settling a match's ends.
 */
export function adjacentDistance(
  stored: string,
  text: string,
  boundary: number,
  direction: 1 | -1,
  max: number,
): number {
  const available = direction < 0 ? boundary : text.length - boundary
  return boundaryDistance(stored, text, boundary, direction, Math.min(available, stored.length + max), max)
}

/**
 * Edit distance between `pattern` and up to `span` units of text read away
 * from `boundary` (both read outwards from the quote, so they are aligned at
 * the boundary; the text may stop anywhere). Returns max + 1 as soon as the
 * distance must exceed `max`.
 */
function boundaryDistance(
  pattern: string,
  text: string,
  boundary: number,
  direction: 1 | -1,
  span: number,
  max: number,
): number {
  const L = pattern.length
  let prev = new Int32Array(span + 1)
  let cur = new Int32Array(span + 1)
  for (let j = 0; j <= span; j++) prev[j] = j
  for (let i = 1; i <= L; i++) {
    const pc = pattern.charCodeAt(direction < 0 ? L - i : i - 1)
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= span; j++) {
      const tc = text.charCodeAt(direction < 0 ? boundary - j : boundary + j - 1)
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (pc === tc ? 0 : 1))
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev
    prev = cur
    cur = t
  }
  let best = max + 1
  for (let j = 0; j <= span; j++) best = Math.min(best, prev[j]!)
  return best
}

/**
 * The acceptance rule for every match that is not verbatim at the stored
 * position (quote, folded and fuzzy stages alike), which is what keeps an
 * annotation off a lookalike passage:
 *
 * BOTH sides of stored context must agree with the text around the
 * candidate, each within CONTEXT_TOLERANCE of its folded length: next to the
 * quote, or — for one side at most — displaced by up to DISPLACED_WINDOW
 * folded characters (a sentence inserted right before or after the quote).
 * A side stored empty (the annotation touched the document's start or end)
 * is not required. A copy of the phrase elsewhere, even one that shares a
 * formula on one side ("… صلى الله عليه وسلم"), is refused and the
 * annotation is orphaned: one agreeing side is no evidence against a
 * lookalike, since formulaic prose repeats a phrase together with one of its
 * neighbours.
 */
export function accepts(prefix: SideVerdict, suffix: SideVerdict): boolean {
  return prefix.agree && suffix.agree && !(prefix.displaced && suffix.displaced)
}

/** Ranking among accepted candidates (lower is better): context distance, displacement at half weight. */
export function contextCost(prefix: SideVerdict, suffix: SideVerdict): number {
  const side = (v: SideVerdict) => v.distance + (v.displaced ? v.weight / 2 : 0)
  return side(prefix) + side(suffix)
}
