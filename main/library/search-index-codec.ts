import { deflateSync, inflateSync } from 'node:zlib'
import type { IndexedAnnotation, PreparedDoc, StoredDoc } from '../../common/search/engine'
import {
  CODE_CHARS,
  codeUnits,
  decodeSlice,
  decodeTable,
  encodeText,
  unitsToString,
} from '../../common/search/coded-text'
import { ByteWriter, VarintReader } from '../../common/search/growable'
import { MAX_EXPANSION } from '../../common/search/fold-window'
import { textHash } from '../../common/search/prepared-doc'

/**
 * search-index/<id>.json, version 4: the article's postings only, not its
 * text (the article file holds that; a query reads it from there for the
 * articles it checks or shows). `index` is base64 of one zlib stream (its
 * Adler-32 checks the bytes on every load, so offsets are not checked one by
 * one): varints of the checkpoints' and the terms' byte lengths, then the
 * checkpoints (as in version 3), the terms (one byte a unit in the code of
 * `units`, else UTF-16LE) and the postings (as in version 3). About 0.25× the
 * article file, against 0.8× for version 3.
 */
export interface IndexFileV4 {
  version: 4
  id: string
  /** Always empty (the field is kept so every version has the same shape check). */
  annotations: IndexedAnnotation[]
  /** UTF-16 length and `textHash` of the article's plain text. */
  textLength: number
  textHash: number
  foldedLength: number
  /** The units of the terms' code in code order (null: the terms are UTF-16LE). */
  units: number[] | null
  index: string
}

/**
 * search-index/<id>.json, version 5: version 4's fields, but its postings in
 * ids of the library's vocabulary file (search-index/vocabulary.json),
 * ascending, as the engine holds them in memory, so a load inflates and
 * frames them without interning a term. `terms` and `vocabulary` name the
 * vocabulary it was written against: ids below `terms`, whose first `terms`
 * terms hash to `vocabulary` (`Vocabulary.stampOf`); a vocabulary that no
 * longer does (lost, damaged, an older copy) has the article indexed again.
 */
export interface IndexFileV5 {
  version: 5
  id: string
  /** Always empty, as in version 4. */
  annotations: IndexedAnnotation[]
  textLength: number
  textHash: number
  foldedLength: number
  terms: number
  vocabulary: number
  index: string
}

/**
 * search-index/<id>.json, version 3: an article as the search index loads it
 * (`PreparedDoc`), so loading is decoding, not folding and tokenising again.
 * Texts are coded one character a unit (mostly printable ASCII); the
 * checkpoints and postings are varints in base64 (see docs/FORMATS.md).
 * Notes are their plain text (common/export/note-text.ts). Version 2 is the
 * same layout with notes in Markdown; it is read and converted.
 */
export interface IndexFileV3 {
  version: 3 | 2
  id: string
  annotations: IndexedAnnotation[]
  /** The units of the article's code in code order (null: `text` and `words` are plain). */
  units: number[] | null
  /** The original text, one code character a unit (see common/search/coded-text.ts), or plain. */
  text: string
  foldedLength: number
  /** Base64 of varints: after the implicit pair (0, 0), each checkpoint's gaps in folded and original units. */
  checkpoints: string
  /** The terms one after the other, coded like `text`. */
  words: string
  /** Base64 of `PreparedDoc.postings`. */
  postings: string
}

/** Version 1 (until the index was made compact): the plain text, folded and indexed again on every load. */
export interface IndexFileV1 {
  version: 1
  id: string
  text: string
  annotations: IndexedAnnotation[]
}

export type IndexFile = IndexFileV1 | IndexFileV3 | IndexFileV4 | IndexFileV5

