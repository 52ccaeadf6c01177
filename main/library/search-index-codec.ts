import type { IndexedAnnotation, PreparedDoc } from '../../common/search/engine'
import { CODE_CHARS } from '../../common/search/coded-text'
import { ByteWriter, VarintReader } from '../../common/search/growable'
import { MAX_EXPANSION } from '../../common/search/fold-window'

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

export type IndexFile = IndexFileV1 | IndexFileV3

/** The shape check the store applies when reading (a file that fails it is treated as damaged). */
export function isIndexFile(id: string) {
  return (data: unknown): data is IndexFile => {
    if (typeof data !== 'object' || data === null) return false
    const d = data as Partial<Omit<IndexFileV3, 'version'>> & { version?: unknown }
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
    if (d.id !== id || typeof d.text !== 'string' || !annotations) return false
    if (d.version === 1) return true
    return (
      (d.version === 2 || d.version === 3) &&
      (d.units === null || (Array.isArray(d.units) && d.units.every((u) => Number.isInteger(u)))) &&
      Number.isInteger(d.foldedLength) &&
      typeof d.checkpoints === 'string' &&
      typeof d.words === 'string' &&
      typeof d.postings === 'string'
    )
  }
}

export function encodeIndexFile(doc: PreparedDoc): IndexFileV3 {
  const cps = new ByteWriter(doc.checkpoints.length * 2)
  for (let k = 2; k < doc.checkpoints.length; k++) cps.varint(doc.checkpoints[k]! - doc.checkpoints[k - 2]!)
  return {
    version: 3,
    id: doc.id,
    annotations: doc.annotations,
    units: doc.units,
    text: doc.text,
    foldedLength: doc.foldedLength,
    checkpoints: base64(cps.trimmed()),
    words: doc.words,
    postings: base64(doc.postings),
  }
}

/** The prepared article of a version 2 or 3 file (notes as the file has them); throws when its parts do not fit together. */
export function decodeIndexFile(file: IndexFileV3): PreparedDoc {
  const { units, text, words } = file
  if (units !== null) {
    if (units.length > CODE_CHARS.length || new Set(units).size !== units.length)
      throw new RangeError('bad code')
    if (units.some((u) => u < 0 || u >= 0xffff)) throw new RangeError('bad code')
    const outside = outsideCode(units.length)
    if (outside.test(text) || outside.test(words)) throw new RangeError('a character outside the code')
  }
  // One original unit folds to at most MAX_EXPANSION units: a longer folded length is a damaged file.
  if (file.foldedLength < 0 || file.foldedLength > text.length * MAX_EXPANSION)
    throw new RangeError('bad folded length')
  return {
    id: file.id,
    annotations: file.annotations,
    units,
    text,
    foldedLength: file.foldedLength,
    checkpoints: decodeCheckpoints(file.checkpoints, file.foldedLength, text.length),
    words,
    postings: fromBase64(file.postings),
  }
}

function decodeCheckpoints(b64: string, foldedLength: number, textLength: number): Int32Array {
  const bytes = fromBase64(b64)
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

const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/** Bytes of base64 text (read once by the engine, which keeps its own copy). */
function fromBase64(b64: string): Uint8Array {
  return Buffer.from(b64, 'base64')
}
