import type { SearchMatch, SearchOptions, SearchResult } from '../../../common/contract/search'
import { foldQuery } from '../../../common/arabic-fold'
import {
  prepareSearchText,
  toCodePoint,
  toOriginalRange,
  type SearchText,
} from '../../../common/search/search-text'
import { isWordAt, tokenize } from '../../../common/search/word-index'
import type { ArticleInfo, IndexEntry } from '../../../common/search/engine'

/** Characters of original text shown on each side of a match. */
import { SNIPPET_CONTEXT, SNIPPET_SLACK, snippetOf } from '../../../common/search/snippet'

interface Doc {
  entry: IndexEntry
  text: SearchText
}

/** Folded match starts of `q` in `folded`, left to right, not overlapping. */
function linearFind(folded: string, q: string, wholeWord: boolean): number[] {
  const out: number[] = []
  if (!q) return out
  for (let i = folded.indexOf(q); i >= 0;) {
    if (!wholeWord || (!isWordAt(folded, i - 1) && !isWordAt(folded, i + q.length))) {
      out.push(i)
      i = folded.indexOf(q, i + q.length)
    } else i = folded.indexOf(q, i + 1)
  }
  return out
}

/** Keeps sorted starts that do not overlap the previous kept match (what `linearFind` returns). */
function nonOverlapping(starts: number[], len: number): number[] {
  starts.sort((a, b) => a - b)
  const out: number[] = []
  let end = -1
  for (const s of starts) {
    if (s >= end) {
      out.push(s)
      end = s + len
    }
  }
  return out
}

/**
 * The search engine as it was before the index was made compact (commit
 * 05d8fcf), kept as the reference the compact one must agree with exactly.
 * The in-memory search index over a library: each article's folded text with
 * its sparse map back, and a positional word index across all of them. Pure:
 * main/library/search-index-store.ts feeds it from the persisted entries.
 */
export class ReferenceEngine {
  private readonly docs: (Doc | null)[] = []
  private readonly slots = new Map<string, number>()
  private words = new WordIndex()
  private dead = 0

  /** Adds or replaces an article. Replacing with the same text keeps the word index as it is. */
  put(entry: IndexEntry): void {
    const slot = this.slots.get(entry.id)
    if (slot !== undefined) {
      const doc = this.docs[slot]!
      if (doc.entry.text === entry.text) {
        doc.entry = entry
        return
      }
      this.remove(entry.id)
    }
    const text = prepareSearchText(entry.text)
    const at = this.docs.length
    this.docs.push({ entry, text })
    this.slots.set(entry.id, at)
    this.words.add(at, text.folded)
  }

