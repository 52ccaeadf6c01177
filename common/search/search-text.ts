import { foldText } from '../arabic-fold'
import { checkpointBefore, foldCheckpoints, MAX_EXPANSION } from './fold-window'

/**
 * One searchable text held in memory (the article open in the reader): the
 * original, its folded form, and a sparse map back (`foldCheckpoints`)
 * instead of the full 4-bytes-per-unit `toOriginal`. A folded range is mapped
 * back by folding again from the checkpoint before it, which reproduces the
 * global fold exactly. The library index keeps less: see engine.ts.
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
  return {
    original,
    folded,
    checkpoints: foldCheckpoints(folded, toOriginal),
    pairs: surrogatePairs(original),
  }
}

/** UTF-16 indices of the high surrogates of the surrogate pairs of a text, ascending. */
export function surrogatePairs(text: string, unitAt = (i: number) => text.charCodeAt(i)): Int32Array {
  const pairs: number[] = []
  for (let i = 0; i < text.length - 1; i++) {
    const c = unitAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = unitAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++)
    }
  }
  return Int32Array.from(pairs)
}

/** Original UTF-16 range of folded range [a, b), as `originalRange` of common/arabic-fold.ts would give. */
export function toOriginalRange(t: SearchText, a: number, b: number): [number, number] {
  return originalRangeMapper(t, 0)(a, b)
}

/**
 * `toOriginalRange` for many ranges in ascending order (every match of a
 * query): each re-fold covers at least `stretch` folded units and serves
 * every range that falls inside it, so a query with tens of thousands of
 * matches folds the text about once instead of once per match. Folding from
 * any checkpoint reproduces the global fold, so a range may be served by a
 * re-fold that started before its own checkpoint.
 */
export function originalRangeMapper(
  t: SearchText,
  stretch = 4096,
): (a: number, b: number) => [number, number] {
  const cps = t.checkpoints
  let f0 = 0
  let o0 = 0
  let local: { text: string; toOriginal: Int32Array } | null = null
  let localAtEnd = false
  // Unit b - f0, and for a range ending inside an expansion (ﷺ) the first unit after it, must be real, not
  // the slice's end: else marks after the expansion, which belong to it, would be left out.
  const covers = (a: number, b: number) =>
    local !== null && a >= f0 && (localAtEnd || local.text.length > b - f0 + MAX_EXPANSION)
  return (a, b) => {
    if (!covers(a, b)) {
      const lo = checkpointBefore(cps, a)
      f0 = cps[lo * 2]!
      o0 = cps[lo * 2 + 1]!
      let span = Math.max((b - f0) * 2 + 64, stretch)
      for (;;) {
        const end = Math.min(t.original.length, o0 + span)
        local = foldText(t.original.slice(o0, end))
        localAtEnd = end === t.original.length
        if (covers(a, b)) break
        span *= 2
      }
    }
    const map = local!.toOriginal
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
}

/** Code-point index of UTF-16 index `i` of the text. */
export function toCodePoint(t: Pick<SearchText, 'pairs'>, i: number): number {
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
