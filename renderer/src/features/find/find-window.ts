/**
 * Up to this many matches are all decorated at once. Beyond it (one letter
 * typed in a 1.5 MB book finds 65,000) only a slice around what is on screen
 * is: tens of thousands of outlined spans would take the page seconds to lay
 * out, and nobody sees more than a screenful.
 */
export const DECORATE_ALL_UP_TO = 400

/** Matches decorated on each side of the first one on screen (or the current one). */
export const SLICE_SIDE = 200

/** A slice [from, to) of the match indices. */
export type MatchSlice = readonly [number, number]

/** The matches to decorate out of `count`, around match `center`: all of them when there are few. */
export function decoratedSlice(count: number, center: number): MatchSlice {
  if (count <= DECORATE_ALL_UP_TO) return [0, count]
  const from = Math.max(0, Math.min(center - SLICE_SIDE, count - 2 * SLICE_SIDE))
  return [from, from + 2 * SLICE_SIDE]
}

/**
 * Whether `slice` still serves a screen whose first match is `first`: it
 * keeps half a side of margin, so scrolling redraws the decorations only now
 * and then, not on every frame.
 */
export function sliceServes(slice: MatchSlice, count: number, first: number): boolean {
  const [from, to] = slice
  const margin = SLICE_SIDE / 2
  return (from === 0 || first >= from + margin) && (to >= count || first <= to - margin)
}
