/**
 * Deterministic annotation samples for the anchoring benchmark and tests:
 * the same seed gives the same ranges on every machine, so results compare
 * across runs.
 */

/** Mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0

/**
 * `count` ranges [start, end) in UTF-16 units, each starting at a word's
 * start and ending at a word's end (after its diacritics), between `min` and
 * `max` units long, as a reader would select them.
 */
export function wordRanges(
  text: string,
  count: number,
  seed: number,
  min = 10,
  max = 80,
): [number, number][] {
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < text.length; i++) {
    const here = isSpace(text.charCodeAt(i))
    const before = i === 0 || isSpace(text.charCodeAt(i - 1))
    if (!here && before) starts.push(i)
    if (here && !before) ends.push(i)
  }
  if (!isSpace(text.charCodeAt(text.length - 1))) ends.push(text.length)
  const random = seededRandom(seed)
  const out: [number, number][] = []
  while (out.length < count) {
    const s = starts[Math.floor(random() * starts.length)]!
    const want = s + min + Math.floor(random() * (max - min + 1))
    const e = ends[nearestAtMost(ends, want)]
    if (e !== undefined && e - s >= min && e - s <= max) out.push([s, e])
  }
  return out
}

/** Index of the largest value ≤ x in an ascending array (-1 if none). */
function nearestAtMost(sorted: number[], x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * A copy of `text` in which the middle word of each range is replaced, for
 * the fuzzy path: the ranges kept are at least `gap` units apart (so no edit
 * touches another annotation's context) and returned as where the edited
 * quotes now are, in the copy.
 */
export function withWordChanged(
  text: string,
  ranges: [number, number][],
  gap = 200,
  word = 'كلمة',
): { copy: string; kept: number[]; edited: [number, number][] } {
  const order = ranges.map((r, i) => [r, i] as const).sort((a, b) => a[0][0] - b[0][0])
  let copy = ''
  let last = 0
  const kept: number[] = []
  const edited: [number, number][] = []
  for (const [[s, e], i] of order) {
    if (s < last + gap) continue
    const words = text.slice(s, e).split(' ')
    if (words.length < 3) continue
    words[words.length >> 1] = word
    const replacement = words.join(' ')
    copy += text.slice(last, s)
    edited.push([copy.length, copy.length + replacement.length])
    copy += replacement
    kept.push(i)
    last = e
  }
  return { copy: copy + text.slice(last), kept, edited }
}
