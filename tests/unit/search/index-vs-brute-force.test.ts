import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldQuery } from '../../../common/arabic-fold'
import { MAX_MATCHES_PER_ARTICLE } from '../../../common/contract/limits'
import type { SearchMatch, SearchResult } from '../../../common/contract/search'
import { linearFind } from '../../../common/search/engine'
import { SNIPPET_CONTEXT, SNIPPET_SLACK, snippetOf } from '../../../common/search/snippet'
import {
  prepareSearchText,
  toCodePoint,
  toOriginalRange,
  type SearchText,
} from '../../../common/search/search-text'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { seededRandom } from './random-texts'

const FIXTURES = join(__dirname, '../../fixtures')
const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'
const PLAIN = 'large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt'
/** Real corpus files through their own importers: text, Markdown, HTML. */
const FILES = [
  'lavrov-shaibani-moscow.ar.txt',
  'arcd-01-osman-i.txt',
  'arcd-02-al-andalus.html',
  'arcd-03-kuwait.txt',
  'amiri-README-Arabic.md',
  'udhr-arb.html',
  'bidi-mixed-paragraphs.txt',
]

/**
 * What a search must give for one article's text, found the slow way: the
 * whole text folded and scanned, each match mapped back through the whole
 * fold and cut into a snippet of at most 40 characters a side (snippetOf).
 */
function bruteForce(t: SearchText, query: string, folded: boolean, wholeWord: boolean) {
  const q = folded ? foldQuery(query) : query
  const starts = linearFind(folded ? t.folded : t.original, q, wholeWord)
  return starts.map((s) => {
    const [a, b] = folded ? toOriginalRange(t, s, s + q.length) : [s, s + q.length]
    const o = t.original
    let from = Math.max(0, a - SNIPPET_CONTEXT - SNIPPET_SLACK)
    if (from > 0 && isLow(o.charCodeAt(from))) from--
    let to = Math.min(o.length, b + SNIPPET_CONTEXT + SNIPPET_SLACK)
    if (to < o.length && isLow(o.charCodeAt(to))) to++
    return {
      start: toCodePoint(t, a),
      end: toCodePoint(t, b),
      text: o.slice(a, b),
      snippet: snippetOf(o.slice(from, to), a - from, b - from, from === 0, to === o.length),
    }
  })
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

const textMatches = (ms: SearchMatch[]) =>
  ms.filter((m) => m.field === 'text').map(({ start, end, text, snippet }) => ({ start, end, text, snippet }))

/** Queries cut from the texts: stretches of any length from anywhere (marks, punctuation, spaces), words, phrases. */
function queriesFrom(random: () => number, texts: string[], n: number): string[] {
  const out: string[] = []
  while (out.length < n) {
    const t = texts[Math.floor(random() * texts.length)]!
    const at = Math.floor(random() * t.length)
    const kind = random()
    if (kind < 0.4) out.push(t.slice(at, at + 1 + Math.floor(random() * 12)))
    else {
      const words = t
        .slice(at, at + 80)
        .split(/\s+/)
        .slice(1, kind < 0.8 ? 2 : 4)
      out.push(words.join(' '))
    }
  }
  return out.filter((q) => q.trim())
}

let dir: string
let library: Library
const texts = new Map<string, SearchText>()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-index-brute-'))
  const lib = await Library.open(dir, { noSample: true })
  const book = await readFile(join(FIXTURES, BOOK), 'utf8')
  const plain = await readFile(join(FIXTURES, PLAIN), 'utf8')
  const inputs: { name: string; bytes: Uint8Array }[] = [
    { name: 'book-a.txt', bytes: new TextEncoder().encode(book.slice(0, 120_000)) },
    { name: 'book-b.txt', bytes: new TextEncoder().encode(book.slice(700_000, 820_000)) },
    { name: 'plain.txt', bytes: new TextEncoder().encode(plain.slice(0, 120_000)) },
  ]
  for (const f of FILES) inputs.push({ name: f, bytes: new Uint8Array(await readFile(join(FIXTURES, f))) })
  for (const input of inputs) {
    const outcome = await lib.importFile(input)
    expect(outcome.status, input.name).toBe('added')
    const id = outcome.article!.id
    texts.set(id, prepareSearchText(plainText((await lib.getArticle(id)).doc)))
  }
  // A fresh process's view: the index files (postings only) are loaded, the texts read when needed.
  library = await Library.open(dir, { noSample: true })
}, 120_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The queries both comparisons ask: cut from the texts, plus some every article or none holds. */
function queries(): string[] {
  const random = seededRandom(1313)
  const out = queriesFrom(
    random,
    [...texts.values()].map((t) => t.original),
    160,
  )
  // Some that every article or none holds, and vocalised forms of unvocalised text.
  out.push('الله', 'الْعَقْلِ', 'في', '،', 'the', 'قال الماوردي', 'ﷺ', 'لا يوجد هذا أبدا')
  return out
}

