import { foldInto } from '../fold-loop'
import { foldTable } from '../fold-table'
import type { CodedText } from './coded-text'

/** Folded units between two checkpoints of the sparse offset map. */
export const CHECKPOINT_STEP = 64

const table = foldTable()
/** Units one original character can fold to at most (ﷺ → 18); also bounds a stored folded length. */
export const MAX_EXPANSION = Math.max(2, ...[...table.expansions.values()].map((e) => e.length))

/**
 * Pairs [foldedIndex, originalIndex], ascending, about one per
 * CHECKPOINT_STEP folded units: each at the first unit of an original
 * character and not right after a folded space. Folding the original again
 * from such a point, with no state carried over, gives exactly the units the
 * whole text folded to from there (the whitespace collapse is the only state
 * of `foldText`, and it is clear there), so the map back needs no more.
 */
export function foldCheckpoints(folded: string, toOriginal: Int32Array): Int32Array {
  const cps: number[] = [0, 0]
  for (let next = CHECKPOINT_STEP; next < folded.length; next += CHECKPOINT_STEP) {
    let i = next
    while (i < folded.length && (toOriginal[i - 1] === toOriginal[i] || folded.charCodeAt(i - 1) === 0x20))
      i++
    if (i >= folded.length) break
    cps.push(i, toOriginal[i]!)
    next = i
  }
  return Int32Array.from(cps)
}

/** The index of the last checkpoint pair at or before folded index `folded` (binary search). */
export function checkpointBefore(cps: Int32Array, folded: number): number {
  let lo = 0
  let hi = cps.length / 2 - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (cps[mid * 2]! <= folded) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * A stretch of an article's folded text, folded again on demand from the
 * checkpoint before it: the index keeps only the original text, and a query
 * needs a few folded units around each candidate (to check it, or to map it
 * back). The same loop as `foldText` (common/fold-loop.ts), with the default
 * options, stopping once the stretch is folded.
 */
export class FoldWindow {
  private units = new Uint16Array(256)
  private origins = new Int32Array(256)
  private src: CodedText | null = null
  private cps: Int32Array | null = null
  /** Folded index of the first unit held. */
  start = 0
  /** Folded index after the last unit held. */
  end = 0

  /** Folds so that [from, to) is held (or up to the end of the text). */
  cover(src: CodedText, cps: Int32Array, from: number, to: number): void {
    if (src === this.src && cps === this.cps && from >= this.start && to <= this.end) return
    const lo = checkpointBefore(cps, from)
    this.src = src
    this.cps = cps
    this.start = cps[lo * 2]!
    this.end = this.start
    this.fold(src, cps[lo * 2 + 1]!, to)
  }

  /** Folded unit f (held). */
  unit(f: number): number {
    return this.units[f - this.start]!
  }

  /** Original index of the character folded unit f came from (held). */
  origin(f: number): number {
    return this.origins[f - this.start]!
  }

  /**
   * The original range of folded range [a, b), as `originalRange` of
   * common/arabic-fold.ts gives it from the whole text's map: widened to the
   * whole character when b falls inside one that folded to several units.
   */
  originalRange(
    src: CodedText,
    cps: Int32Array,
    foldedLength: number,
    a: number,
    b: number,
  ): [number, number] {
    this.cover(src, cps, a, Math.min(foldedLength, b + MAX_EXPANSION + 2))
    const at = (f: number) => (f >= foldedLength || f >= this.end ? src.text.length : this.origin(f))
    let end = at(b)
    if (b > a && b < foldedLength && at(b - 1) === end) {
      // Never past what was folded: a wrong folded length must not turn this into a long loop.
      const last = Math.min(foldedLength, this.end)
      let j = b + 1
      while (j < last && at(j) === end) j++
      end = at(j)
    }
    return [at(a), end]
  }

  private fold(src: CodedText, from: number, to: number): void {
    const buf = { units: this.units, origins: this.origins }
    const n = foldInto(table, src.text, src.units, from, to - this.start, buf)
    this.units = buf.units
    this.origins = buf.origins
    this.end = this.start + n
  }
}
