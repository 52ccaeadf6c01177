import { DEFAULT_MATCHES_PER_ARTICLE } from '../contract/limits'
import type { SearchMatch, SearchOptions, SearchResult } from '../contract/search'
import { foldQuery, foldText } from '../arabic-fold'
import {
  codeUnits,
  decodeSlice,
  decodeTable,
  encodeQuery,
  encodeText,
  unitAt,
  type CodedText,
} from './coded-text'
import { DocPostings } from './doc-postings'
import { FoldWindow } from './fold-window'
import {
  prepareDoc,
  textHash,
  type IndexedAnnotation,
  type IndexEntry,
  type PreparedDoc,
} from './prepared-doc'
import {
  originalRangeMapper,
  prepareSearchText,
  surrogatePairs,
  toCodePoint,
  type SearchText,
} from './search-text'
import { SNIPPET_CONTEXT, SNIPPET_SLACK, snippetOf } from './snippet'
import { TermDocs } from './term-docs'
import { Vocabulary, type MatchingWord } from './vocabulary'
import { forEachTerm, isWordAt, isWordPair } from './word-index'

export type { IndexedAnnotation, IndexEntry, PreparedDoc } from './prepared-doc'

/** What the library list says of an article at query time (title and tags can change without the text). */
export interface ArticleInfo {
  id: string
  title: string
  tags: string[]
  trashed: string | null
}

/** Articles added since the last `TermDocs` build that a query asks one by one before it rebuilds. */
const PENDING_MAX = 8

/** An article's fields a version 5 file stores beside its postings. */
export interface StoredDoc {
  id: string
  annotations: IndexedAnnotation[]
  textLength: number
  textHash: number
  foldedLength: number
  checkpoints: Int32Array
}

interface Doc {
  id: string
  annotations: IndexedAnnotation[]
  /** The original text, or null until it is given (`setText`): an index file holds postings only. */
  text: CodedText | null
  /** The code's units in code order (`PreparedDoc.units`), for `text` and the terms. */
  units: number[] | null
  /** UTF-16 length and `textHash` of the original text, so a text given later is known to be the indexed one. */
  textLength: number
  textHash: number
  foldedLength: number
  checkpoints: Int32Array
  /** UTF-16 indices of the high surrogates of surrogate pairs (usually none): code point conversion. */
  pairs: Int32Array
  postings: DocPostings
}

/** Folded match starts of `q` in `folded`, left to right, not overlapping. */
export function linearFind(folded: string, q: string, wholeWord: boolean): number[] {
  return findAll(folded, q, wholeWord, (i) => isWordAt(folded, i))
}

/** `linearFind` with the word test given (a coded text tests its real units). */
function findAll(text: string, q: string, wholeWord: boolean, isWord: (i: number) => boolean): number[] {
  const out: number[] = []
  if (!q) return out
  for (let i = text.indexOf(q); i >= 0;) {
    if (!wholeWord || (!isWord(i - 1) && !isWord(i + q.length))) {
      out.push(i)
      i = text.indexOf(q, i + q.length)
    } else i = text.indexOf(q, i + 1)
  }
  return out
}