/**
 * Every result of a query, asked for as the search page asks: a first page of
 * articles with a few matches each and every article's total, the next pages
 * of articles, then each article's next matches until it has them all.
 */
async function pagedSearch(query: string, folded: boolean, wholeWord: boolean): Promise<SearchResult[]> {
  const base = { folded, wholeWord }
  const first = await library.search(query, { ...base, limitPerArticle: 2, articleLimit: 3 })
  const all = first.map((r) => ({ ...r, matches: [...r.matches] }))
  for (let from = 3; from < first.length; from += 3) {
    const page = await library.search(query, {
      ...base,
      limitPerArticle: 2,
      articleOffset: from,
      articleLimit: 3,
    })
    expect(page.map((r) => [r.articleId, r.total])).toEqual(first.map((r) => [r.articleId, r.total]))
    page.forEach((r, i) => {
      if (i >= from && i < from + 3) all[i]!.matches.push(...r.matches)
      else expect(r.matches).toEqual([])
    })
  }
  for (const r of all) {
    while (r.matches.length < r.total) {
      const [next] = await library.search(query, {
        ...base,
        articleId: r.articleId,
        offset: r.matches.length,
        limitPerArticle: MAX_MATCHES_PER_ARTICLE,
      })
      expect(next!.total).toBe(r.total)
      expect(next!.matches.length).toBeGreaterThan(0)
      r.matches.push(...next!.matches)
    }
    expect(r.matches.length).toBe(r.total)
  }
  return all
}

/** Folded, folded whole words, and exact: each query is compared in the three ways a user can search. */
const MODES = [
  [true, false],
  [true, true],
  [false, false],
] as const

describe('the index files against a fold-and-scan of the real texts', () => {
  it('gives page by page, as the search page asks (texts read only as pages need them), every match and total a brute-force scan gives', async () => {
    let compared = 0
    for (const query of queries()) {
      for (const [folded, wholeWord] of MODES) {
        const results = await pagedSearch(query, folded, wholeWord)
        for (const [id, t] of texts) {
          const expected = bruteForce(t, query, folded, wholeWord)
          const got = results.find((r) => r.articleId === id)
          const label = JSON.stringify({ query, folded, wholeWord, id })
          expect(textMatches(got?.matches ?? []), label).toEqual(expected)
          compared += expected.length
        }
      }
    }
    expect(compared).toBeGreaterThan(5000)
    expect(library.searchIndex().rebuilt).toBe(0)
  }, 300_000)

  it('gives every match, total and snippet a brute-force scan gives, for many queries', async () => {
    let compared = 0
    for (const query of queries()) {
      for (const [folded, wholeWord] of MODES) {
        const results = await library.search(query, { folded, wholeWord, limitPerArticle: 1e9 })
        for (const [id, t] of texts) {
          const expected = bruteForce(t, query, folded, wholeWord)
          const got = results.find((r) => r.articleId === id)
          const label = JSON.stringify({ query, folded, wholeWord, id })
          expect(textMatches(got?.matches ?? []), label).toEqual(expected)
          if (got) expect(got.total, label).toBe(got.matches.length)
          compared += expected.length
        }
        // The default page: the first 50 of an article's matches, with its full total.
        const page = await library.search(query, { folded, wholeWord })
        for (const r of page) {
          const all = results.find((x) => x.articleId === r.articleId)!
          expect(r.total).toBe(all.total)
          expect(r.matches).toEqual(all.matches.slice(0, 50))
        }
      }
    }
    // The comparison is not empty: thousands of matches were checked one by one.
    expect(compared).toBeGreaterThan(5000)
    expect(library.searchIndex().rebuilt).toBe(0)
  }, 300_000)
})
