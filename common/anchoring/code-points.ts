/**
 * Code point ↔ UTF-16 arithmetic. Annotation positions count Unicode code
 * points (so they mean the same in every language and store), while
 * JavaScript strings index UTF-16 units; these helpers cross between the two
 * for text that may hold characters outside the BMP.
 */

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

/** Whether a surrogate pair starts at UTF-16 index i (a lone surrogate counts as one code point). */
export function pairAt(text: string, i: number): boolean {
  return i + 1 < text.length && isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))
}

/**
 * UTF-16 indices of the high surrogate of every surrogate pair in the text,
 * in order: the only places where the two units disagree. Empty for most
 * articles, which is the fast path.
 */
export function astralPairs(text: string): Int32Array {
  let count = 0
  for (let i = 0; i < text.length - 1; i++) {
    if (pairAt(text, i)) {
      count++
      i++
    }
  }
  const pairs = new Int32Array(count)
  let k = 0
  for (let i = 0; i < text.length - 1 && k < count; i++) {
    if (pairAt(text, i)) {
      pairs[k++] = i
      i++
    }
  }
  return pairs
}

/**
 * UTF-16 index `count` code points after UTF-16 index `from` (a scan, for
 * one-off conversions), or -1 when the text ends first.
 */
export function advanceCodePoints(text: string, from: number, count: number): number {
  let i = from
  for (let k = 0; k < count; k++) {
    if (i >= text.length) return -1
    i += pairAt(text, i) ? 2 : 1
  }
  return i
}

/** UTF-16 index `count` code points before `from` (never splitting a pair). */
export function retreatCodePoints(text: string, from: number, count: number): number {
  let i = from
  for (let k = 0; k < count && i > 0; k++) {
    i -= i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1
  }
  return i
}
