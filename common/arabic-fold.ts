import { foldInto } from './fold-loop'
import { foldTable, type FoldOptions } from './fold-table'

export type { FoldOptions } from './fold-table'

/**
 * Folded text and the way back. `toOriginal[i]` is the UTF-16 index in the
 * original of the character that produced folded unit `i`; one extra entry at
 * the end holds the original length. A folded range [a, b) is the original
 * range [toOriginal[a], toOriginal[b]).
 *
 * A removed character (a mark, tatweel, a zero-width or bidi control) belongs
 * to the kept character before it, so a match's end reaches over the
 * diacritics on its last letter (folded 'كتب' in 'كَتَبَ' is all of 'كَتَبَ')
 * and its start never takes the previous word's marks. A whitespace run is one
 * folded space that covers the whole run. A character that folds to several
 * units (ﷺ, ﻻ, an astral character's surrogate pair) maps each of them to
 * its own start: use `originalRange` when a range may end inside one.
 */
export interface Folded {
  text: string
  toOriginal: Int32Array
}

const CHUNK = 8192

/**
 * Folds text for matching (search, anchoring, duplicate detection), with the
 * offset map back to the original so a match highlights the original
 * characters. Arabic: diacritics, Quranic marks and tatweel removed; alef
 * forms → ا; ى and Farsi ی → ي; ة → ه and ؤ ئ → و ي (options); Arabic-Indic
 * digits → ASCII; presentation forms through NFKC. Zero-width and bidi
 * controls removed, whitespace runs → one space, letters lower-cased. One
 * pass over char codes with a lookup table: the 1.47 MB Tashkeela book folds
 * in a few milliseconds.
 */
export function foldText(text: string, options?: FoldOptions): Folded {
  const buf = { units: new Uint16Array(0), origins: new Int32Array(0) }
  const n = foldInto(foldTable(options), text, null, 0, Infinity, buf)
  buf.origins[n] = text.length
  return { text: unitsToString(buf.units, n), toOriginal: buf.origins.slice(0, n + 1) }
}

/** The folded form of a search query or a stored quote, without the map. */
export function foldQuery(query: string, options?: FoldOptions): string {
  return foldText(query, options).text
}

function unitsToString(units: Uint16Array, n: number): string {
  let s = ''
  for (let k = 0; k < n; k += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[])
  }
  return s
}

/**
 * The original UTF-16 range of folded range [a, b). Same as reading
 * `toOriginal` directly, except that a range ending inside a character that
 * folded to several units (the 'صلى' of ﷺ, half of an astral pair) is widened
 * to the whole character, so a match never maps to an empty or split range.
 */
export function originalRange(folded: Folded, a: number, b: number): [number, number] {
  const map = folded.toOriginal
  const start = map[a]!
  let end = map[b]!
  if (b > a && b < map.length - 1 && map[b - 1] === end) {
    let j = b + 1
    while (j < map.length - 1 && map[j] === end) j++
    end = map[j]!
  }
  return [start, end]
}

/**
 * The folded index where original UTF-16 index `index` lands: the first
 * folded unit produced at or after it (binary search on the monotonic map).
 * For a range's start and end alike this keeps whatever the folded text
 * kept of the original range.
 */
export function toFoldedIndex(folded: Folded, index: number): number {
  const map = folded.toOriginal
  let lo = 0
  let hi = map.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (map[mid]! < index) lo = mid + 1
    else hi = mid
  }
  return lo
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/**
 * Whether the character at UTF-16 index `i` of (folded) text is part of a
 * word: letters, digits and marks of any script. JavaScript's `\b` knows only
 * ASCII, so whole-word search in Arabic checks the characters around a match
 * with this instead.
 */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false
  const cp = text.codePointAt(i)!
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a)
  if (cp >= 0x0621 && cp <= 0x064a) return true
  return WORD_CHAR.test(String.fromCodePoint(cp))
}

/** Whether a code point is an Arabic-script letter (the basic block's letters and the extended ones). */
export function isArabicLetter(cp: number): boolean {
  return (
    (cp >= 0x0620 && cp <= 0x064a) ||
    (cp >= 0x066e && cp <= 0x06d3) ||
    cp === 0x06d5 ||
    (cp >= 0x06ee && cp <= 0x06ef) ||
    (cp >= 0x06fa && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08c9)
  )
}