  remove(id: string): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    this.docs[slot] = null
    this.slots.delete(id)
    if (++this.dead > 16 && this.dead > this.slots.size) this.compact()
  }

  has(id: string): boolean {
    return this.slots.has(id)
  }

  get size(): number {
    return this.slots.size
  }

  /** Distinct folded words in the index. */
  get vocabularySize(): number {
    return this.words.vocabularySize
  }

  private compact(): void {
    const live = this.docs.filter((d): d is Doc => d !== null)
    this.docs.length = 0
    this.slots.clear()
    this.words = new WordIndex()
    this.dead = 0
    for (const d of live) {
      const at = this.docs.length
      this.docs.push(d)
      this.slots.set(d.entry.id, at)
      this.words.add(at, d.text.folded)
    }
  }

  /** Folded match starts per article id, through the word index (all matches, not overlapping). */
  findFolded(q: string, wholeWord: boolean): Map<string, number[]> {
    const bySlot = new Map<number, number[]>()
    const tokens: { word: string; at: number }[] = []
    tokenize(q, (word, at) => tokens.push({ word, at }))
    if (tokens.length === 0) {
      // Punctuation or spaces only: nothing to look up, scan.
      const out = new Map<string, number[]>()
      for (const d of this.docs) {
        if (!d) continue
        const found = linearFind(d.text.folded, q, wholeWord)
        if (found.length) out.set(d.entry.id, found)
      }
      return out
    }
    // The most selective token: fewest postings among the words it can be part of.
    let best: { at: number; words: { id: number; at: number[] }[]; cost: number } | null = null
    for (const t of tokens) {
      const mustStart = wholeWord || t.at > 0
      const mustEnd = wholeWord || t.at + t.word.length < q.length
      const words = this.words.matchingWords(t.word, mustStart, mustEnd)
      let cost = 0
      for (const w of words) cost += this.words.postingsOf(w.id).docs.length * w.at.length
      if (!best || cost < best.cost) best = { at: t.at, words, cost }
      if (cost === 0) break
    }
    const sure = tokens.length === 1 && tokens[0]!.word.length === q.length
    for (const w of best!.words) {
      const p = this.words.postingsOf(w.id)
      for (let k = 0; k < p.docs.length; k++) {
        const slot = p.docs[k]!
        const doc = this.docs[slot]
        if (!doc) continue
        for (const inner of w.at) {
          const start = p.offs[k]! + inner - best!.at
          if (!sure) {
            const f = doc.text.folded
            if (start < 0 || !f.startsWith(q, start)) continue
            if (wholeWord && (isWordAt(f, start - 1) || isWordAt(f, start + q.length))) continue
          }
          let list = bySlot.get(slot)
          if (!list) bySlot.set(slot, (list = []))
          list.push(start)
        }
      }
    }
    const out = new Map<string, number[]>()
    for (const [slot, starts] of bySlot) out.set(this.docs[slot]!.entry.id, nonOverlapping(starts, q.length))
    return out
  }

  /** Folded match starts per article id by scanning every folded text (the benchmark's baseline). */
  scanFolded(q: string, wholeWord: boolean): Map<string, number[]> {
    const out = new Map<string, number[]>()
    for (const d of this.docs) {
      if (!d) continue
      const found = linearFind(d.text.folded, q, wholeWord)
      if (found.length) out.set(d.entry.id, found)
    }
    return out
  }

  /** The library search: article text through the index, then titles, quotes, notes and tags. */
  search(query: string, articles: ArticleInfo[], options: SearchOptions = {}): SearchResult[] {
    const folded = options.folded ?? true
    const wholeWord = options.wholeWord ?? false
    const limit = options.limitPerArticle ?? 50
    const offset = options.offset ?? 0
    const q = folded ? foldQuery(query) : query
    if (!q.trim()) return []
    const inText = folded ? this.findFolded(q, wholeWord) : null
    const results: SearchResult[] = []
    for (const info of articles) {
      if (info.trashed || (options.articleId !== undefined && info.id !== options.articleId)) continue
      const slot = this.slots.get(info.id)
      const doc = slot === undefined ? null : this.docs[slot]!
      // Every match, then the page asked for: the plain definition the engine's counting must agree with.
      const all: SearchMatch[] = []
      const add = (m: SearchMatch) => all.push(m)
      fieldMatches(info.title, q, folded, wholeWord, 'title', undefined, add)
      for (const tag of info.tags) fieldMatches(tag, q, folded, wholeWord, 'tag', undefined, add)
      if (doc) {
        if (folded) {
          for (const s of inText!.get(info.id) ?? []) {
            const [a, b] = toOriginalRange(doc.text, s, s + q.length)
            add(match(doc.text, a, b, 'text'))
          }
        } else {
          const o = doc.text.original
          for (const s of exactFind(o, q, wholeWord)) add(match(doc.text, s, s + q.length, 'text'))
        }
        for (const an of doc.entry.annotations) {
          fieldMatches(an.quote, q, folded, wholeWord, 'quote', an.id, add)
          fieldMatches(an.note, q, folded, wholeWord, 'note', an.id, add)
          for (const tag of an.tags) fieldMatches(tag, q, folded, wholeWord, 'tag', an.id, add)
        }
      }
      if (all.length)
        results.push({
          articleId: info.id,
          title: info.title,
          total: all.length,
          matches: all.slice(offset, offset + limit),
        })
    }
    return results
  }
}

/** Exact (unfolded) starts with the same word rule, in original UTF-16 units. */
function exactFind(text: string, q: string, wholeWord: boolean): number[] {
  return linearFind(text, q, wholeWord)
}

