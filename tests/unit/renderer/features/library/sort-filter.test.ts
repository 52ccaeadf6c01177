import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../../../common/article'
import { filterArticles, sortArticles } from '../../../../../renderer/src/features/library/sort-filter'

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

describe('sorting by the optional columns', () => {
  const withMeta = (id: string, meta: ArticleSummary['meta']) =>
    ({ id, title: id, date: null, added: '2026-01-01T00:00:00Z', meta }) as ArticleSummary
  const list = [
    withMeta('a', { authors: [{ family: 'Zayd', given: 'Ali' }], published: [2020, 5] }),
    withMeta('b', { authors: [{ literal: 'Anna Smith' }], container: 'Journal', published: [2020] }),
    withMeta('c', undefined),
    withMeta('d', { container: 'Al-Ahram', published: [2019, 12, 31] }),
  ]
  const order = (key: 'authors' | 'container' | 'published', asc: boolean) =>
    sortArticles(list, { key, order: asc ? 'ascending' : 'descending' }).map((a) => a.id)

  it('by first author as shown (given then family), by publication, by date as far as known; the unknown last', () => {
    expect(order('authors', true)).toEqual(['a', 'b', 'c', 'd'])
    expect(order('authors', false)).toEqual(['b', 'a', 'c', 'd'])
    expect(order('container', true)).toEqual(['d', 'b', 'a', 'c'])
    expect(order('published', true)).toEqual(['d', 'b', 'a', 'c'])
    expect(order('published', false)).toEqual(['a', 'b', 'd', 'c'])
  })
})
