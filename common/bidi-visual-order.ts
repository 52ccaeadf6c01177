/**
 * The part of the Unicode Bidirectional Algorithm (UAX #9) that a line of
 * text needs when it has no explicit embeddings: character types, the weak
 * rules W1–W7, the neutral rules N1–N2, levels I1–I2, and reordering L1, L2
 * and L4 (mirrored brackets). Pure: no DOM, no Node.
 */

type BidiType = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'WS' | 'ON'

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
}

/** Bidi classes worked out so far: a book's lines hold a few hundred distinct characters, millions of times. */
const TYPES = new Map<string, BidiType>()

/** The Bidi_Class of a character, for the scripts a Hamish article holds (Arabic, Hebrew, Latin and the rest as L). */
function typeOf(c: string): BidiType {
  let type = TYPES.get(c)
  if (type === undefined) {
    type = classOf(c)
    // Bounded: a text of every character there is should not keep them all.
    if (TYPES.size < 65536) TYPES.set(c, type)
  }
  return type
}

function classOf(c: string): BidiType {
  const code = c.codePointAt(0) ?? 0
  if (code >= 0x30 && code <= 0x39) return 'EN'
  if (code >= 0x6f0 && code <= 0x6f9) return 'EN'
  if (
    (code >= 0x660 && code <= 0x669) ||
    code === 0x66b ||
    code === 0x66c ||
    (code >= 0x600 && code <= 0x605)
  )
    return 'AN'
  if (c === '+' || c === '-' || code === 0x2212 || code === 0x207a || code === 0x207b) return 'ES'
  if (/[#$%°±‰′″٪\u00a2-\u00a5\u20a0-\u20cf]/.test(c)) return 'ET'
  if (/[,.:/\u00a0\u060c\u202f\u2044]/.test(c)) return 'CS'
  if (/[\u200b-\u200d\ufeff\u202a-\u202e\u2066-\u2069]/.test(c)) return 'BN'
  if (code === 0x200e) return 'L'
  if (code === 0x200f) return 'R'
  if (code === 0x61c) return 'AL'
  if (/\s/.test(c)) return 'WS'
  if (/\p{M}/u.test(c)) return 'NSM'
  if (code >= 0x590 && code <= 0x5ff) return 'R'
  if (code >= 0xfb1d && code <= 0xfb4f) return 'R'
  if (code >= 0x7c0 && code <= 0x85f) return 'R'
  if (
    (code >= 0x600 && code <= 0x7bf) ||
    (code >= 0x860 && code <= 0x8ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefe)
  )
    return 'AL'
  if (/[\p{L}\p{N}]/u.test(c)) return 'L'
  return 'ON'
}

const isStrong = (t: BidiType): boolean => t === 'L' || t === 'R' || t === 'AL'

/**
 * For each European digit, the strong type W2 and W7 act on: the letter it
 * follows in logical order, guessed from visual order. In a left-to-right
 * paragraph that letter is on its left. In a right-to-left one, a Latin
 * letter on its left means the number ends a Latin run («AS-206», «Windows
 * 10»; a lone letter among symbols, «â€”», is not such a run); else an Arabic letter on its right (the side the text came from)
 * makes it an Arabic number, whose «-» does not join («(1931-1847)» drawn
 * for «(1847-1931)»); else it stays a European number, at its own level
 * (after an invisible right-to-left mark, «Edison) ‏(1847-1931)»).
 */
function numberContexts(chars: string[], types: BidiType[], rtl: boolean): (BidiType | null)[] {
  const n = types.length
  const nearest = (from: number, step: 1 | -1): BidiType | null => {
    for (let j = from + step; j >= 0 && j < n; j += step) if (isStrong(types[j]!)) return types[j]!
    return null
  }
  return types.map((t, i) => {
    if (t !== 'EN') return null
    const left = nearest(i, -1)
    if (!rtl) return left
    const right = nearest(i, 1)
    // A number first in a right-to-left line, set apart from the Latin text after it, is not part of it
    // (a note's number before an English reference: «2 Halil İnalcık, …»).
    let start = i
    while (start > 0 && types[start - 1] === 'EN') start--
    const first =
      right === null && /\s/.test(chars[start - 1] ?? '') && /^\p{N}*\s*$/u.test(chars.slice(i + 1).join(''))
    if (left === 'L' && !first && latinRunOnLeft(chars, types, i)) return 'L'
    return right === 'AL' ? 'AL' : null
  })
}

/**
 * Whether the Latin run on a number's left (back to the nearest
 * right-to-left letter) holds two Latin letters or more, or one glued to
 * the number («v2»): a lone letter among symbols («â€”» after Arabic) is not
 * a run a number continues.
 */
function latinRunOnLeft(chars: string[], types: BidiType[], at: number): boolean {
  let letters = 0
  let first = -1
  for (let j = at - 1; j >= 0 && types[j] !== 'R' && types[j] !== 'AL'; j--) {
    if (types[j] !== 'L') continue
    letters++
    if (first < 0) first = j
  }
  return letters >= 2 || (letters === 1 && !/\s/.test(chars.slice(first + 1, at).join('')))
}

/**
 * The embedding level of each character of a line, in a paragraph of the
 * given direction; `rightToLeft` holds the positions of characters known to
 * stand in right-to-left text (taken as R, as if marked with an RLM).
 */
export function bidiLevels(chars: string[], rtl: boolean, rightToLeft?: ReadonlySet<number>): number[] {
  const base = rtl ? 1 : 0
  const sos: BidiType = rtl ? 'R' : 'L'
  const types = chars.map((c, i) => (rightToLeft?.has(i) ? 'R' : typeOf(c)))
  const n = types.length
  // W1: a mark takes the type of its letter. In visual order a right-to-left letter's marks are drawn
  // before it (on its left); a left-to-right letter's, after it.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'NSM') continue
    let next = i + 1
    while (next < n && types[next] === 'NSM') next++
    const after = types[next]
    if (after === 'R' || after === 'AL') types[i] = after
    else types[i] = i === 0 ? sos : types[i - 1] === 'BN' ? 'ON' : types[i - 1]!
  }
  // W2, W7 look back in logical order for the strong letter a number follows; the text here is in visual
  // order (see numberContexts).
  const context = numberContexts(chars, types, rtl)
  // W2, W3: a European number after Arabic letters is an Arabic number; AL is R.
  for (let i = 0; i < n; i++) if (types[i] === 'EN' && context[i] === 'AL') types[i] = 'AN'
  for (let i = 0; i < n; i++) if (types[i] === 'AL') types[i] = 'R'
  // W4: one separator between two numbers of a kind joins them.
  for (let i = 1; i < n - 1; i++) {
    const t = types[i]
    const before = types[i - 1]
    const after = types[i + 1]
    if (t === 'ES' && before === 'EN' && after === 'EN') types[i] = 'EN'
    else if (t === 'CS' && before === 'EN' && after === 'EN') types[i] = 'EN'
    else if (t === 'CS' && before === 'AN' && after === 'AN') types[i] = 'AN'
  }
  // W5: terminators next to a European number are part of it.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'ET') continue
    let j = i
    while (j < n && types[j] === 'ET') j++
    if ((i > 0 && types[i - 1] === 'EN') || (j < n && types[j] === 'EN'))
      for (let k = i; k < j; k++) types[k] = 'EN'
    i = j - 1
  }
  // W6: other separators and terminators are neutral.
  for (let i = 0; i < n; i++) if (types[i] === 'ES' || types[i] === 'ET' || types[i] === 'CS') types[i] = 'ON'
  // W7: a European number after left-to-right letters is left to right.
  for (let i = 0; i < n; i++) if (types[i] === 'EN' && context[i] === 'L') types[i] = 'L'
  // N1, N2: neutrals between two sides of one direction take it (numbers count as R); others, the paragraph's.
  const direction = (t: BidiType): 'L' | 'R' | null =>
    t === 'L' ? 'L' : t === 'R' || t === 'EN' || t === 'AN' ? 'R' : null
  for (let i = 0; i < n; i++) {
    if (direction(types[i]!) !== null) continue
    let j = i
    while (j < n && direction(types[j]!) === null) j++
    const before = i === 0 ? sos : direction(types[i - 1]!)!
    const after = j === n ? sos : direction(types[j]!)!
    const resolved: BidiType = before === after ? before : sos
    for (let k = i; k < j; k++) types[k] = resolved
    i = j - 1
  }
  // I1, I2.
  const levels = types.map((t) => {
    if (base === 0) return t === 'R' ? 1 : t === 'AN' || t === 'EN' ? 2 : 0
    return t === 'L' || t === 'EN' || t === 'AN' ? 2 : 1
  })
  // L1: trailing white space at the paragraph's level.
  for (let i = n - 1; i >= 0 && /\s/.test(chars[i]!); i--) levels[i] = base
  return levels
}

/**
 * A line's characters reordered as the bidi algorithm displays them (L2),
 * brackets at right-to-left levels mirrored (L4). Display order is an
 * involution for nearly all real text: given the visual order a PDF draws,
 * it gives back the order the text was typed in — the reason a PDF's line,
 * drawn left to right, is read through it.
 */
export function reorderLine(text: string, rtl: boolean, rightToLeft?: ReadonlySet<number>): string {
  const chars = [...text]
  if (chars.length === 0) return text
  const levels = bidiLevels(chars, rtl, rightToLeft)
  const order = chars.map((_, i) => i)
  const highest = Math.max(...levels)
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1)
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i++
        continue
      }
      let j = i
      while (j < order.length && levels[order[j]!]! >= level) j++
      const reversed = order.slice(i, j).reverse()
      order.splice(i, j - i, ...reversed)
      i = j
    }
  }
  return order.map((i) => (levels[i]! % 2 === 1 ? (MIRRORED[chars[i]!] ?? chars[i]!) : chars[i]!)).join('')
}
