import { encodeQuery } from './coded-text'
import { ByteWriter, VarintReader, varintSize } from './growable'
import type { PreparedDoc } from './prepared-doc'
import type { Vocabulary } from './vocabulary'

/** Every SKIP-th term of an article is in its skip table. */
const SKIP = 16

/**
 * One article's postings in memory: for each of its terms in ascending
 * vocabulary id, varints of the id's gap from the previous term, the byte
 * length of its offsets, then the offsets (first, then gaps), all in one byte
 * array (about 2 bytes an occurrence); plus the id and byte position of every
 * SKIP-th term, so finding a term costs a binary search and at most SKIP
 * steps. Per article, so an article is added, replaced or dropped without
 * touching the others.
 */
export class DocPostings {
  private at = 0

  private constructor(
    private readonly stream: Uint8Array,
    private readonly skips: Int32Array,
    readonly terms: number,
  ) {}

  /**
   * Interns the terms of a prepared article (coded with `table`, see
   * coded-text.ts), orders its postings by id and counts them into the
   * vocabulary.
   * Throws on postings that do not fit together (a damaged file), before
   * anything but new vocabulary entries has changed. `checked` false skips
   * reading every offset (about half the load's time); the terms' framing is
   * still checked.
   */
  static build(doc: PreparedDoc, table: string | null, vocab: Vocabulary, checked = true): DocPostings {
    const src = doc.postings
    const r = new VarintReader(src)
    // Each term takes at least one unit of `words`: that bounds their number.
    const bound = doc.words.length
    const ids = new Int32Array(bound)
    const starts = new Int32Array(bound)
    const ends = new Int32Array(bound)
    let n = 0
    let wordAt = 0
    while (r.at < src.length) {
      const len = r.next()
      const start = r.at
      const size = r.next()
      const end = r.at + size
      if (len < 1 || wordAt + len > bound || size < 1 || end > src.length) {
        throw new RangeError('postings do not match their terms')
      }
      if (checked) checkOffsets(src, r.at, end, len, doc.foldedLength)
      ids[n] = vocab.intern(doc.words, wordAt, len, table)
      starts[n] = start
      ends[n++] = end
      wordAt += len
      r.at = end
    }
    if (wordAt !== bound) throw new RangeError('terms without postings')
    const order = sortedByValue(ids.subarray(0, n), vocab.idCount)
    // Exact output size first, then one pass of plain byte copies (the length varint and the offsets).
    let total = 0
    let prev = 0
    for (let j = 0; j < n; j++) {
      const k = order[j]!
      if (j > 0 && ids[k] === prev) throw new RangeError('a term twice in one article')
      total += varintSize(ids[k]! - prev) + ends[k]! - starts[k]!
      prev = ids[k]!
    }
    const out = new Uint8Array(total)
    const skips = new Int32Array(Math.ceil(n / SKIP) * 2)
    let o = 0
    prev = 0
    for (let j = 0; j < n; j++) {
      const k = order[j]!
      const id = ids[k]!
      if (j % SKIP === 0) {
        skips[(j / SKIP) * 2] = id
        skips[(j / SKIP) * 2 + 1] = o
      }
      for (let v = id - prev; ; v >>>= 7) {
        if (v < 0x80) {
          out[o++] = v
          break
        }
        out[o++] = (v & 0x7f) | 0x80
      }
      for (let p = starts[k]!; p < ends[k]!; p++) out[o++] = src[p]!
      vocab.count(id, 1, ends[k]! - starts[k]!)
      prev = id
    }
    return new DocPostings(out, skips, n)
  }

  /**
   * An article's postings as a version 5 file stores them: already this
   * in-memory form (ids of the library's vocabulary file, ascending), so
   * loading is one walk that frames them, builds the skip table and counts
   * them into the vocabulary, with no term interned or sorted. Throws on a
   * stream that does not frame, or an id at or past `idLimit` (the
   * vocabulary the file was written against), before anything has changed.
   */
  static fromStream(stream: Uint8Array, idLimit: number, vocab: Vocabulary): DocPostings {
    const probe = new DocPostings(stream, new Int32Array(0), 0)
    const skips: number[] = []
    let id = 0
    let n = 0
    while (probe.at < stream.length) {
      const at = probe.at
      const gap = probe.varint()
      if (n > 0 && gap < 1) throw new RangeError('terms out of order')
      id += gap
      const size = probe.varint()
      if (id >= idLimit || size < 1 || probe.at + size > stream.length) {
        throw new RangeError('postings do not frame')
      }
      if (n % SKIP === 0) skips.push(id, at)
      probe.at += size
      n++
    }
    // Counted only once the whole stream framed, so a damaged one changes nothing.
    const postings = new DocPostings(stream, Int32Array.from(skips), n)
    postings.forEachTerm((term, bytes) => vocab.count(term, 1, bytes))
    return postings
  }

  /** The in-memory form as a version 5 file stores it (a view, not a copy). */
  get bytes(): Uint8Array {
    return this.stream
  }

