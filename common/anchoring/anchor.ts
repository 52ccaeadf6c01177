import type { Anchor, AnchorMethod, AnnotationTarget } from '../annotation'
import { originalRange, toFoldedIndex } from '../arabic-fold'
import { prepareText, type AnchorText } from './anchor-text'
import { chooseCandidate, occurrences, type Candidate, type Choice } from './candidates'
import { accepts, compareContext, foldQuote, type FoldedQuote } from './context'
import { fuzzyMatch } from './fuzzy'

export interface AnchorOptions {
  /** Try approximate matching when exact and folded matching fail (default true). */
  fuzzy?: boolean
  /** Folded characters either side of the expected place that fuzzy matching searches first. */
  window?: number
}

/**
 * Finds an annotation in the current text, strongest evidence first:
 * 1. 'position': the stored position still holds exactly the quote, and the
 *    context agrees (all of it verbatim, or the acceptance rule below);
 * 2. 'quote': the exact quote elsewhere, chosen by context, then nearest to
 *    the stored position;
 * 3. 'folded': the same on folded text (diacritics, letter variants,
 *    whitespace), so a vocalised annotation anchors on an unvocalised copy;
 * 4. 'fuzzy': approximate matching with at most a quarter of the folded
 *    quote in errors, near the expected place first, then everywhere.
 * Every stage but a verbatim position accepts a place only under the
 * context rule of `accepts` (context.ts: both sides of context agree, one
 * of them possibly pushed away by inserted text); otherwise the result is null: the annotation is orphaned,
 * never moved to a lookalike passage. Positions are code points of the
 * current text.
 */
export function anchor(
  prepared: AnchorText,
  target: AnnotationTarget,
  options: AnchorOptions = {},
): Anchor | null {
  const { exact } = target.quote
  if (!exact) return null
  const start = Number.isInteger(target.position.start) ? target.position.start : 0
  const hint16 = prepared.toUtf16(Math.min(Math.max(0, start), prepared.length))
  let quote: FoldedQuote | undefined
  const folded = (): FoldedQuote => (quote ??= foldQuote(target.quote))

  const atPosition = byPosition(prepared, target, folded)
  if (atPosition) return atPosition

  const raw = byExactQuote(prepared, target, folded, hint16)
  if (raw) return raw

  const f = prepared.folded()
  const q = folded()
  if (!q.quote.trim()) return null
  const found = [...occurrences(f.text, q.quote)]
  const byFolded = chooseCandidate(
    f,
    q,
    found,
    scaledHint(prepared, found[0], q, storedLength(target), start),
  )
  if (byFolded) return toAnchor(prepared, byFolded, 'folded')
  if (options.fuzzy === false) return null
  const byFuzzy = fuzzyMatch(
    f,
    q,
    toFoldedIndex(f, hint16),
    hintReliable(prepared, target, q),
    options.window,
  )
  return byFuzzy ? toAnchor(prepared, byFuzzy, 'fuzzy') : null
}

/** Anchors every annotation of one text, preparing the text once. */
export function anchorAll(
  text: string,
  targets: AnnotationTarget[],
  options?: AnchorOptions,
): (Anchor | null)[] {
  const prepared = prepareText(text)
  return targets.map((t) => anchor(prepared, t, options))
}

function byPosition(p: AnchorText, target: AnnotationTarget, folded: () => FoldedQuote): Anchor | null {
  const { start, end } = target.position
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > p.length || start >= end)
    return null
  const s = p.toUtf16(start)
  const e = p.toUtf16(end)
  const { exact } = target.quote
  if (e - s !== exact.length || !p.text.startsWith(exact, s)) return null
  const verbatim = rawContext(p.text, s, e, target)
  if (!verbatim.prefix || !verbatim.suffix) {
    const f = p.folded()
    const a = toFoldedIndex(f, s)
    const b = toFoldedIndex(f, e)
    const q = folded()
    const { prefix, suffix } = compareContext(q, f.text, a, b)
    if (!accepts(prefix, suffix)) return null
  }
  return { start, end, method: 'position' }
}

/** Whether each stored context side is verbatim next to [s, e) (an empty side trivially is). */
function rawContext(
  text: string,
  s: number,
  e: number,
  target: AnnotationTarget,
): { prefix: boolean; suffix: boolean } {
  const { prefix, suffix } = target.quote
  return {
    prefix: s >= prefix.length && text.startsWith(prefix, s - prefix.length),
    suffix: text.startsWith(suffix, e),
  }
}

/** UTF-16 units either side of the stored position searched first by the exact-quote stage. */
const EXACT_WINDOW = 4096

