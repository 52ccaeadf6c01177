import { describe, expect, it } from 'vitest'
import { foldQuery, foldText, originalRange, toFoldedIndex } from '../../../common/arabic-fold'
import { seededRandom } from '../../../bench/anchoring-samples'

/** Letters, marks, tatweel, presentation forms (some expanding), astral, Latin, spaces and invisibles. */
const ALPHABET = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  ...'أإآٱؤئءةى\u06cc',
  '\u064e',
  '\u064f',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u064b',
  '\u0670',
  '\u06d6',
  '\u0640',
  '\ufdfa',
  '\ufefb',
  '\ufef7',
  '\ufe8d',
  '\ufe70',
  '\ufc5e',
  '\ufdf2',
  '𝔸',
  '😀',
  '\u{10400}',
  ...'AbCzİ',
  '٣',
  '۴',
  '7',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\u00a0',
  '\u200c',
  '\u200d',
  '\u200f',
  '\u2067',
  '\u00ad',
]

function randomText(random: () => number, length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return s
}

/** The whole code point starting at UTF-16 index i. */
const charAt = (s: string, i: number): string => String.fromCodePoint(s.codePointAt(i)!)

describe('the offset map', () => {
  const random = seededRandom(6)
  const texts = Array.from({ length: 400 }, () => randomText(random, 1 + Math.floor(random() * 60)))

  it('is monotonic, ends at the original length and points at character starts', () => {
    for (const text of texts) {
      const { text: folded, toOriginal } = foldText(text)
      expect(toOriginal.length).toBe(folded.length + 1)
      expect(toOriginal[folded.length]).toBe(text.length)
      const bad: number[] = []
      for (let i = 0; i < folded.length; i++) {
        const c = text.charCodeAt(toOriginal[i]!)
        if (toOriginal[i]! > toOriginal[i + 1]! || (c >= 0xdc00 && c <= 0xdfff)) bad.push(i)
      }
      expect(bad, JSON.stringify(text)).toEqual([])
    }
  })

  it('maps every folded unit to an original character that folds to it', () => {
    for (const text of texts) {
      const { text: folded, toOriginal } = foldText(text)
      const covered = new Set<number>()
      const bad: string[] = []
      for (let i = 0; i < folded.length;) {
        let j = i + 1
        while (j < folded.length && toOriginal[j] === toOriginal[i]) j++
        const at = toOriginal[i]!
        covered.add(at)
        const alone = foldQuery(charAt(text, at))
        const got = folded.slice(i, j)
        // A character's fold, less a leading space that collapsed into the run before it.
        if (got !== alone && !(alone.startsWith(' ') && got === alone.slice(1))) bad.push(`@${at}: ${got}`)
        i = j
      }
      // Every original character with no folded unit folds to nothing, or is whitespace inside a run.
      for (let k = 0; k < text.length; k += charAt(text, k).length) {
        if (!covered.has(k) && !['', ' '].includes(foldQuery(charAt(text, k)))) bad.push(`lost @${k}`)
      }
      expect(bad, JSON.stringify(text)).toEqual([])
    }
  })

  it('maps a folded range back to original characters that fold to exactly that range', () => {
    const r = seededRandom(9)
    for (const text of texts) {
      const f = foldText(text)
      const starts = [...new Set(f.toOriginal)].map((o) => toFoldedIndex(f, o))
      for (let t = 0; t < 10 && starts.length > 1; t++) {
        const a = starts[Math.floor(r() * (starts.length - 1))]!
        const later = [...starts.filter((x) => x > a), f.text.length]
        const b = later[Math.floor(r() * later.length)]!
        const [s, e] = originalRange(f, a, b)
        expect(foldQuery(text.slice(s, e)), JSON.stringify(text)).toBe(f.text.slice(a, b))
      }
    }
  })

  it('widens a range that ends inside an expanded character to the whole character', () => {
    const text = 'قال ﷺ: نعم'
    const f = foldText(text)
    const a = f.text.indexOf('صلي')
    expect(originalRange(f, a, a + 3)).toEqual([4, 5])
    const astral = foldText('x𝔸y')
    expect(originalRange(astral, 1, 2)).toEqual([1, 3])
  })

  it('makes a match end after the diacritics of its last letter and start at its first letter', () => {
    const text = 'وَكَتَبَ الكِتَابَ'
    const f = foldText(text)
    expect(f.text).toBe('وكتب الكتاب')
    const [s, e] = originalRange(f, 1, 4) // 'كتب'
    expect(text.slice(s, e)).toBe('كَتَبَ')
    const [s2, e2] = originalRange(f, 5, 11) // 'الكتاب' up to the end of the text
    expect(text.slice(s2, e2)).toBe('الكِتَابَ')
  })

  it('treats zero-width and bidi controls as invisible parts of the letter before them', () => {
    const text = 'a\u200fbc \u2067d\u2069'
    const f = foldText(text)
    expect(f.text).toBe('abc d')
    expect(text.slice(...originalRange(f, 0, 1))).toBe('a\u200f')
    expect(text.slice(...originalRange(f, 4, 5))).toBe('d\u2069')
  })

  it('finds where an original index lands in the folded text', () => {
    const text = 'كَتَبَ  الدرسَ'
    const f = foldText(text)
    expect(toFoldedIndex(f, 0)).toBe(0)
    expect(toFoldedIndex(f, 2)).toBe(1)
    expect(toFoldedIndex(f, 6)).toBe(3) // the first of the two spaces
    expect(toFoldedIndex(f, 7)).toBe(4) // the second collapsed: next kept unit
    expect(toFoldedIndex(f, text.length)).toBe(f.text.length)
  })
})