  /** Byte position of the offsets of term `id` (for `forEachOffset`), or -1 when the article lacks it. */
  find(id: number): number {
    const skips = this.skips
    let lo = 0
    let hi = skips.length / 2 - 1
    if (hi < 0 || skips[0]! > id) return -1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (skips[mid * 2]! <= id) lo = mid
      else hi = mid - 1
    }
    let cur = skips[lo * 2]!
    this.at = skips[lo * 2 + 1]!
    this.varint() // the gap of a skip entry: its id is in the table
    const last = Math.min(SKIP, this.terms - lo * SKIP)
    for (let k = 0; ;) {
      if (cur === id) return this.at
      if (cur > id || ++k >= last) return -1
      const size = this.varint()
      this.at += size
      cur += this.varint()
    }
  }

  /** Byte length of the offsets of the term found at `pos`: at least their number. */
  offsetBytes(pos: number): number {
    this.at = pos
    return this.varint()
  }

  /** Writes the offsets of the term found at `pos` into `out` (long enough, see `offsetBytes`); returns how many. */
  readOffsets(pos: number, out: Int32Array): number {
    this.at = pos
    const end = this.varint() + this.at
    let offset = 0
    let n = 0
    while (this.at < end) {
      offset += this.varint()
      out[n++] = offset
    }
    return n
  }

  /** Each term's id and byte length of offsets, ascending by id. */
  forEachTerm(visit: (id: number, bytes: number) => void): void {
    this.at = 0
    let id = 0
    while (this.at < this.stream.length) {
      id += this.varint()
      const size = this.varint()
      visit(id, size)
      this.at += size
    }
  }

  /** The persisted form (`PreparedDoc.words` and `.postings`), terms in id order. */
  toPrepared(vocab: Vocabulary, table: string | null): { words: string; postings: Uint8Array } {
    const words: string[] = []
    const out = new ByteWriter(this.stream.length + this.terms)
    this.at = 0
    let id = 0
    while (this.at < this.stream.length) {
      id += this.varint()
      const size = this.varint()
      const word = vocab.wordOf(id)
      words.push(word)
      out.varint(word.length)
      out.varint(size)
      out.bytes(this.stream, this.at, this.at + size)
      this.at += size
    }
    const coded = encodeQuery(words.join(''), table)
    if (coded === null) throw new Error('a term outside the article code')
    return { words: coded, postings: out.trimmed() }
  }

  private varint(): number {
    const b = this.stream
    let byte = b[this.at++]!
    if (byte < 0x80) return byte
    let value = byte & 0x7f
    let shift = 7
    do {
      byte = b[this.at++]!
      value |= (byte & 0x7f) << shift
      shift += 7
    } while (byte >= 0x80)
    return value >>> 0
  }
}

/**
 * Indices of `values` ordered by value (ties in index order): a radix sort on
 * 8 bits at a time, as many passes as ids below `bound` need (two for a
 * vocabulary under 65,536 terms), cheaper than a comparison sort.
 */
export function sortedByValue(values: Int32Array, bound: number): Int32Array {
  const n = values.length
  let from = new Int32Array(n)
  for (let k = 0; k < n; k++) from[k] = k
  let to = new Int32Array(n)
  const count = new Int32Array(257)
  for (let shift = 0; shift === 0 || bound > 2 ** shift; shift += 8) {
    count.fill(0)
    for (let k = 0; k < n; k++) {
      const digit = ((values[from[k]!]! >>> shift) & 0xff) + 1
      count[digit] = count[digit]! + 1
    }
    for (let b = 0; b < 256; b++) count[b + 1] = count[b + 1]! + count[b]!
    for (let k = 0; k < n; k++) to[count[(values[from[k]!]! >>> shift) & 0xff]!++] = from[k]!
    const swap = from
    from = to
    to = swap
  }
  return from
}

/**
 * Checks one term's offsets as they are read from a file: increasing, and
 * each occurrence inside the folded text. A file that fits together but says
 * otherwise would send a search past the end of what it folds (and loop
 * there), so it is refused like a damaged one and rebuilt from its article.
 */
function checkOffsets(
  bytes: Uint8Array,
  from: number,
  to: number,
  termLength: number,
  foldedLength: number,
): void {
  // Read in place, without a reader object: this runs over every posting of every article at load.
  const last = foldedLength - termLength
  let at = -1
  let p = from
  for (let first = true; p < to; first = false) {
    let byte = bytes[p++]!
    let step = byte & 0x7f
    for (let shift = 7; byte >= 0x80; shift += 7) {
      if (p >= to || shift > 28) throw new RangeError('offsets overrun their length')
      byte = bytes[p++]!
      step += (byte & 0x7f) * 2 ** shift
    }
    if (step > 0x7fffffff) throw new RangeError('varint too long')
    if (!first && step < 1) throw new RangeError('offsets out of order')
    at = first ? step : at + step
    if (at > last) throw new RangeError('an offset past the folded text')
  }
}
