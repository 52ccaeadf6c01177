import { describe, expect, it } from 'vitest'
import {
  EMPTY_FILTER,
  facets,
  isFiltering,
  matches,
} from '../../../../../renderer/src/features/annotations/panel-filter'
import { annotation } from './sample-annotations'

const vocalised = annotation('a', 0, {
  quote: 'قال الشَّيْبَانِيّ',
  color: 'green',
  tags: ['سياسة'],
  author: 'Layla',
})
const english = annotation('b', 10, {
  quote: 'Margins',
  note: 'See **Lavrov**',
  tags: ['russia'],
  author: 'Omar',
})

describe('the notes panel’s filter', () => {
  it('finds Arabic text however it is vocalised or spelt (folded as anchoring folds)', () => {
    expect(matches(vocalised, { ...EMPTY_FILTER, text: 'الشيبانى' })).toBe(true)
    expect(matches(vocalised, { ...EMPTY_FILTER, text: 'لافروف' })).toBe(false)
  })

  it('looks in the quote, the note, the tags and the author’s name', () => {
    for (const text of ['margins', 'lavrov', 'RUSSIA', 'omar'])
      expect(matches(english, { ...EMPTY_FILTER, text })).toBe(true)
  })

  it('needs every field set to match: colour (any chosen), tag, and authors not hidden', () => {
    expect(matches(vocalised, { ...EMPTY_FILTER, colors: ['yellow', 'green'] })).toBe(true)
    expect(matches(vocalised, { ...EMPTY_FILTER, colors: ['yellow'] })).toBe(false)
    expect(matches(vocalised, { ...EMPTY_FILTER, tag: 'سياسة' })).toBe(true)
    expect(matches(vocalised, { ...EMPTY_FILTER, tag: 'russia' })).toBe(false)
    expect(matches(vocalised, { ...EMPTY_FILTER, hiddenAuthors: ['author-Layla'] })).toBe(false)
    expect(matches(vocalised, EMPTY_FILTER)).toBe(true)
  })

  it('says whether anything is filtered (spaces alone are not)', () => {
    expect(isFiltering(EMPTY_FILTER)).toBe(false)
    expect(isFiltering({ ...EMPTY_FILTER, text: '   ' })).toBe(false)
    expect(isFiltering({ ...EMPTY_FILTER, tag: 'x' })).toBe(true)
  })

  it('lists each tag and author once, sorted', () => {
    expect(facets([english, vocalised, annotation('c', 20, { tags: ['russia'], author: 'Omar' })])).toEqual({
      tags: ['russia', 'سياسة'],
      authors: [
        { id: 'author-Layla', name: 'Layla' },
        { id: 'author-Omar', name: 'Omar' },
      ],
    })
  })
})
