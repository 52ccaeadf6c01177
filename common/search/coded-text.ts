/**
 * One-byte coding of a text. Most articles use fewer than 229 distinct UTF-16
 * units (an Arabic article with its diacritics, digits and punctuation, about
 * a hundred), so each unit is written as one character of CODE_CHARS, chosen
 * by frequency: JavaScript keeps such a string at one byte a character
 * instead of two, indices do not move (one character per unit), a coded query
 * is searched with the native `indexOf`, and in a JSON file the text is plain
 * ASCII as long as its units fit the first 101 codes. A text with more
 * distinct units (or with U+FFFF, the filler below) stays as it is.
 */
export interface CodedText {
  /** The text, one character per UTF-16 unit: its code character when `units` is set, else the unit itself. */
  text: string
  /** 256 characters: units[c] is the unit code character c stands for (U+FFFF: none). Null: not coded. */
  units: string | null
}

/**
 * The code characters in code order: ASCII from space to DEL first (one byte in a
 * JSON file, never escaped), then the ones JSON escapes in two ASCII bytes
 * (quote, backslash, backspace, tab, newline, form feed, carriage return),
 * then U+0080 to U+00FF (two bytes in UTF-8). Other control characters are
 * left out: JSON writes them as u-escapes, which the store's reader checks
 * the slow way (main/store/safe-json.ts).
 */
export const CODE_CHARS = (() => {
  let s = ''
  for (let c = 0x20; c < 0x80; c++) if (c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c)
  s += '"\\\b\t\n\f\r'
  for (let c = 0x80; c < 0x100; c++) s += String.fromCharCode(c)
  return s
})()

const NONE = 0xffff
const counts = new Int32Array(0x10000)
const charOf = new Int32Array(0x10000).fill(-1)

/**
 * The units of the given strings in code order (most frequent first), or null
 * when they do not fit a code.
 */
export function codeUnits(...texts: string[]): number[] | null {
  const found: number[] = []
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i)
      if (counts[c] === 0) found.push(c)
      counts[c] = counts[c]! + 1
    }
  }
  const fits = found.length <= CODE_CHARS.length && counts[NONE] === 0
  found.sort((a, b) => counts[b]! - counts[a]! || a - b)
  for (const c of found) counts[c] = 0
  return fits ? found : null
}

/** The 256-character table of `CodedText.units` for units in code order. */
export function decodeTable(units: readonly number[]): string {
  const table = new Uint16Array(256).fill(NONE)
  units.forEach((u, k) => (table[CODE_CHARS.charCodeAt(k)] = u))
  return String.fromCharCode.apply(null, table as unknown as number[])
}

/** Codes `text` with units in code order (which must hold all its units); plain when units is null. */
export function encodeText(text: string, units: readonly number[] | null): string {
  if (units === null) return text
  units.forEach((u, k) => (charOf[u] = CODE_CHARS.charCodeAt(k)))
  const coded = new Uint8Array(text.length)
  let outside = false
  for (let i = 0; i < text.length; i++) {
    const c = charOf[text.charCodeAt(i)]!
    outside ||= c < 0
    coded[i] = c
  }
  for (const u of units) charOf[u] = -1
  if (outside) throw new Error('encodeText: a unit outside the code')
  return unitsToString(coded)
}

/** A real string in this text's code, or null when it has a unit the text does not (so no match). */
export function encodeQuery(q: string, units: string | null): string | null {
  if (units === null) return q
  let out = ''
  for (let i = 0; i < q.length; i++) {
    const u = q.charCodeAt(i)
    const c = u === NONE ? -1 : units.indexOf(q[i]!)
    if (c < 0) return null
    out += String.fromCharCode(c)
  }
  return out
}

/** The real UTF-16 unit at index i. */
export function unitAt(t: CodedText, i: number): number {
  const c = t.text.charCodeAt(i)
  return t.units === null ? c : t.units.charCodeAt(c)
}

/** Reused by `decodeSlice` for short stretches (a snippet each match): no allocation per call. */
const scratch = new Uint16Array(256)

/** The real text of [a, b). */
export function decodeSlice(t: CodedText, a: number, b: number): string {
  if (t.units === null) return t.text.slice(a, b)
  const n = Math.max(0, b - a)
  if (n <= scratch.length) {
    for (let i = 0; i < n; i++) scratch[i] = t.units.charCodeAt(t.text.charCodeAt(a + i))
    return String.fromCharCode.apply(null, scratch.subarray(0, n) as unknown as number[])
  }
  const out = new Uint16Array(n)
  for (let i = 0; i < n; i++) out[i] = t.units.charCodeAt(t.text.charCodeAt(a + i))
  return unitsToString(out)
}

const CHUNK = 8192

/** A string of the given units (one-byte in memory when every unit is below 256). */
export function unitsToString(units: Uint8Array | Uint16Array): string {
  let s = ''
  for (let k = 0; k < units.length; k += CHUNK) {
    s += String.fromCharCode.apply(
      null,
      units.subarray(k, Math.min(units.length, k + CHUNK)) as unknown as number[],
    )
  }
  return s
}
