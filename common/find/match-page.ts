import type { FoundRange } from './match-scan'

/** Where a page of matches should be: around the first match at or after an offset, or around a match's index. */
export interface MatchNear {
  /** A code point of the article's plain text. */
  offset?: number
  /** A match's index among all of them. */
  index?: number
}

/** A page of an article's matches: `matches` are numbers [from, from + matches.length) of `total`. */
export interface MatchPage {
  /** Every match in the article. */
  total: number
  /** Index of `matches[0]` among all of them. */
  from: number
  matches: FoundRange[]
  /** The match asked for: the index given, or the first at or after the offset (`total` when none is). */
  at: number
}

/** Index of the first range that starts at or after `offset` (ranges ascending), or `ranges.length`. */
export function firstAtOrAfter(ranges: readonly { start: number }[], offset: number): number {
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The page of `size` matches around the one asked for, out of all of them.
 * Main answers find-in-article with such a page, so the page never holds a
 * book's tens of thousands of matches, only those around what it shows.
 */
export function matchPage(found: readonly FoundRange[], near: MatchNear, size: number): MatchPage {
  const total = found.length
  const at =
    near.index !== undefined
      ? Math.max(0, Math.min(total, near.index))
      : firstAtOrAfter(found, near.offset ?? 0)
  const from = Math.max(0, Math.min(at - (size >> 1), total - size))
  return { total, from, matches: found.slice(from, from + size), at }
}
