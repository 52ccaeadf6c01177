import { foldText } from '../arabic-fold'

/** Folded units between two checkpoints of the sparse offset map. */
const STEP = 64

/**
 * One searchable text held in memory: the original, its folded form, and a
 * sparse map back (one checkpoint per ~64 folded units, at the start of an
 * original character) instead of the full 4-bytes-per-unit `toOriginal`. A
 * folded range is mapped back by folding again from the checkpoint before it,
 * which reproduces the global fold exactly from a character start.
 */
export interface SearchText {
  original: string
  folded: string
  /** Pairs [foldedIndex, originalIndex], ascending. */
  checkpoints: Int32Array
  /** UTF-16 indices of the high surrogates of surrogate pairs (usually none): code point conversion. */
  pairs: Int32Array
}

export function prepareSearchText(original: string): SearchText {
  const { text: folded, toOriginal } = foldText(original)
  const cps: number[] = [0, 0]
  for (let next = STEP; next < folded.length; next += STEP) {
    let i = next
    while (i < folded.length && toOriginal[i - 1] === toOriginal[i]) i++
    if (i >= folded.length) break
    cps.push(i, toOriginal[i]!)
    next = i
  }
  const pairs: number[] = []
  for (let i = 0; i < original.length - 1; i++) {
    const c = original.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = original.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++)
    }
  }
  return { original, folded, checkpoints: Int32Array.from(cps), pairs: Int32Array.from(pairs) }
}

/** Original UTF-16 range of folded range [a, b), as `originalRange` of common/arabic-fold.ts would give. */
export function toOriginalRange(t: SearchText, a: number, b: number): [number, number] {
  const cps = t.checkpoints
  let lo = 0
  let hi = cps.length / 2 - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (cps[mid * 2]! <= a) lo = mid
    else hi = mid - 1
  }
  const f0 = cps[lo * 2]!
  const o0 = cps[lo * 2 + 1]!
  let span = (b - f0) * 2 + 64
  for (;;) {
    const end = Math.min(t.original.length, o0 + span)
    const local = foldText(t.original.slice(o0, end))
    const atEnd = end === t.original.length
    // Unit b - f0 (and the one after, for a range ending inside an expansion) must be real, not the slice's end.
    if (atEnd || local.text.length > b - f0 + 1) {
      const map = local.toOriginal
      const la = a - f0
      const lb = b - f0
      let endO = map[lb]!
      if (lb > la && lb < map.length - 1 && map[lb - 1] === endO) {
        let j = lb + 1
        while (j < map.length - 1 && map[j] === endO) j++
        endO = map[j]!
      }
      return [o0 + map[la]!, o0 + endO]
    }
    span *= 2
  }
}

/** Code-point index of UTF-16 index `i` of the text. */
export function toCodePoint(t: SearchText, i: number): number {
  const p = t.pairs
  let lo = 0
  let hi = p.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (p[mid]! < i - 1) lo = mid + 1
    else hi = mid
  }
  // Pairs wholly before i: those whose high surrogate is at index <= i - 2 (lo of them).
  return i - lo
}
