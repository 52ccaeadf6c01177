import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Anchor, AnnotationTarget } from '../common/annotation'
import { foldText, toFoldedIndex, type Folded } from '../common/arabic-fold'
import { anchor, describeSelection, prepareText, type AnchorText } from '../common/anchoring'
import { withWordChanged, wordRanges } from './anchoring-samples'
import { baselineMatchQuote } from './hypothesis-baseline/match-quote'
import { round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const PLAIN = join(ROOT, 'tests/fixtures/large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt')

/** The baseline is timed on every item unless that would take longer than this; then on the first ones. */
const BASELINE_BUDGET_MS = 60_000
const TARGET = '≥3× faster than the baseline, at least as many correct anchors'

type Range16 = [number, number] | null

interface Case {
  name: string
  /** Text the annotations were made on, and text they are anchored on. */
  source: string
  current: string
  count: number
  seed: number
  /** Whether a UTF-16 range of `current` is the place corresponding to the source range. */
  correct: (got: Range16, source: [number, number]) => boolean
}

/**
 * Anchoring benchmark (issue 3): ours against a re-implementation of
 * Hypothesis's matchQuote (bench/hypothesis-baseline/), same annotations,
 * same run. A: 10,000 annotations of the vocalised Tashkeela book on the same
 * text (exact path). B: 1,000 of them on the book's copy without diacritics
 * (folded and fuzzy path). C (extra): a word changed inside each quote
 * (fuzzy path). Correct = on the corresponding characters.
 */
export async function benchAnchoring(): Promise<Record<string, unknown>> {
  const vocalised = readFileSync(BOOK, 'utf8')
  const plain = readFileSync(PLAIN, 'utf8')
  const foldedSource = foldText(vocalised)
  const foldedPlain = foldText(plain)
  if (foldedSource.text !== foldedPlain.text) throw new Error('the two books no longer fold to the same text')
  const sameRange = (got: Range16, want: [number, number]) =>
    !!got && got[0] === want[0] && got[1] === want[1]
  const a = runCase({
    name: 'A: 10,000 annotations on the 1.47 MB vocalised book, anchored on the same text (exact path)',
    source: vocalised,
    current: vocalised,
    count: 10_000,
    seed: 20_261_129,
    correct: sameRange,
  })
  const b = runCase({
    name: 'B: 1,000 annotations from the vocalised book onto its NO-TASHKEEL copy (folded/fuzzy path)',
    source: vocalised,
    current: plain,
    count: 1_000,
    seed: 1_129,
    correct: (got, want) => sameFoldedPlace(foldedSource, want, foldedPlain, got),
  })
  const c = fuzzyCase(plain)
  // Without the position stage (every stored position off by one code point), case A's ours goes
  // through the exact-quote stage: how that stage alone compares with the baseline.
  const quoteStage = timeOurs(vocalised, shifted(samples(vocalised, 10_000, 20_261_129).targets))
  return {
    case: 'anchoring annotations: ours vs Hypothesis matchQuote (re-implemented), same run',
    target: TARGET,
    cases: [a, b],
    extraFuzzyCase: c,
    caseAWithoutPositionStage: {
      oursMs: round(quoteStage.ms),
      speedupVsBaseline: round((a.baseline as { ms: number }).ms / quoteStage.ms),
      note: 'stored positions shifted by one code point, so every annotation is found by the exact-quote stage',
    },
    notes: [
      "The baseline is Hypothesis's matchQuote only, as issue 3 specifies; Hypothesis's full anchoring tries the TextPositionSelector first (checked against the quote), which would make its case-A time close to ours.",
      'Correct in B: the anchored range covers the same folded characters as the annotated range (the two books fold to the same text).',
      'In B folding alone finds every annotation (the copies fold identically), so the fuzzy stage never runs there; the extra case C exercises it. Misplaced = anchored somewhere other than the right place (ours orphans instead).',
      'Times are wall-clock on a shared 2-core machine: compare the ratios, not the milliseconds.',
    ],
  }
}

function runCase(
  c: Case,
  given?: { ranges: [number, number][]; targets: AnnotationTarget[] },
): Record<string, unknown> {
  const { ranges, targets } = given ?? samples(c.source, c.count, c.seed)
  warmUp(c.current, samples(c.source, 50, c.seed + 1).targets)
  const ours = timeOurs(c.current, targets)
  const base = timeBaseline(c.current, targets, BASELINE_BUDGET_MS)
  const oursRanges = ours.anchors.map((x) => toRange16(ours.prepared, x))
  const oursCorrect = countCorrect(oursRanges, ranges, c.correct, c.count)
  const oursCorrectOnTimed = countCorrect(oursRanges, ranges, c.correct, base.timed)
  const baseCorrect = countCorrect(base.results, ranges, c.correct, base.timed)
  const baseAnchored = base.results.filter((r) => r !== null).length
  const baselineMs = (base.ms * c.count) / base.timed
  const methods: Record<string, number> = {}
  for (const x of ours.anchors) methods[x?.method ?? 'orphan'] = (methods[x?.method ?? 'orphan'] ?? 0) + 1
  const speedup = baselineMs / ours.ms
  return {
    case: c.name,
    annotations: c.count,
    ours: {
      ms: round(ours.ms),
      correct: oursCorrect,
      misplaced: oursRanges.filter((r) => r !== null).length - oursCorrect,
      methods,
    },
    baseline: {
      ms: round(baselineMs),
      correct: baseCorrect,
      misplaced: baseAnchored - baseCorrect,
      timedItems: base.timed,
      extrapolated: base.timed < c.count,
      ...(base.timed < c.count && {
        note: `timed on the first ${base.timed} annotations (deterministic order), time extrapolated linearly; ours on the same ones: ${oursCorrectOnTimed} correct`,
      }),
    },
    speedup: round(speedup),
    target: TARGET,
    met: speedup >= 3 && oursCorrectOnTimed >= baseCorrect,
  }
}

/**
 * Not one of issue 3's two cases, reported so the fuzzy stage has a figure
 * too (B never needs it: folding makes the two books equal): annotations made
 * on the NO-TASHKEEL copy, anchored on a version of it where the middle word
 * of every annotated quote was replaced. Correct = within one folded
 * character of the edited quote at each end.
 */
function fuzzyCase(plain: string): Record<string, unknown> {
  const all = samples(plain, 600, 77)
  const { copy, kept, edited } = withWordChanged(plain, all.ranges)
  const targets = kept.map((i) => all.targets[i]!)
  const foldedCopy = foldText(copy)
  const near = (x: number, y: number) => Math.abs(x - y) <= 1
  return runCase(
    {
      name: `C (extra): ${targets.length} annotations on the NO-TASHKEEL copy, a word changed inside each quote (fuzzy path)`,
      source: plain,
      current: copy,
      count: targets.length,
      seed: 77,
      correct: (got, want) =>
        !!got &&
        near(toFoldedIndex(foldedCopy, got[0]), toFoldedIndex(foldedCopy, want[0])) &&
        near(toFoldedIndex(foldedCopy, got[1]), toFoldedIndex(foldedCopy, want[1])),
    },
    { ranges: edited, targets },
  )
}

function samples(
  text: string,
  count: number,
  seed: number,
): { ranges: [number, number][]; targets: AnnotationTarget[] } {
  const prepared = prepareText(text)
  const ranges = wordRanges(text, count, seed)
  const targets = ranges.map(([s, e]) =>
    describeSelection(prepared, prepared.toCodePoint(s), prepared.toCodePoint(e)),
  )
  return { ranges, targets }
}

/** Both sides once on other annotations, so neither is timed while the JIT is cold. */
function warmUp(text: string, targets: AnnotationTarget[]): void {
  timeOurs(text, targets)
  timeBaseline(text, targets, Infinity)
}

/** Ours, including the per-text preparation (and the folding it builds on first need). */
function timeOurs(
  text: string,
  targets: AnnotationTarget[],
): { ms: number; anchors: (Anchor | null)[]; prepared: AnchorText } {
  const t0 = performance.now()
  const prepared = prepareText(text)
  const anchors = targets.map((t) => anchor(prepared, t))
  return { ms: performance.now() - t0, anchors, prepared }
}

function timeBaseline(
  text: string,
  targets: AnnotationTarget[],
  budgetMs: number,
): { ms: number; results: Range16[]; timed: number } {
  const results: Range16[] = []
  const t0 = performance.now()
  for (const t of targets) {
    const m = baselineMatchQuote(text, t.quote.exact, {
      prefix: t.quote.prefix,
      suffix: t.quote.suffix,
      hint: t.position.start,
    })
    results.push(m ? [m.start, m.end] : null)
    if (performance.now() - t0 > budgetMs) break
  }
  return { ms: performance.now() - t0, results, timed: results.length }
}

function toRange16(prepared: AnchorText, a: Anchor | null): Range16 {
  return a ? [prepared.toUtf16(a.start), prepared.toUtf16(a.end)] : null
}

function countCorrect(
  got: Range16[],
  want: [number, number][],
  correct: Case['correct'],
  upTo: number,
): number {
  let n = 0
  for (let i = 0; i < upTo; i++) if (correct(got[i] ?? null, want[i]!)) n++
  return n
}

/** Whether `got` in one text covers the same folded characters as `want` in the other. */
function sameFoldedPlace(source: Folded, want: [number, number], current: Folded, got: Range16): boolean {
  if (!got) return false
  return (
    toFoldedIndex(source, want[0]) === toFoldedIndex(current, got[0]) &&
    toFoldedIndex(source, want[1]) === toFoldedIndex(current, got[1])
  )
}

function shifted(targets: AnnotationTarget[]): AnnotationTarget[] {
  return targets.map((t) => ({
    ...t,
    position: { ...t.position, start: t.position.start + 1, end: t.position.end + 1 },
  }))
}
