import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../../common/arabic-fold'
import { linearFind } from '../../../common/search/engine'
import { originalRangeMapper, prepareSearchText, toCodePoint } from '../../../common/search/search-text'
import { MatchScan } from '../../../common/find/match-scan'

/** A vocalised text of about 1 MB (this folder's tests run without Node's file API). */
const BOOK = Array.from(
  { length: 6000 },
  (_, i) => `قَالَ الْمَاوَرْدِيُّ فِي الْفِقْرَةِ ${i}: إنَّ اللَّهَ سُبْحَانَهُ جَعَلَ الْعَقْلَ لِلدِّينِ أَصْلًا وَلِلدُّنْيَا عِمَادًا ، 𝐀 وَالِاسْتِقَامَةَ.`,
).join('\n\n')

describe('MatchScan: find in slices', () => {
  const text = prepareSearchText(BOOK)

  /** The model: every folded match in one pass, mapped back to the original, as the find bar did before. */
  function inOnePass(query: string, wholeWord: boolean) {
    const q = foldQuery(query)
    const toOriginal = originalRangeMapper(text)
    return linearFind(text.folded, q, wholeWord).map((s) => {
      const [a, b] = toOriginal(s, s + q.length)
      return { start: toCodePoint(text, a), end: toCodePoint(text, b) }
    })
  }

  for (const [query, wholeWord] of [
    ['ال', false],
    ['الله', true],
    ['قال', false],
  ] as const) {
    it(`stops whenever its budget is spent and goes on to the same matches as one pass: “${query}”`, () => {
      const scan = new MatchScan(text, query, { folded: true, wholeWord })
      let slices = 0
      while (!scan.run(() => true)) slices++
      const expected = inOnePass(query, wholeWord)
      expect(expected.length).toBeGreaterThan(1000)
      // One slice per 64 matches: a book-long search is many short slices, not one long one.
      expect(slices).toBeGreaterThanOrEqual(Math.floor(expected.length / 64) - 1)
      expect(scan.found).toEqual(expected)
      expect(scan.done).toBe(true)
    })
  }

  it('an empty query is done at once with nothing', () => {
    const scan = new MatchScan(text, '  ', { folded: true, wholeWord: false })
    expect(scan.done).toBe(true)
    expect(scan.run(() => true)).toBe(true)
    expect(scan.found).toEqual([])
  })
})
