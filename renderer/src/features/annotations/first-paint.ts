import type { AnchoredAnnotation } from '../../../../common/annotation'

/** Up to this many highlights, an article's highlights are all drawn before its first paint. */
export const EAGER_LIMIT = 1000

/** With more, the ones drawn first: around the place the reader opens at. */
const AROUND_BEFORE = 100
const AROUND_AFTER = 500

/** How many of the others are drawn per step after the first paint. */
export const LATER_CHUNK = 1000

/** Performance mark set once every highlight of the open article is drawn. */
export const HIGHLIGHTS_DRAWN_MARK = 'hamish:highlights-drawn'

/**
 * Which highlights to draw before the first paint and which after. A book
 * with ten thousand highlights would otherwise spend the time of laying out
 * ten thousand extra elements before showing any text; instead the ones
 * around where the reader opens (`offset`, the restored reading position)
 * are drawn at once, and the rest follow in chunks — forward from there
 * first, then the part before. `list` is in document order, orphans last.
 */
export function splitForFirstPaint(
  list: readonly AnchoredAnnotation[],
  offset: number,
): { now: AnchoredAnnotation[]; later: string[] } {
  const anchored = list.filter((a) => a.anchor !== null)
  if (anchored.length <= EAGER_LIMIT) return { now: anchored, later: [] }
  let at = anchored.findIndex((a) => a.anchor!.end > offset)
  if (at < 0) at = anchored.length
  const from = Math.max(0, at - AROUND_BEFORE)
  const to = Math.min(anchored.length, at + AROUND_AFTER)
  return {
    now: anchored.slice(from, to),
    later: [...anchored.slice(to), ...anchored.slice(0, from)].map((a) => a.id),
  }
}
