import { describe, expect, it } from 'vitest'
import { firstAtOrAfter, matchPage } from '../../../common/find/match-page'

/** 25 matches, each 3 code points long, every 10 code points. */
const found = Array.from({ length: 25 }, (_, i) => ({ start: i * 10, end: i * 10 + 3 }))

describe('a page of find matches around an offset or an index', () => {
  it('centres the page on the first match at or after an offset, within the matches', () => {
    expect(matchPage(found, { offset: 101 }, 6)).toEqual({
      total: 25,
      from: 8,
      matches: found.slice(8, 14),
      at: 11,
    })
    // Near either end the page keeps its size.
    expect(matchPage(found, { offset: 0 }, 6).from).toBe(0)
    expect(matchPage(found, { offset: 235 }, 6)).toMatchObject({ from: 19, at: 24 })
  })

  it('answers `total` for an offset past the last match, and clamps an index', () => {
    expect(matchPage(found, { offset: 10_000 }, 6)).toMatchObject({ at: 25, from: 19 })
    expect(matchPage(found, { index: 99 }, 6)).toMatchObject({ at: 25, from: 19 })
    expect(matchPage(found, { index: 3 }, 100)).toEqual({ total: 25, from: 0, matches: found, at: 3 })
    expect(matchPage([], { offset: 5 }, 6)).toEqual({ total: 0, from: 0, matches: [], at: 0 })
  })

  it('finds the first range at or after an offset', () => {
    expect([0, 1, 10, 11, 240, 241].map((o) => firstAtOrAfter(found, o))).toEqual([0, 1, 1, 2, 24, 25])
  })
})
