import { foldText } from '../arabic-fold'
import { codeUnits, encodeText } from './coded-text'
import { foldCheckpoints } from './fold-window'
import { ByteWriter, GrowableInt32, varintSize } from './growable'
import { forEachTerm } from './word-index'

/** What the index keeps of one annotation: enough to search its quote, note and tags. */
export interface IndexedAnnotation {
  id: string
  quote: string
  note: string
  tags: string[]
}

/** One article as the index is given it: its plain text and its live annotations. */
export interface IndexEntry {
  id: string
  text: string
  annotations: IndexedAnnotation[]
}

/**
 * One article ready for the index, in the form that is also persisted
 * (main/library/search-index-codec.ts): the original text coded one byte a
 * unit when it can be, the sparse map to its folded form, and its postings.
 * The folded text itself is not kept: the postings find candidates and the
 * checkpoints fold any stretch again on demand.
 */
export interface PreparedDoc {
  id: string
  annotations: IndexedAnnotation[]
  /** The units of the code of `text` and `words`, in code order (coded-text.ts); null: plain strings. */
  units: number[] | null
  /** The original plain text, coded; null when read from an index file (version 4 keeps postings only). */
  text: string | null
  /** UTF-16 length and `textHash` of the original text: what a text read later must match. */
  textLength: number
  textHash: number
  /** Length of the folded text in UTF-16 units. */
  foldedLength: number
  /** `foldCheckpoints` of the folded text. */
  checkpoints: Int32Array
  /** The article's distinct terms, coded, one after the other (their lengths are in `postings`). */
  words: string
  /**
   * Per term of `words`, in that order, as varints: its length in units, the
   * byte length of its offsets, then its folded offsets (the first, then the
   * gaps to each next).
   */
  postings: Uint8Array
}

/** Folds, codes and indexes an article's text. */
export function prepareDoc(entry: IndexEntry): PreparedDoc {
  const { text: folded, toOriginal } = foldText(entry.text)
  const ids = new Map<string, number>()
  const terms: string[] = []
  const termOf = new GrowableInt32(1024)
  const offsets = new GrowableInt32(1024)
  forEachTerm(folded, (term, offset) => {
    let id = ids.get(term)
    if (id === undefined) {
      id = terms.length
      ids.set(term, id)
      terms.push(term)
    }
    termOf.push(id)
    offsets.push(offset)
  })
  const words = terms.join('')
  const units = codeUnits(entry.text, words)
  return {
    id: entry.id,
    annotations: entry.annotations,
    units,
    text: encodeText(entry.text, units),
    textLength: entry.text.length,
    textHash: textHash(entry.text),
    foldedLength: folded.length,
    checkpoints: foldCheckpoints(folded, toOriginal),
    words: encodeText(words, units),
    postings: encodePostings(terms, termOf, offsets),
  }
}

/**
 * 32 bits of FNV-1a over a text's UTF-16 units: with its length, how an
 * index without the text knows that a text read later from the article's
 * file is the one it indexed (else the article is indexed again).
 */
export function textHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Groups the offsets by term (each group stays ascending) and writes them as `PreparedDoc.postings`. */
function encodePostings(terms: string[], termOf: GrowableInt32, offsets: GrowableInt32): Uint8Array {
  const n = terms.length
  const size = new Int32Array(n)
  const last = new Int32Array(n)
  for (let k = 0; k < termOf.length; k++) {
    const t = termOf.get(k)
    const o = offsets.get(k)
    size[t] = size[t]! + varintSize(o - last[t]!)
    last[t] = o
  }
  // Positions of each term's group in one array, by counting.
  const count = new Int32Array(n + 1)
  for (let k = 0; k < termOf.length; k++) count[termOf.get(k) + 1] = count[termOf.get(k) + 1]! + 1
  for (let t = 0; t < n; t++) count[t + 1] = count[t + 1]! + count[t]!
  const grouped = new Int32Array(termOf.length)
  const fill = count.slice(0, n)
  for (let k = 0; k < termOf.length; k++) grouped[fill[termOf.get(k)]!++] = offsets.get(k)
  let total = 0
  for (let t = 0; t < n; t++) total += varintSize(terms[t]!.length) + varintSize(size[t]!) + size[t]!
  const out = new ByteWriter(total)
  for (let t = 0; t < n; t++) {
    out.varint(terms[t]!.length)
    out.varint(size[t]!)
    let prev = 0
    for (let k = count[t]!; k < count[t + 1]!; k++) {
      out.varint(grouped[k]! - prev)
      prev = grouped[k]!
    }
  }
  return out.trimmed()
}