/** The shape check the store applies when reading (a file that fails it is treated as damaged). */
export function isIndexFile(id: string) {
  return (data: unknown): data is IndexFile => {
    if (typeof data !== 'object' || data === null) return false
    const d = data as Partial<Omit<IndexFileV3, 'version'>> &
      Partial<Omit<IndexFileV4, 'version'>> &
      Partial<Omit<IndexFileV5, 'version'>> & { version?: unknown }
    const annotations =
      Array.isArray(d.annotations) &&
      d.annotations.every(
        (a) =>
          typeof a?.id === 'string' &&
          typeof a.quote === 'string' &&
          typeof a.note === 'string' &&
          Array.isArray(a.tags) &&
          a.tags.every((t) => typeof t === 'string'),
      )
    if (d.id !== id || !annotations) return false
    const units = d.units === null || (Array.isArray(d.units) && d.units.every((u) => Number.isInteger(u)))
    if (d.version === 5)
      return (
        Number.isInteger(d.textLength) &&
        Number.isInteger(d.textHash) &&
        Number.isInteger(d.foldedLength) &&
        Number.isInteger(d.terms) &&
        Number.isInteger(d.vocabulary) &&
        typeof d.index === 'string'
      )
    if (d.version === 4)
      return (
        units &&
        Number.isInteger(d.textLength) &&
        Number.isInteger(d.textHash) &&
        Number.isInteger(d.foldedLength) &&
        typeof d.index === 'string'
      )
    if (typeof d.text !== 'string') return false
    if (d.version === 1) return true
    return (
      (d.version === 2 || d.version === 3) &&
      units &&
      Number.isInteger(d.foldedLength) &&
      typeof d.checkpoints === 'string' &&
      typeof d.words === 'string' &&
      typeof d.postings === 'string'
    )
  }
}

/** The version 4 file of a prepared article (its text, if held, is left out). */
export function encodeIndexFile(doc: PreparedDoc): IndexFileV4 {
  const cps = new ByteWriter(doc.checkpoints.length * 2)
  for (let k = 2; k < doc.checkpoints.length; k++) cps.varint(doc.checkpoints[k]! - doc.checkpoints[k - 2]!)
  // The terms in a code of their own (the text's code may hold units no term has).
  const words = decodeSlice(
    { text: doc.words, units: doc.units && decodeTable(doc.units) },
    0,
    doc.words.length,
  )
  const units = codeUnits(words)
  const coded = encodeText(words, units)
  const wordBytes = units === null ? Buffer.from(words, 'utf16le') : Buffer.from(coded, 'latin1')
  const cpsBytes = cps.trimmed()
  const head = new ByteWriter(10)
  head.varint(cpsBytes.length)
  head.varint(wordBytes.length)
  const body = Buffer.concat([head.trimmed(), cpsBytes, wordBytes, doc.postings])
  return {
    version: 4,
    id: doc.id,
    annotations: [],
    textLength: doc.textLength,
    textHash: doc.textHash,
    foldedLength: doc.foldedLength,
    units,
    index: deflateSync(body).toString('base64'),
  }
}

/** The version 5 file of a loaded article: its postings in ids below `terms` of a vocabulary stamped `vocabulary`. */
export function encodeIndexFileV5(
  doc: StoredDoc,
  postings: Uint8Array,
  terms: number,
  vocabulary: number,
): IndexFileV5 {
  const cps = new ByteWriter(doc.checkpoints.length * 2)
  for (let k = 2; k < doc.checkpoints.length; k++) cps.varint(doc.checkpoints[k]! - doc.checkpoints[k - 2]!)
  const cpsBytes = cps.trimmed()
  const head = new ByteWriter(5)
  head.varint(cpsBytes.length)
  return {
    version: 5,
    id: doc.id,
    annotations: [],
    textLength: doc.textLength,
    textHash: doc.textHash,
    foldedLength: doc.foldedLength,
    terms,
    vocabulary,
    index: deflateSync(Buffer.concat([head.trimmed(), cpsBytes, postings])).toString('base64'),
  }
}

/**
 * A version 5 file's fields and postings (ids, for `SearchEngine.loadIds`);
 * throws when the stream fails its checksum or its checkpoints do not fit.
 */
export function decodeIndexFileV5(file: IndexFileV5): { doc: StoredDoc; postings: Uint8Array } {
  const bytes = inflateSync(Buffer.from(file.index, 'base64'))
  const r = new VarintReader(bytes)
  const cpsLength = r.next()
  const postingsAt = r.at + cpsLength
  if (postingsAt > bytes.length) throw new RangeError('parts longer than the index')
  checkFoldedLength(file.foldedLength, file.textLength)
  return {
    doc: {
      id: file.id,
      annotations: [],
      textLength: file.textLength,
      textHash: file.textHash,
      foldedLength: file.foldedLength,
      checkpoints: checkpointsOf(bytes.subarray(r.at, postingsAt), file.foldedLength, file.textLength),
    },
    postings: bytes.subarray(postingsAt),
  }
}

/**
 * The prepared article of a version 4 file, without its text; throws when
 * the stream fails its checksum or its parts do not fit together.
 */
