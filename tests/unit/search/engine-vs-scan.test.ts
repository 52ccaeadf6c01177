import { describe, expect, it } from 'vitest'
import { foldQuery, foldText } from '../../../common/arabic-fold'
import { linearFind, SearchEngine, type ArticleInfo, type IndexEntry } from '../../../common/search/engine'
import { prepareDoc } from '../../../common/search/prepared-doc'
import { decodeIndexFile, encodeIndexFile } from '../../../main/library/search-index-codec'
import { queriesFor, randomText, seededRandom, wideText } from './random-texts'
import { ReferenceEngine } from './reference-engine'

function randomLibrary(random: () => number, n: number): IndexEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    text:
      i === 2 && random() < 0.5 ? wideText(random, 300) : randomText(random, 50 + Math.floor(random() * 400)),
    annotations:
      i % 2
        ? [{ id: `n${i}`, quote: randomText(random, 6), note: randomText(random, 8), tags: ['كتب'] }]
        : [],
  }))
}

/** Every article's matches by folding and scanning its whole text. */
function scan(entries: IndexEntry[], q: string, wholeWord: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const e of entries) {
    const found = linearFind(foldText(e.text).text, q, wholeWord)
    if (found.length) out.set(e.id, found)
  }
  return out
}

const infos = (entries: IndexEntry[]): ArticleInfo[] =>
  entries.map((e, i) => ({ id: e.id, title: `عنوان ${i}`, tags: i ? ['كتب'] : [], trashed: null }))

describe('the compact index', () => {
  it('finds exactly what a linear scan of the folded texts finds, on random texts', () => {
    const random = seededRandom(61)
    for (let round = 0; round < 40; round++) {
      const entries = randomLibrary(random, 4)
      const engine = new SearchEngine()
      for (const e of entries) engine.put(e)
      for (const e of entries) {
        for (const query of queriesFor(random, e.text, 8)) {
          const q = foldQuery(query)
          if (!q) continue
          for (const ww of [false, true]) {
            expect(engine.findFolded(q, ww), JSON.stringify({ q, ww, text: e.text })).toEqual(
              scan(entries, q, ww),
            )
          }
        }
      }
    }
  })

  it('returns the same results as the engine before it, matches and snippets alike', () => {
    const random = seededRandom(62)
    for (let round = 0; round < 30; round++) {
      const entries = randomLibrary(random, 4)
      const engine = new SearchEngine()
      const reference = new ReferenceEngine()
      for (const e of entries) {
        engine.put(e)
        reference.put(e)
      }
      const articles = infos(entries)
      for (const e of entries) {
        for (const query of queriesFor(random, e.text, 6)) {
          // Before, a query ending in half a surrogate pair could miss matches: the scan above covers those.
          if (/[\ud800-\udbff]$/.test(foldQuery(query))) continue
          for (const options of [
            {},
            { wholeWord: true },
            { folded: false },
            { folded: false, wholeWord: true },
          ]) {
            const expected = reference.search(query, articles, { ...options, limitPerArticle: 1000 })
            const got = engine.search(query, articles, { ...options, limitPerArticle: 1000 })
            expect(got, JSON.stringify({ query, options })).toEqual(expected)
          }
        }
      }
    }
  })

  it('counts every match and returns the page asked for: total, offset, limit and one article', () => {
    const random = seededRandom(64)
    for (let round = 0; round < 20; round++) {
      const entries = randomLibrary(random, 4)
      const engine = new SearchEngine()
      const reference = new ReferenceEngine()
      for (const e of entries) {
        engine.put(e)
        reference.put(e)
      }
      const articles = infos(entries)
      for (const e of entries) {
        for (const query of queriesFor(random, e.text, 4)) {
          if (/[\ud800-\udbff]$/.test(foldQuery(query))) continue
          for (const folded of [true, false]) {
            const page = {
              folded,
              limitPerArticle: 1 + Math.floor(random() * 4),
              offset: Math.floor(random() * 6),
              ...(random() < 0.5 ? { articleId: e.id } : {}),
            }
            const expected = reference.search(query, articles, page)
            const got = engine.search(query, articles, page)
            expect(got, JSON.stringify({ query, page })).toEqual(expected)
            // Every article found by the whole search has its total, whatever page was asked for.
            const everything = reference.search(query, articles, { folded, limitPerArticle: 1e9 })
            for (const r of got)
              expect(r.total).toBe(everything.find((x) => x.articleId === r.articleId)!.matches.length)
          }
        }
      }
    }
  })

  it('answers the same from its persisted form', () => {
    const random = seededRandom(63)
    for (let round = 0; round < 10; round++) {
      const entries = randomLibrary(random, 3)
      const built = new SearchEngine()
      const loaded = new SearchEngine()
      for (const e of entries) {
        built.put(e)
        const file = JSON.parse(JSON.stringify(encodeIndexFile(prepareDoc(e)))) as ReturnType<
          typeof encodeIndexFile
        >
        // Annotations are not in the file: they come from the logs.
        loaded.load({ ...decodeIndexFile(file), annotations: e.annotations })
        // The file holds postings only: the text comes from the article when a query needs it.
        expect(loaded.hasText(e.id)).toBe(false)
        expect(loaded.setText(e.id, e.text)).toBe(true)
      }
      const articles = infos(entries)
      for (const query of queriesFor(random, entries[0]!.text, 10)) {
        expect(loaded.search(query, articles)).toEqual(built.search(query, articles))
      }
    }
  })
})
