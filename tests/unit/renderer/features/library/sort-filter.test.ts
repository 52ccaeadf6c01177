import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../../../common/article'
import { filterArticles } from '../../../../../renderer/src/features/library/sort-filter'

const article = (id: string, title: string) => ({ id, title }) as ArticleSummary
const titles = [
  article('a', 'أَدَبُ الدُّنْيَا وَالدِّينِ'),
  article('b', 'مدرسة إسلامية على النيل'),
  article('c', 'رؤية الشيباني لموسكو'),
  article('d', 'Alpha notes'),
]
const ids = (query: string) => filterArticles(titles, query).map((a) => a.id)

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

describe("the library's filter also matches authors and the container", () => {
  const withMeta = [
    {
      ...article('x', 'أدب الدنيا والدين'),
      meta: { authors: [{ literal: 'أبو الحسن الماوردي' }], kind: 'book' },
    },
    {
      ...article('y', 'Rain returns'),
      meta: { authors: [{ family: 'Smith', given: 'Anna' }], container: 'أخبار الخليج اليوم' },
    },
    article('z', 'No metadata here'),
  ] as ArticleSummary[]
  const found = (query: string) => filterArticles(withMeta, query).map((a) => a.id)

  it('an author written as one name, folded like titles (alef and diacritics ignored)', () => {
    expect(found('الماوَردى')).toEqual(['x'])
    expect(found('ابو الحسن')).toEqual(['x'])
  })

  it('an author stored as family and given, and the container', () => {
    expect(found('anna smith')).toEqual(['y'])
    expect(found('اخبار الخليج')).toEqual(['y'])
    expect(found('no metadata')).toEqual(['z'])
  })
})
