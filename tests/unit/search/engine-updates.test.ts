import { describe, expect, it } from 'vitest'
import { foldQuery, foldText } from '../../../common/arabic-fold'
import { linearFind, SearchEngine, type IndexEntry } from '../../../common/search/engine'
import { randomText, seededRandom } from './random-texts'

const entry = (id: string, text: string): IndexEntry => ({ id, text, annotations: [] })

/** What a fresh engine holding just these articles answers. */
function fresh(entries: IndexEntry[], q: string, wholeWord = false): Map<string, number[]> {
  const e = new SearchEngine()
  for (const x of entries) e.put(x)
  return e.findFolded(q, wholeWord)
}

describe('adding, replacing and removing articles', () => {
  it('answers like a fresh engine after replacements and removals, one article at a time', () => {
    const random = seededRandom(21)
    const live = new Map<string, IndexEntry>()
    const engine = new SearchEngine()
    for (let step = 0; step < 300; step++) {
      const id = `a${Math.floor(random() * 12)}`
      if (random() < 0.3) {
        engine.remove(id)
        live.delete(id)
      } else {
        const e = entry(id, randomText(random, 20 + Math.floor(random() * 200)))
        engine.put(e)
        live.set(id, e)
      }
      if (step % 5 === 0) engine.commit()
      if (step % 3 === 0) {
        for (const q of ['كتب', 'الله', 'ك', '،', 'a', 'مكتبه كتب']) {
          const expected = fresh([...live.values()], foldQuery(q))
          expect(engine.findFolded(foldQuery(q), false), `${step} ${q}`).toEqual(expected)
        }
      }
    }
    expect(engine.size).toBe(live.size)
  })

  it('drops the terms of removed articles from the vocabulary count', () => {
    const engine = new SearchEngine()
    engine.put(entry('a', 'كتب قلم'))
    engine.put(entry('b', 'كتب ورق'))
    expect(engine.vocabularySize).toBe(3)
    engine.remove('a')
    expect(engine.vocabularySize).toBe(2)
    engine.put(entry('b', 'حبر'))
    expect(engine.vocabularySize).toBe(1)
    expect(engine.findFolded('كتب', false).size).toBe(0)
  })

  it('finds articles added after the term table was built, and compacts after many removals', () => {
    const engine = new SearchEngine()
    for (let i = 0; i < 40; i++) engine.put(entry(`a${i}`, `مقال ${i} عن الكتب`))
    engine.commit()
    engine.put(entry('late', 'الكتب المتأخرة'))
    expect(engine.findFolded('الكتب', true).get('late')).toEqual([0])
    for (let i = 0; i < 30; i++) engine.remove(`a${i}`)
    expect(engine.size).toBe(11)
    expect([...engine.findFolded('الكتب', true).keys()].sort()).toEqual(
      [...Array.from({ length: 10 }, (_, i) => `a${30 + i}`), 'late'].sort(),
    )
  })

  it('keeps the postings when only the annotations change', () => {
    const engine = new SearchEngine()
    const text = 'في المكتبة كتب'
    engine.put(entry('a', text))
    const before = engine.prepared('a')!
    engine.put({ id: 'a', text, annotations: [{ id: 'n', quote: 'كتب', note: 'ملاحظة', tags: [] }] })
    const after = engine.prepared('a', text)!
    expect(after.postings).toEqual(before.postings)
    expect(after.annotations).toHaveLength(1)
    expect(engine.prepared('a', 'نص آخر')).toBeNull()
    expect(engine.foldedText('a')).toBe(foldText(text).text)
    expect(engine.foldedUnits).toBe(foldText(text).text.length)
  })

  it('holds an empty article, also through its persisted form', () => {
    const engine = new SearchEngine()
    engine.put(entry('empty', ''))
    engine.put(entry('a', 'كتب'))
    expect(engine.findFolded('كتب', false)).toEqual(new Map([['a', [0]]]))
    expect(engine.search('كتب', [{ id: 'empty', title: '', tags: [], trashed: null }])).toEqual([])
    const again = new SearchEngine()
    again.load(engine.prepared('empty')!)
    expect(again.size).toBe(1)
  })

  it('scans when the query has no term, and finds punctuation through the index', () => {
    const text = 'أولاً، ثانياً،  ثالثاً؟ نعم!'
    const engine = new SearchEngine()
    engine.put(entry('a', text))
    const folded = foldText(text).text
    for (const q of ['،', ' ', '، ', '؟ ن', '!']) {
      for (const ww of [false, true]) {
        const expected = linearFind(folded, q, ww)
        expect(engine.findFolded(q, ww).get('a') ?? [], JSON.stringify(q)).toEqual(expected)
      }
    }
  })
})
