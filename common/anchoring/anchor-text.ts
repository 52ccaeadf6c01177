import { foldText, type Folded } from '../arabic-fold'
import { astralPairs } from './code-points'

/**
 * An article's plain text prepared for anchoring: everything that does not
 * depend on the annotation is computed once and reused for all of them.
 * Positions cross between code points (what selectors store) and UTF-16
 * (what strings index) in O(log pairs), and the folded text is built on the
 * first annotation that needs it (a text whose annotations all match at their
 * position never pays for folding).
 */
export interface AnchorText {
  readonly text: string
  /** Length in code points. */
  readonly length: number
  /** UTF-16 index of code point index `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number
  /** Code point index of UTF-16 index `index`; an index inside a pair counts as the pair's start. */
  toCodePoint(index: number): number
  /** The text folded with the matching defaults (arabic-fold), built once on first use. */
  folded(): Folded
}

class PreparedText implements AnchorText {
  readonly length: number
  private foldedText: Folded | undefined
  /** Code point index of each surrogate pair, ascending (pair k sits at UTF-16 index cpOfPair[k] + k). */
  private readonly cpOfPair: Int32Array

  constructor(
    readonly text: string,
    private readonly pairs: Int32Array,
  ) {
    this.length = text.length - pairs.length
    this.cpOfPair = pairs.map((u, k) => u - k)
  }

  toUtf16(cp: number): number {
    if (this.pairs.length === 0) return cp
    return cp + countBelow(this.cpOfPair, cp)
  }

  toCodePoint(index: number): number {
    if (this.pairs.length === 0) return index
    // A pair whose high surrogate is at or before index - 1 adds an extra unit before index.
    return index - countBelow(this.pairs, index)
  }

  folded(): Folded {
    this.foldedText ??= foldText(this.text)
    return this.foldedText
  }
}

/** How many values of the ascending array are < x. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Prepares an article's plain text once for anchoring all of its annotations. */
export function prepareText(text: string): AnchorText {
  return new PreparedText(text, astralPairs(text))
}
