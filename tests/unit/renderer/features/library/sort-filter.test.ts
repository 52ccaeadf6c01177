import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../../../common/article'
import { filterByTitle } from '../../../../../renderer/src/features/library/sort-filter'

const article = (id: string, title: string) => ({ id, title }) as ArticleSummary
const titles = [
  article('a', 'أَدَبُ الدُّنْيَا وَالدِّينِ'),
  article('b', 'مدرسة إسلامية على النيل'),
  article('c', 'رؤية الشيباني لموسكو'),
  article('d', 'Alpha notes'),
]
const ids = (query: string) => filterByTitle(titles, query).map((a) => a.id)

describe("the library's title filter folds as library search does", () => {
  it('ignores diacritics and tatweel', () => {
    expect(ids('ادب')).toEqual(['a'])
    expect(ids('الدنـــيا')).toEqual(['a'])
  })

  it('ignores letter variants: alef forms, alef maqsura, taa marbuta, hamza carriers', () => {
    expect(ids('اسلاميه')).toEqual(['b'])
    expect(ids('مدرسه')).toEqual(['b'])
    expect(ids('علي النيل')).toEqual(['b'])
    expect(ids('رويه')).toEqual(['c'])
    expect(ids('إدب')).toEqual(['a'])
  })

  it('ignores case and extra spaces; a blank query keeps every article', () => {
    expect(ids('  ALPHA   notes ')).toEqual(['d'])
    expect(ids('   ')).toEqual(['a', 'b', 'c', 'd'])
    expect(ids('nothing like this')).toEqual([])
  })
})
