import { describe, expect, it } from 'vitest'
import { prepareSearchText } from '../../../common/search/search-text'
import { findMatches } from '../../../common/find/match-scan'

const text = 'قال الشَّيْبَانِيّ إن الشيباني والشيبانية'
const slice = (s: string, m: { start: number; end: number }) => [...s].slice(m.start, m.end).join('')

describe('find in the article', () => {
  it('folded: finds the plain spelling in vocalised text and covers the whole vocalised word', () => {
    const found = findMatches(prepareSearchText(text), 'الشيباني', { folded: true, wholeWord: false })
    expect(found.map((m) => slice(text, m))).toEqual(['الشَّيْبَانِيّ', 'الشيباني', 'الشيباني'])
  })

  it('whole words only, with Arabic word boundaries', () => {
    const found = findMatches(prepareSearchText(text), 'الشيباني', { folded: true, wholeWord: true })
    expect(found.map((m) => slice(text, m))).toEqual(['الشَّيْبَانِيّ', 'الشيباني'])
  })

  it('exact: only the characters as typed', () => {
    const found = findMatches(prepareSearchText(text), 'الشيباني', { folded: false, wholeWord: false })
    expect(found.map((m) => slice(text, m))).toEqual(['الشيباني', 'الشيباني'])
  })

  it('counts code points, so text after an emoji is found where it is', () => {
    const emoji = 'a 😀 b الشيباني'
    const [m] = findMatches(prepareSearchText(emoji), 'الشيباني', { folded: true, wholeWord: false })
    expect(m).toEqual({ start: 6, end: 14 })
  })

  it('finds nothing for an empty or blank query', () => {
    expect(findMatches(prepareSearchText(text), '  ', { folded: true, wholeWord: false })).toEqual([])
  })
})