function match(
  t: SearchText,
  a: number,
  b: number,
  field: SearchMatch['field'],
  annotationId?: string,
): SearchMatch {
  const o = t.original
  let from = Math.max(0, a - SNIPPET_CONTEXT - SNIPPET_SLACK)
  if (from > 0 && isLow(o.charCodeAt(from))) from--
  let to = Math.min(o.length, b + SNIPPET_CONTEXT + SNIPPET_SLACK)
  if (to < o.length && isLow(o.charCodeAt(to))) to++
  const m: SearchMatch = {
    start: toCodePoint(t, a),
    end: toCodePoint(t, b),
    text: o.slice(a, b),
    field,
    // The snippet rule is the engine's own (snippet.test.ts checks it); this engine checks the matches.
    snippet: snippetOf(o.slice(from, to), a - from, b - from, from === 0, to === o.length),
  }
  if (annotationId !== undefined) m.annotationId = annotationId
  return m
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Matches in a short field (title, quote, note, tag): folded on the spot; positions count in the field. */
function fieldMatches(
  value: string,
  q: string,
  folded: boolean,
  wholeWord: boolean,
  field: SearchMatch['field'],
  annotationId: string | undefined,
  add: (m: SearchMatch) => void,
): void {
  if (!value) return
  const t = prepareSearchText(value)
  if (folded) {
    for (const s of linearFind(t.folded, q, wholeWord)) {
      const [a, b] = toOriginalRange(t, s, s + q.length)
      add(match(t, a, b, field, annotationId))
    }
  } else for (const s of exactFind(value, q, wholeWord)) add(match(t, s, s + q.length, field, annotationId))
}

interface Postings {
  docs: number[]
  offs: number[]
}

/**
 * A positional inverted index of folded words: word → (document slot, folded
 * offset). A query is answered from the postings of its most selective word
 * (a vocabulary scan finds the words that contain, start or end with it),
 * then checked against the folded text, so the cost follows the number of
 * occurrences rather than the size of the library.
 */
class WordIndex {
  private readonly ids = new Map<string, number>()
  private readonly words: string[] = []
  private readonly postings: Postings[] = []
  private joined: string | null = null
  private starts: Int32Array | null = null

  add(slot: number, folded: string): void {
    tokenize(folded, (word, offset) => {
      let id = this.ids.get(word)
      if (id === undefined) {
        id = this.words.length
        this.ids.set(word, id)
        this.words.push(word)
        this.postings.push({ docs: [], offs: [] })
        this.joined = null
      }
      const p = this.postings[id]!
      p.docs.push(slot)
      p.offs.push(offset)
    })
  }

  get vocabularySize(): number {
    return this.words.length
  }

  /**
   * Words containing `token` (at the start if mustStart, at the end if
   * mustEnd): each with the offsets of the token inside it.
   */
  matchingWords(token: string, mustStart: boolean, mustEnd: boolean): { id: number; at: number[] }[] {
    if (mustStart && mustEnd) {
      const id = this.ids.get(token)
      return id === undefined ? [] : [{ id, at: [0] }]
    }
    const { joined, starts } = this.vocabulary()
    const needle = (mustStart ? '\n' : '') + token + (mustEnd ? '\n' : '')
    const shift = mustStart ? 1 : 0
    const out: { id: number; at: number[] }[] = []
    let from = 0
    for (;;) {
      const hit = joined.indexOf(needle, from)
      if (hit < 0) break
      const pos = hit + shift
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= pos) lo = mid
        else hi = mid - 1
      }
      const word = this.words[lo]!
      const at: number[] = []
      if (mustStart) at.push(0)
      else if (mustEnd) at.push(word.length - token.length)
      else for (let k = word.indexOf(token); k >= 0; k = word.indexOf(token, k + 1)) at.push(k)
      out.push({ id: lo, at })
      from = starts[lo]! + word.length // next word
    }
    return out
  }

  postingsOf(id: number): Postings {
    return this.postings[id]!
  }

  private vocabulary(): { joined: string; starts: Int32Array } {
    if (this.joined === null || this.starts === null) {
      const starts = new Int32Array(this.words.length)
      let n = 1
      for (let i = 0; i < this.words.length; i++) {
        starts[i] = n
        n += this.words[i]!.length + 1
      }
      this.joined = `\n${this.words.join('\n')}\n`
      this.starts = starts
    }
    return { joined: this.joined, starts: this.starts }
  }
}
