/**
 * Chapter markers of a plain-text book, which has no headings of its own:
 * a paragraph that starts with كتاب / باب / الباب (a book or chapter, level 1)
 * or فصل / الفصل (a section, level 2), as Shamela and Tashkeela books mark
 * them, or with "Chapter", "Part" or "Book" and a number or word (level 1).
 * The marker is read with its diacritics, tatweel and alef variants ignored,
 * except a final case vowel other than u: a heading names its chapter in the
 * nominative (الْبَابُ, فَصْلٌ), while الْبَابِ or الْفَصْلَ at a line's start is a
 * sentence that runs on from the line before.
 */

/** Arabic diacritics, Quranic marks and tatweel: ignored when a marker word is recognised. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g

const ARABIC_MARKERS = new Map<string, 1 | 2>([
  ['كتاب', 1],
  ['باب', 1],
  ['الباب', 1],
  ['فصل', 2],
  ['الفصل', 2],
])

const LATIN_MARKER = /^(chapter|part|book)\s+([0-9]+|[ivxlcdm]+|[a-z]+)\b/i

/** Words a marker's entry keeps at most (a Shamela chapter runs on into its text on the same line). */
const MAX_WORDS = 6
/** Characters a marker's entry keeps at most. */
const MAX_CHARS = 80

/** A word ending in a vowel of the genitive or accusative case (kasra, fatha, or their tanween). */
const NOT_NOMINATIVE = /[\u064b\u064d\u064e\u0650]\p{Mn}*$/u

/** The first word of `text` without marks, or '' when there is none or it is not in the nominative. */
function firstWord(text: string): string {
  const word = /^\s*([^\s:.،؛,]+)/.exec(text)?.[1] ?? ''
  if (NOT_NOMINATIVE.test(word)) return ''
  return word.replace(MARKS, '').replace(/[أإآ]/g, 'ا')
}

/**
 * The entry's words: up to the first colon, full stop or Arabic comma, at
 * most six words or 80 characters (then an ellipsis), so a chapter line that
 * runs on into its first paragraph gives only its name.
 */
export function markerTitle(text: string): string {
  const head = /^[^:.،؛\n]*/.exec(text.trim())![0]
  const words = head.split(/\s+/).filter((w) => w !== '')
  const title = words.slice(0, MAX_WORDS).join(' ')
  if (title.length > MAX_CHARS) return `${title.slice(0, MAX_CHARS).replace(/\s+\S*$/, '')}…`
  return words.length > MAX_WORDS ? `${title}…` : title
}

/** The level of the chapter marker this paragraph starts with, or 0 when it starts with none. */
export function markerLevel(text: string): 0 | 1 | 2 {
  const arabic = ARABIC_MARKERS.get(firstWord(text))
  if (arabic) return arabic
  return LATIN_MARKER.test(text.trimStart()) ? 1 : 0
}
