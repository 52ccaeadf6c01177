import { describe, expect, it } from 'vitest'
import { prepareText } from '../../../common/anchoring'
import { orphanedAfterMerge, parseAnnotationFile, suggestArticles } from '../../../common/sharing'
import { ANDALUS, annotationOn, fixture, NOW } from './helpers'

const library = [
  { id: 'osman', title: 'عثمان الأول', text: fixture('arcd-01-osman-i.txt') },
  { id: 'andalus', title: 'الأندلس', text: ANDALUS },
  { id: 'kuwait', title: 'الكويت', text: fixture('arcd-03-kuwait.txt') },
]

describe('suggestArticles', () => {
  it('puts the article the quotes come from first', () => {
    const file = parseAnnotationFile(fixture('hypothesis/al-andalus.hypothesis.json'), { now: NOW })
    const ranked = suggestArticles(file, library)
    expect(ranked[0]).toMatchObject({ articleId: 'andalus', title: 'الأندلس' })
    expect(ranked[0]!.score).toBeGreaterThan(0.75)
    for (const other of ranked.slice(1)) expect(other.score).toBeLessThan(0.3)
  })

  it('goes by title alone when the file has no annotations, ignoring diacritics', () => {
    const ranked = suggestArticles({ title: 'الكُوَيت', annotations: [] }, library)
    expect(ranked[0]).toMatchObject({ articleId: 'kuwait', score: 1 })
  })

  it('finds quotes in a copy without diacritics', () => {
    const bare = ANDALUS.replace(/[\u064B-\u0652]/g, '')
    const file = {
      title: 'Andalus notes',
      annotations: [annotationOn(ANDALUS, 'شبه الجزيرة الأيبيريَّة'), annotationOn(ANDALUS, 'سقطت الأندلس')],
    }
    const ranked = suggestArticles(file, [...library, { id: 'bare', title: 'copy', text: bare }])
    expect(
      ranked
        .map((r) => r.articleId)
        .slice(0, 2)
        .sort(),
    ).toEqual(['andalus', 'bare'])
  })

  it('returns nothing when nothing matches', () => {
    expect(
      suggestArticles({ title: 'zzz', annotations: [annotationOn('قصة قصيرة جدا', 'قصيرة')] }, library),
    ).toEqual([])
  })
})

describe('orphanedAfterMerge', () => {
  it('lists the live annotations that cannot be found in the local text, among the ids asked about', () => {
    const here = annotationOn(ANDALUS, 'سقطت الأندلس')
    const elsewhere = annotationOn(fixture('arcd-03-kuwait.txt'), 'الكويت')
    const gone = { ...elsewhere, id: 'tombstone', deleted: true }
    const prepared = prepareText(ANDALUS)
    expect(orphanedAfterMerge(prepared, [here, elsewhere, gone])).toEqual([elsewhere.id])
    expect(orphanedAfterMerge(prepared, [here, elsewhere, gone], [here.id])).toEqual([])
  })
})