/**
 * The occurrence nearest the stored position, within EXACT_WINDOW of it,
 * that has all of its context verbatim (-1 if none). Any occurrence outside
 * the window is farther, so this is the stage's answer whenever it exists,
 * found without scanning the whole text (an annotation moved by an edit
 * elsewhere in the article).
 */
function nearestVerbatim(text: string, exact: string, target: AnnotationTarget, hint16: number): number {
  const from = Math.max(0, hint16 - EXACT_WINDOW)
  const window = text.slice(from, Math.min(text.length, hint16 + EXACT_WINDOW + exact.length))
  let best = -1
  for (let j = window.indexOf(exact); j !== -1; j = window.indexOf(exact, j + 1)) {
    const i = from + j
    const ctx = rawContext(text, i, i + exact.length, target)
    if (ctx.prefix && ctx.suffix && (best < 0 || Math.abs(i - hint16) < Math.abs(best - hint16))) best = i
  }
  return best
}

/** Stage 2: the exact quote; all context verbatim wins at once, otherwise context is compared folded. */
function byExactQuote(
  p: AnchorText,
  target: AnnotationTarget,
  folded: () => FoldedQuote,
  hint16: number,
): Anchor | null {
  const exact = target.quote.exact
  const near = nearestVerbatim(p.text, exact, target, hint16)
  if (near >= 0)
    return { start: p.toCodePoint(near), end: p.toCodePoint(near + exact.length), method: 'quote' }
  const found: number[] = []
  for (let i = p.text.indexOf(exact); i !== -1; i = p.text.indexOf(exact, i + 1)) found.push(i)
  if (found.length === 0) return null
  let verbatim = -1
  for (const i of found) {
    const ctx = rawContext(p.text, i, i + exact.length, target)
    if (ctx.prefix && ctx.suffix && (verbatim < 0 || Math.abs(i - hint16) < Math.abs(verbatim - hint16))) {
      verbatim = i
    }
  }
  if (verbatim >= 0) {
    return {
      start: p.toCodePoint(verbatim),
      end: p.toCodePoint(verbatim + exact.length),
      method: 'quote',
    }
  }
  const f = p.folded()
  const candidates: Candidate[] = found.map((i) => ({
    start: toFoldedIndex(f, i),
    end: toFoldedIndex(f, i + exact.length),
    errors: 0,
    from16: i,
  }))
  const choice = chooseCandidate(f, folded(), candidates, toFoldedIndex(f, hint16))
  if (!choice) return null
  const from16 = choice.from16!
  return {
    start: p.toCodePoint(from16),
    end: p.toCodePoint(from16 + exact.length),
    method: 'quote',
  }
}

/**
 * The expected folded position for a folded match. When the passage found
 * (quote and context) is shorter or longer than the stored one (an
 * unvocalised copy is about 0.6× as long), the whole text most likely changed
 * the same way, so the stored position is scaled by that ratio: identical
 * passages with identical context then tie-break to the one at about the
 * corresponding place rather than to the one at the stale offset.
 */
function scaledHint(
  p: AnchorText,
  first: Candidate | undefined,
  q: FoldedQuote,
  stored: number,
  start: number,
): number {
  const f = p.folded()
  if (!first) return 0
  const a = Math.max(0, first.start - q.prefix.length)
  const b = Math.min(f.text.length, first.end + q.suffix.length)
  const [s, e] = originalRange(f, a, b)
  const expected = Math.min(p.length, Math.max(0, Math.round(start * ((e - s) / stored))))
  return toFoldedIndex(f, p.toUtf16(expected))
}

/**
 * Whether the stored position can be trusted to be near the passage: the
 * stored passage and the current text fold at about the same rate (a
 * vocalised annotation on an unvocalised copy does not: its offsets are
 * about 1.6× too large).
 */
function hintReliable(p: AnchorText, target: AnnotationTarget, q: FoldedQuote): boolean {
  const storedRate = storedLength(target) / Math.max(1, q.prefix.length + q.quote.length + q.suffix.length)
  const currentRate = p.text.length / Math.max(1, p.folded().text.length)
  return Math.abs(Math.log(storedRate / currentRate)) < Math.log(1.2)
}

const storedLength = (t: AnnotationTarget): number =>
  t.quote.prefix.length + t.quote.exact.length + t.quote.suffix.length

function toAnchor(p: AnchorText, choice: Choice, method: AnchorMethod): Anchor | null {
  const [s, e] = originalRange(p.folded(), choice.start, choice.end)
  if (e <= s) return null
  return { start: p.toCodePoint(s), end: p.toCodePoint(e), method }
}
