import type { Choice } from './candidates'
import { adjacentDistance, type FoldedQuote } from './context'

/**
 * Settles the ends of a fuzzy match. The approximate search reports only the
 * ends with the fewest errors, which can stop short of an edited quote (a
 * replaced word may cost one error more than dropping the last word), so each
 * end is moved within `k` units to where the quote's edit distance plus the
 * neighbouring context's distance is lowest: the highlight then covers the
 * edited passage up to where the stored context resumes. One dynamic
 * programming pass per end gives the quote's distance for every candidate end.
 */
export function refineBounds(text: string, quote: FoldedQuote, choice: Choice, k: number): Choice {
  const q = quote.quote
  const cap = (stored: string) => Math.ceil(stored.length / 2)
  // Ends: distance of the quote to text[start, e) for every e, reading forwards from start.
  const start = choice.start
  const lastEnd = Math.min(text.length, choice.end + k)
  const byEnd = lastRow(q, text, start, lastEnd - start, 1)
  let end = choice.end
  let best = Infinity
  for (let e = Math.max(start + 1, choice.end - k); e <= lastEnd; e++) {
    const v = byEnd[e - start]! + adjacentDistance(quote.suffix, text, e, 1, cap(quote.suffix))
    if (v < best || (v === best && e === choice.end)) [best, end] = [v, e]
  }
  // Starts, for that end: the same reading backwards from it.
  const firstStart = Math.max(0, start - k)
  const byStart = lastRow(q, text, end, end - firstStart, -1)
  let bestStart = start
  best = Infinity
  for (let s = firstStart; s <= Math.min(end - 1, start + k); s++) {
    const v = byStart[end - s]! + adjacentDistance(quote.prefix, text, s, -1, cap(quote.prefix))
    if (v < best || (v === best && s === start)) [best, bestStart] = [v, s]
  }
  return { ...choice, start: bestStart, end }
}

/**
 * Edit distances between the whole pattern and the first j units of text read
 * from `from` in `direction` (the pattern read the same way), for every j up
 * to `span`: the last row of the Levenshtein table.
 */
function lastRow(pattern: string, text: string, from: number, span: number, direction: 1 | -1): Int32Array {
  const L = pattern.length
  let prev = new Int32Array(span + 1)
  let cur = new Int32Array(span + 1)
  for (let j = 0; j <= span; j++) prev[j] = j
  for (let i = 1; i <= L; i++) {
    const pc = pattern.charCodeAt(direction > 0 ? i - 1 : L - i)
    cur[0] = i
    for (let j = 1; j <= span; j++) {
      const tc = text.charCodeAt(direction > 0 ? from + j - 1 : from - j)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (pc === tc ? 0 : 1))
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev
}