export function decodeIndexFileV4(file: IndexFileV4): PreparedDoc {
  const { units } = file
  const bytes = inflateSync(Buffer.from(file.index, 'base64'))
  const r = new VarintReader(bytes)
  const cpsLength = r.next()
  const wordsLength = r.next()
  const cpsAt = r.at
  const wordsAt = cpsAt + cpsLength
  const postingsAt = wordsAt + wordsLength
  if (postingsAt > bytes.length) throw new RangeError('parts longer than the index')
  const wordBytes = bytes.subarray(wordsAt, postingsAt)
  let words: string
  if (units === null) {
    if (wordBytes.length % 2) throw new RangeError('odd UTF-16 terms')
    words = wordBytes.toString('utf16le')
  } else {
    checkCode(units)
    words = unitsToString(wordBytes)
    if (outsideCode(units.length).test(words)) throw new RangeError('a character outside the code')
  }
  checkFoldedLength(file.foldedLength, file.textLength)
  return {
    id: file.id,
    annotations: [],
    units,
    text: null,
    textLength: file.textLength,
    textHash: file.textHash,
    foldedLength: file.foldedLength,
    checkpoints: checkpointsOf(bytes.subarray(cpsAt, wordsAt), file.foldedLength, file.textLength),
    words,
    postings: bytes.subarray(postingsAt),
  }
}

function checkCode(units: number[]): void {
  if (units.length > CODE_CHARS.length || new Set(units).size !== units.length)
    throw new RangeError('bad code')
  if (units.some((u) => u < 0 || u >= 0xffff)) throw new RangeError('bad code')
}

/** One original unit folds to at most MAX_EXPANSION units: a longer folded length is a damaged file. */
function checkFoldedLength(foldedLength: number, textLength: number): void {
  if (foldedLength < 0 || foldedLength > textLength * MAX_EXPANSION) throw new RangeError('bad folded length')
}

/**
 * The prepared article of a version 2, 3 or 4 file (a version 4 one without
 * its text; notes as the file has them); throws when its parts do not fit together.
 */
export function decodeIndexFile(file: IndexFileV3 | IndexFileV4): PreparedDoc {
  if (file.version === 4) return decodeIndexFileV4(file)
  const { units, text, words } = file
  if (units !== null) {
    checkCode(units)
    const outside = outsideCode(units.length)
    if (outside.test(text) || outside.test(words)) throw new RangeError('a character outside the code')
  }
  checkFoldedLength(file.foldedLength, text.length)
  const real = units === null ? text : decodeSlice({ text, units: decodeTable(units) }, 0, text.length)
  return {
    id: file.id,
    annotations: file.annotations,
    units,
    text,
    textLength: text.length,
    textHash: textHash(real),
    foldedLength: file.foldedLength,
    checkpoints: decodeCheckpoints(file.checkpoints, file.foldedLength, text.length),
    words,
    postings: fromBase64(file.postings),
  }
}

function decodeCheckpoints(b64: string, foldedLength: number, textLength: number): Int32Array {
  return checkpointsOf(fromBase64(b64), foldedLength, textLength)
}

function checkpointsOf(bytes: Uint8Array, foldedLength: number, textLength: number): Int32Array {
  const r = new VarintReader(bytes)
  const out: number[] = [0, 0]
  let f = 0
  let o = 0
  while (r.at < bytes.length) {
    f += r.next()
    o += r.next()
    if (f >= foldedLength || o >= textLength || f === out[out.length - 2])
      throw new RangeError('bad checkpoint')
    out.push(f, o)
  }
  return Int32Array.from(out)
}

/** A regular expression for any character but the first `n` code characters (as ranges: it runs fast). */
function outsideCode(n: number): RegExp {
  const codes = [...CODE_CHARS.slice(0, n)].map((c) => c.charCodeAt(0)).sort((a, b) => a - b)
  const hex = (c: number) => `\\x${c.toString(16).padStart(2, '0')}`
  let ranges = ''
  for (let i = 0; i < codes.length;) {
    let j = i
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++
    ranges += i === j ? hex(codes[i]!) : `${hex(codes[i]!)}-${hex(codes[j]!)}`
    i = j + 1
  }
  return new RegExp(`[^${ranges}]`)
}

/** Bytes of base64 text (read once by the engine, which keeps its own copy). */
function fromBase64(b64: string): Uint8Array {
  return Buffer.from(b64, 'base64')
}