/** Keeps sorted starts that do not overlap the previous kept match (what `linearFind` returns). */
function nonOverlapping(starts: Int32Array, len: number): number[] {
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
 * The in-memory search index over a library. Per article: the original text
 * only (one byte a character when it can be, coded-text.ts), checkpoints
 * into its folded form, and its postings (doc-postings.ts); across articles:
 * the vocabulary and which articles hold each term. A query takes the
 * postings of its most selective term, checks each candidate against the
 * folded text refolded around it (fold-window.ts), and maps matches back the
 * same way. Pure: main/library/search-index-store.ts feeds it.
 */
export class SearchEngine {
  private docs: (Doc | null)[] = []
  private readonly slots = new Map<string, number>()
  private readonly vocab = new Vocabulary()
  private readonly window = new FoldWindow()
  /** Which articles hold each term, for the slots below `indexed`. */
  private termDocs: TermDocs | null = null
  private indexed = 0
  private dead = 0
  /** Scratch: one term's offsets in one article, and the candidate starts in one article. */
  private offsets = new Int32Array(1024)
  private found = new Int32Array(1024)
  /** Titles, tags, quotes and notes folded once (every query searches every title): see `fieldHits`. */
  private readonly fields = new FieldTexts()
  /** While `search` runs: the articles whose text the answer needs and that do not hold it yet. */
  private missing: Set<string> | null = null

  /** Adds or replaces an article. Replacing with the same text only changes its annotations. */
  put(entry: IndexEntry): void {
    const doc = this.doc(entry.id)
    if (doc?.text && sameText(doc.text, entry.text)) doc.annotations = entry.annotations
    else this.load(prepareDoc(entry))
  }

  /** Replaces a loaded article's annotations (its text and postings stay as they are). */
  setAnnotations(id: string, annotations: IndexedAnnotation[]): void {
    const doc = this.doc(id)
    if (doc) doc.annotations = annotations
  }

  /**
   * Adds or replaces a prepared article; throws when its postings are damaged, leaving the articles as they were (new vocabulary entries may stay, unused).
   * `checkOffsets` false skips checking every offset (a version 4 file, whose deflate checksum stands for it; queries keep offsets in range).
   */
  load(p: PreparedDoc, checkOffsets = true): void {
    const old = this.doc(p.id)
    if (old && p.text !== null && old.text?.text === p.text && sameCode(old.units, p.units)) {
      old.annotations = p.annotations
      return
    }
    const table = p.units && decodeTable(p.units)
    const text: CodedText | null = p.text === null ? null : { text: p.text, units: table }
    const postings = DocPostings.build(p, table, this.vocab, checkOffsets)
    const doc: Doc = {
      id: p.id,
      annotations: p.annotations,
      text,
      units: p.units,
      textLength: p.textLength,
      textHash: p.textHash,
      foldedLength: p.foldedLength,
      checkpoints: p.checkpoints,
      pairs: text ? pairsOf(text) : new Int32Array(0),
      postings,
    }
    if (old) this.remove(p.id)
    this.slots.set(p.id, this.docs.length)
    this.docs.push(doc)
  }

  /**
   * Adds or replaces an article from a version 5 file: its postings already
   * in ids of this engine's vocabulary (seeded from the library's vocabulary
   * file), so nothing is interned or sorted. Throws on postings that do not
   * frame or name an id at or past `idLimit`, leaving the articles as they were.
   */
  loadIds(p: StoredDoc, stream: Uint8Array, idLimit: number): void {
    if (idLimit > this.vocab.idCount) throw new RangeError('ids past the vocabulary')
    const postings = DocPostings.fromStream(stream, idLimit, this.vocab)
    if (this.doc(p.id)) this.remove(p.id)
    this.slots.set(p.id, this.docs.length)
    this.docs.push({ ...p, text: null, units: null, pairs: new Int32Array(0), postings })
  }

  /** What a version 5 file stores of a loaded article (its postings in vocabulary ids), or null. */
  stored(id: string): { doc: StoredDoc; postings: Uint8Array } | null {
    const d = this.doc(id)
    if (!d) return null
    const { annotations, textLength, textHash, foldedLength, checkpoints } = d
    return {
      doc: { id, annotations, textLength, textHash, foldedLength, checkpoints },
      postings: d.postings.bytes,
    }
  }

  /** Starts an empty engine's vocabulary from the library's vocabulary file (see `Vocabulary.seed`). */
  seedVocabulary(words: readonly string[]): void {
    this.vocab.seed(words)
  }

  /** Ids given so far: every loaded article's postings use ids below it. */
  get vocabularyIds(): number {
    return this.vocab.idCount
  }

  /** The hash a version 5 file written against the first n terms carries (`Vocabulary.stampOf`). */
  vocabularyStamp(n: number): number {
    return this.vocab.stampOf(n)
  }

  /** The first n terms in id order, as the vocabulary file stores them. */
  vocabularyWords(n: number): string[] {
    return this.vocab.wordsBelow(n)
  }

  /**
   * Gives a loaded article its original text, read from the article's own
   * file only when a query needs it (to check candidates, to cut snippets).
   * Refuses (false) a text that is not the one indexed, by length and hash:
   * the caller then indexes the article again from it.
   */
  setText(id: string, text: string): boolean {
    const doc = this.doc(id)
    if (!doc) return false
    if (doc.text) return sameText(doc.text, text)
    if (text.length !== doc.textLength || textHash(text) !== doc.textHash) return false
    const units = codeUnits(text)
    const coded: CodedText = { text: encodeText(text, units), units: units && decodeTable(units) }
    doc.text = coded
    // The code is the text's now (a file's code was its terms'): `prepared` codes the terms with it.
    doc.units = units
    doc.pairs = pairsOf(coded)
    return true
  }

  /** Whether a loaded article holds its original text (`setText`). */
  hasText(id: string): boolean {
    return this.doc(id)?.text != null
  }

  /** The article in its persisted form, if loaded with its text (and, when `text` is given, still with that text). */
  prepared(id: string, text?: string): PreparedDoc | null {
    const doc = this.doc(id)
    if (!doc?.text || (text !== undefined && !sameText(doc.text, text))) return null
    return {
      id,
      annotations: doc.annotations,
      units: doc.units,
      text: doc.text.text,
      textLength: doc.textLength,
      textHash: doc.textHash,
      foldedLength: doc.foldedLength,
      checkpoints: doc.checkpoints,
      ...doc.postings.toPrepared(this.vocab, doc.text.units),
    }
  }

  remove(id: string): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    this.docs[slot]!.postings.forEachTerm((term, bytes) => this.vocab.count(term, -1, bytes))
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

  /** Distinct folded terms (words and punctuation) in the index. */
  get vocabularySize(): number {
    return this.vocab.size
  }

  /** Total length of the articles' folded texts (which the index does not keep). */
  get foldedUnits(): number {
    let n = 0
    for (const d of this.docs) if (d) n += d.foldedLength
    return n
  }

  /** An article's folded text, folded again (for a baseline scan and tests; the index never holds it). */
  foldedText(id: string): string | null {
    const doc = this.doc(id)
    return doc?.text ? foldText(decodeSlice(doc.text, 0, doc.text.text.length)).text : null
  }

  /** Builds the term → articles table if articles were added since: call once a batch of loads is done. */
  commit(): void {
    if (!this.termDocs || this.indexed < this.docs.length) {
      this.termDocs = TermDocs.build(this.docs, this.vocab.idCount)
      this.indexed = this.docs.length
    }
  }

  private doc(id: string): Doc | null {
    const slot = this.slots.get(id)
    return slot === undefined ? null : this.docs[slot]!
  }

  private compact(): void {
    this.docs = this.docs.filter((d): d is Doc => d !== null)
    this.slots.clear()
    this.docs.forEach((d, slot) => this.slots.set(d!.id, slot))
    this.dead = 0
    this.termDocs = null
    this.indexed = 0
  }

  /** Slots of the articles that may hold term `id`: from the table, then those added since (holes included). */
  private slotsWith(id: number): ArrayLike<number> {
    if (!this.termDocs || this.docs.length - this.indexed > PENDING_MAX) this.commit()
    const built = this.termDocs!.slotsOf(id)
    if (this.indexed === this.docs.length) return built
    const all = Array.from(built)
    for (let slot = this.indexed; slot < this.docs.length; slot++) all.push(slot)
    return all
  }

  /** Folded match starts per article id, through the index (all matches, not overlapping). */
  findFolded(q: string, wholeWord: boolean): Map<string, number[]> {
    // A high surrogate at the end of q is a word character or not depending on what follows it in the
    // text: it is left to the check, and the term before it may go on in the text.
    const last = q.charCodeAt(q.length - 1)
    const open = last >= 0xd800 && last <= 0xdbff
    const head = open ? q.slice(0, -1) : q
    const terms: { term: string; at: number; word: boolean }[] = []
    forEachTerm(head, (term, at, word) => terms.push({ term, at, word }))
    if (terms.length === 0) return this.scanFolded(q, wholeWord) // spaces (or one surrogate) only
    // The most selective term: fewest postings bytes among the terms it can be part of.
    let best: { at: number; words: MatchingWord[]; cost: number } | null = null
    for (const t of terms) {
      const mustStart = wholeWord || t.at > 0
      const mustEnd = (wholeWord && !open) || t.at + t.term.length < head.length
      const words = t.word ? this.vocab.matchingWords(t.term, mustStart, mustEnd) : this.exactTerm(t.term)
      let cost = 0
      for (const w of words) cost += this.vocab.cost(w.id) * w.at.length
      if (!best || cost < best.cost) best = { at: t.at, words, cost }
      if (cost === 0) break
    }
    const only = terms[0]!
    const sure = !open && terms.length === 1 && only.term.length === q.length && (only.word || !wholeWord)
    const words = best!.words
    const shifts = words.map((w) => w.at.map((inner) => inner - best!.at))
    // Articles in ascending slot order, each with all its candidates at once: one walk over every word's slots.
    const lists = words.map((w) => this.slotsWith(w.id))
    const next = new Int32Array(words.length)
    const out = new Map<string, number[]>()
    for (;;) {
      let slot = Infinity
      for (let j = 0; j < lists.length; j++)
        if (next[j]! < lists[j]!.length) slot = Math.min(slot, lists[j]![next[j]!]!)
      if (slot === Infinity) break
      const doc = this.docs[slot]
      let n = 0
      let groups = 0
      for (let j = 0; j < lists.length; j++) {
        if (next[j]! >= lists[j]!.length || lists[j]![next[j]!] !== slot) continue
        next[j] = next[j]! + 1
        const pos = doc ? doc.postings.find(words[j]!.id) : -1
        if (pos < 0) continue
        // Sure matches are counted from the postings alone; others are checked against the text.
        if (doc!.text === null && !sure) {
          this.missing?.add(doc!.id)
          continue
        }
        groups += shifts[j]!.length
        n = this.candidates(doc!, pos, shifts[j]!, n, q, !sure, wholeWord)
      }
      if (n === 0) continue
      const starts = this.found.subarray(0, n)
      if (groups > 1) starts.sort()
      out.set(doc!.id, nonOverlapping(starts, q.length))
    }
    return out
  }

  /**
   * Appends to `found` (from index n) the starts the term at `pos` gives,
   * checked against the folded text if `check` (else sure); returns the new count.
   */
  private candidates(
    doc: Doc,
    pos: number,
    shifts: number[],
    n: number,
    q: string,
    check: boolean,
    wholeWord: boolean,
  ): number {
    const bytes = doc.postings.offsetBytes(pos)
    if (this.offsets.length < bytes) this.offsets = new Int32Array(bytes * 2)
    const need = n + bytes * shifts.length
    if (this.found.length < need) {
      const grown = new Int32Array(need * 2)
      grown.set(this.found.subarray(0, n))
      this.found = grown
    }
    const offsets = this.offsets
    const found = this.found
    const count = doc.postings.readOffsets(pos, offsets)
    // Offsets of a file read without checking each one (version 4) are kept inside the folded text here.
    const last = doc.foldedLength - q.length
    for (const shift of shifts) {
      for (let i = 0; i < count; i++) {
        const start = offsets[i]! + shift
        if (check ? this.matchesAt(doc, start, q, wholeWord) : start >= 0 && start <= last) found[n++] = start
      }
    }
    return n
  }

  private exactTerm(term: string): MatchingWord[] {
    const id = this.vocab.find(term)
    return id < 0 ? [] : [{ id, at: [0] }]
  }

  /** Whether folded `q` occurs at folded index `s` (with word boundaries around it if wholeWord). */
  private matchesAt(doc: Doc, s: number, q: string, wholeWord: boolean): boolean {
    const n = doc.foldedLength
    const e = s + q.length
    if (s < 0 || e > n) return false
    const w = this.window
    w.cover(
      doc.text!,
      doc.checkpoints,
      wholeWord ? Math.max(0, s - 1) : s,
      Math.min(n, e + (wholeWord ? 2 : 0)),
    )
    for (let i = 0; i < q.length; i++) if (w.unit(s + i) !== q.charCodeAt(i)) return false
    if (!wholeWord) return true
    if (s > 0 && isWordPair(w.unit(s - 1), w.unit(s))) return false
    return !(e < n && isWordPair(w.unit(e), e + 1 < n ? w.unit(e + 1) : -1))
  }

  /** Folded match starts per article id by folding and scanning every text (a reference for tests). */
  scanFolded(q: string, wholeWord: boolean): Map<string, number[]> {
    const out = new Map<string, number[]>()
    for (const d of this.docs) {
      if (!d) continue
      if (!d.text) {
        // A query with no term (a lone surrogate) reads every text.
        this.missing?.add(d.id)
        continue
      }
      const found = linearFind(this.foldedText(d.id)!, q, wholeWord)
      if (found.length) out.set(d.id, found)
    }
    return out
  }

  /**
   * The library search: article text through the index, then titles,
   * quotes, notes and tags. Every matching article gets its total; only
   * those on the page asked for (`articleOffset`, `articleLimit`) get their
   * matches (from `offset`, at most `limitPerArticle`), so a first answer
   * maps back and cuts snippets for a page, not for every match in the
   * library. The articles whose text that answer needs and that do not hold
   * it yet (`setText`) are added to `missing`, their matches left out: the
   * caller reads those texts and asks again.
   */
  search(
    query: string,
    articles: readonly Readonly<ArticleInfo>[],
    options: SearchOptions = {},
    missing?: Set<string>,
  ): SearchResult[] {
    const folded = options.folded ?? true
    const wholeWord = options.wholeWord ?? false
    const limit = options.limitPerArticle ?? DEFAULT_MATCHES_PER_ARTICLE
    const from = options.offset ?? 0
    const to = from + limit
    const firstArticle = options.articleOffset ?? 0
    const pageEnd = firstArticle + (options.articleLimit ?? Infinity)
    const q = folded ? foldQuery(query) : query
    if (!q.trim()) return []
    const collect = missing ?? new Set<string>()
    let inText: Map<string, number[]> | null = null
    if (folded) {
      this.missing = collect
      try {
        inText = this.findFolded(q, wholeWord)
      } finally {
        this.missing = null
      }
    }
    const results: SearchResult[] = []
    for (const info of articles) {
      if (info.trashed || (options.articleId !== undefined && info.id !== options.articleId)) continue
      const doc = this.doc(info.id)
      // An exact search scans texts: every text not held yet is needed.
      if (!folded && doc && !doc.text) collect.add(info.id)
      const parts: Hits[] = [fieldHits(this.fields, info.title, q, folded, wholeWord, 'title')]
      for (const tag of info.tags) parts.push(fieldHits(this.fields, tag, q, folded, wholeWord, 'tag'))
      if (doc) {
        parts.push(this.textHits(doc, q, folded, wholeWord, inText, collect))
        for (const an of doc.annotations) {
          parts.push(fieldHits(this.fields, an.quote, q, folded, wholeWord, 'quote', an.id))
          parts.push(fieldHits(this.fields, an.note, q, folded, wholeWord, 'note', an.id))
          for (const tag of an.tags)
            parts.push(fieldHits(this.fields, tag, q, folded, wholeWord, 'tag', an.id))
        }
      }
      let total = 0
      for (const p of parts) total += p.count
      if (!total) continue
      const onPage = results.length >= firstArticle && results.length < pageEnd
      // Every match is counted; only those from `from` to `to` of an article on the page are made.
      const matches: SearchMatch[] = []
      if (onPage) {
        let seen = 0
        for (const p of parts) {
          const first = Math.max(0, from - seen)
          const last = Math.min(p.count, to - seen)
          if (first < last) p.make(first, last, matches)
          seen += p.count
          if (seen >= to) break
        }
      }
      results.push({ articleId: info.id, title: info.title, total, matches })
    }
    return results
  }

  /** An article's text matches: counted from the lookup (or an exact scan), mapped back only when made. */
  private textHits(
    doc: Doc,
    q: string,
    folded: boolean,
    wholeWord: boolean,
    inText: Map<string, number[]> | null,
    missing: Set<string>,
  ): Hits {
    const text = doc.text
    // Without its text, an exact search cannot count; the caller reads it and asks again.
    const starts = folded ? (inText!.get(doc.id) ?? []) : text ? exactFind(text, q, wholeWord) : []
    return {
      count: starts.length,
      make: (first, last, out) => {
        if (!text) {
          missing.add(doc.id)
          return
        }
        const view = docView(doc, text)
        for (let k = first; k < last; k++) {
          const s = starts[k]!
          const [a, b] = folded
            ? this.window.originalRange(text, doc.checkpoints, doc.foldedLength, s, s + q.length)
            : [s, s + q.length]
          out.push(match(view, a, b, 'text'))
        }
      },
    }
  }
}

/** One field's matches: how many, and the matches from `first` to `last` made on demand. */
interface Hits {
  count: number
  make(first: number, last: number, out: SearchMatch[]): void
}

function sameText(t: CodedText, text: string): boolean {
  if (t.text.length !== text.length) return false
  for (let i = 0; i < text.length; i++) if (unitAt(t, i) !== text.charCodeAt(i)) return false
  return true
}

function sameCode(a: number[] | null, b: number[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((u, k) => u === b[k]))
}

function pairsOf(t: CodedText): Int32Array {
  const u = t.units
  if (u !== null && !/[\ud800-\udbff]/.test(u)) return new Int32Array(0)
  return surrogatePairs(t.text, (i) => unitAt(t, i))
}

/** Exact (unfolded) starts with the same word rule, in original UTF-16 units, on a coded text. */
function exactFind(t: CodedText, q: string, wholeWord: boolean): number[] {
  const coded = encodeQuery(q, t.units)
  if (coded === null) return []
  const isWord = (i: number) =>
    i >= 0 && i < t.text.length && isWordPair(unitAt(t, i), i + 1 < t.text.length ? unitAt(t, i + 1) : -1)
  return findAll(t.text, coded, wholeWord, isWord)
}

/** What a match and its snippet read of an original text. */
interface OriginalView {
  length: number
  unitAt(i: number): number
  slice(a: number, b: number): string
  codePoint(i: number): number
}

function docView(doc: Doc, text: CodedText): OriginalView {
  return {
    length: text.text.length,
    unitAt: (i) => unitAt(text, i),
    slice: (a, b) => decodeSlice(text, a, b),
    codePoint: (i) => toCodePoint(doc, i),
  }
}

function match(
  o: OriginalView,
  a: number,
  b: number,
  field: SearchMatch['field'],
  annotationId?: string,
): SearchMatch {
  let from = Math.max(0, a - SNIPPET_CONTEXT - SNIPPET_SLACK)
  if (from > 0 && isLow(o.unitAt(from))) from--
  let to = Math.min(o.length, b + SNIPPET_CONTEXT + SNIPPET_SLACK)
  if (to < o.length && isLow(o.unitAt(to))) to++
  // One decoded stretch, cut three ways (JavaScript slices of a string are cheap; decoding is not).
  const whole = o.slice(from, to)
  const snippet = snippetOf(whole, a - from, b - from, from === 0, to === o.length)
  const m: SearchMatch = {
    start: o.codePoint(a),
    end: o.codePoint(b),
    text: snippet.match,
    field,
    snippet,
  }
  if (annotationId !== undefined) m.annotationId = annotationId
  return m
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

const NO_HITS: Hits = { count: 0, make: () => undefined }

/** Fields folded once more than this are forgotten all at once (a library's titles, tags and notes fit). */
const FIELD_TEXTS_MAX = 20_000

/** Short fields folded once and kept while their text is the same, so a query does not fold every title again. */
class FieldTexts {
  private readonly byValue = new Map<string, SearchText>()

  of(value: string): SearchText {
    let t = this.byValue.get(value)
    if (!t) {
      if (this.byValue.size >= FIELD_TEXTS_MAX) this.byValue.clear()
      t = prepareSearchText(value)
      this.byValue.set(value, t)
    }
    return t
  }
}

/** Matches in a short field (title, quote, note, tag): folded once (`FieldTexts`); positions count in the field. */
function fieldHits(
  fields: FieldTexts,
  value: string,
  q: string,
  folded: boolean,
  wholeWord: boolean,
  field: SearchMatch['field'],
  annotationId?: string,
): Hits {
  if (!value) return NO_HITS
  const t = folded ? fields.of(value) : null
  const starts = linearFind(t ? t.folded : value, q, wholeWord)
  if (!starts.length) return NO_HITS
  return {
    count: starts.length,
    make: (first, last, out) => {
      const pairs = t ?? fields.of(value)
      const view: OriginalView = {
        length: value.length,
        unitAt: (i) => value.charCodeAt(i),
        slice: (a, b) => value.slice(a, b),
        codePoint: (i) => toCodePoint(pairs, i),
      }
      const toOriginal = t ? originalRangeMapper(t) : (a: number, b: number): [number, number] => [a, b]
      for (let k = first; k < last; k++) {
        const s = starts[k]!
        const [a, b] = toOriginal(s, s + q.length)
        out.push(match(view, a, b, field, annotationId))
      }
    },
  }
}
