import { describe, expect, it } from 'vitest'
import { foldQuery, foldText } from '../../../common/arabic-fold'

const chars = (from: number, to: number): string[] => {
  const out: string[] = []
  for (let c = from; c <= to; c++) out.push(String.fromCharCode(c))
  return out
}

describe('foldText: every code point of the listed ranges', () => {
  const removed: [string, number, number][] = [
    ['harakat and other marks', 0x064b, 0x065f],
    ['superscript alef', 0x0670, 0x0670],
    ['Quranic marks', 0x06d6, 0x06ed],
    ['tatweel', 0x0640, 0x0640],
    ['zero-width characters and LRM/RLM', 0x200b, 0x200f],
    ['bidi embeddings and overrides', 0x202a, 0x202e],
    ['bidi isolates', 0x2066, 0x2069],
    ['Arabic letter mark', 0x061c, 0x061c],
    ['BOM', 0xfeff, 0xfeff],
    ['soft hyphen', 0x00ad, 0x00ad],
  ]
  for (const [name, from, to] of removed) {
    it(`removes ${name} (U+${from.toString(16).toUpperCase()}–U+${to.toString(16).toUpperCase()})`, () => {
      for (const ch of chars(from, to)) {
        const f = foldText(`ب${ch}ت`)
        expect(f.text, `U+${ch.charCodeAt(0).toString(16)}`).toBe('بت')
        // The removed character belongs to the letter before it.
        expect(Array.from(f.toOriginal)).toEqual([0, 2, 3])
      }
    })
  }

  it('folds alef forms (أ إ آ ٱ and the wavy hamza alefs) to ا', () => {
    for (const ch of ['أ', 'إ', 'آ', 'ٱ', '\u0672', '\u0673']) expect(foldQuery(ch)).toBe('ا')
    expect(foldQuery('ا')).toBe('ا')
  })

  it('folds alef maqsura and Farsi yeh to yaa', () => {
    expect(foldQuery('ى')).toBe('ي')
    expect(foldQuery('\u06cc')).toBe('ي')
    expect(foldQuery('علی')).toBe(foldQuery('على'))
  })

  it('folds taa marbuta to haa unless told not to', () => {
    expect(foldQuery('مدرسة')).toBe('مدرسه')
    expect(foldQuery('مدرسة', { taaMarbuta: false })).toBe('مدرسة')
  })

  it('folds hamza carriers unless told not to', () => {
    expect(foldQuery('مؤمن سئل')).toBe('مومن سيل')
    expect(foldQuery('مؤمن سئل', { hamzaCarriers: false })).toBe('مؤمن سئل')
  })

  it('folds Arabic-Indic and Extended Arabic-Indic digits to ASCII', () => {
    for (let d = 0; d < 10; d++) {
      expect(foldQuery(String.fromCharCode(0x0660 + d))).toBe(String(d))
      expect(foldQuery(String.fromCharCode(0x06f0 + d))).toBe(String(d))
    }
    expect(foldQuery('١٢٩٩م ۱۴۰۰')).toBe('1299م 1400')
  })

  it('folds every presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF) as its NFKC form', () => {
    let expanded = 0
    for (const ch of [...chars(0xfb50, 0xfdff), ...chars(0xfe70, 0xfeff)]) {
      const nfkc = ch.normalize('NFKC')
      const viaNfkc = foldQuery(nfkc)
      // Forms of marks alone (NFKC writes them as a space plus marks) vanish like the marks.
      const expected = viaNfkc.trim() === '' && nfkc !== ch ? '' : viaNfkc
      const f = foldText(ch)
      expect(f.text, `U+${ch.charCodeAt(0).toString(16)}`).toBe(ch === '\ufeff' ? '' : expected)
      expect(f.toOriginal.every((v, i) => v === (i === f.toOriginal.length - 1 ? 1 : 0))).toBe(true)
      if (f.text.length > 1) expanded++
    }
    expect(expanded).toBeGreaterThan(400)
    expect(foldQuery('\ufdfa')).toBe('صلي الله عليه وسلم')
    expect(foldQuery('\ufef7')).toBe('لا') // lam-alef with hamza
    expect(foldQuery('\ufe70\ufe7c')).toBe('')
  })

  it('turns every whitespace run into one space, or keeps it with whitespace: false', () => {
    const spaces =
      '\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'
    for (const ch of spaces) expect(foldQuery(`a${ch}b`), `U+${ch.charCodeAt(0).toString(16)}`).toBe('a b')
    expect(foldQuery(`a${spaces}b`)).toBe('a b')
    expect(foldQuery('a \u200f\u064e b')).toBe('a b')
    expect(foldQuery('a\n\nb', { whitespace: false })).toBe('a\n\nb')
  })

  it('lower-cases letters one for one, İ included', () => {
    for (const ch of chars(0x41, 0x24f)) {
      if (ch === '\u00ad' || ch === '\u00a0' || ch === '\u0085' || ch === '\u0130') continue
      expect(foldQuery(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(ch.toLowerCase())
    }
    expect(foldQuery('İstanbul ΣΟΦΊΑ Москва')).toBe('istanbul σοφία москва')
    expect(foldQuery('ABC', { caseFold: false })).toBe('ABC')
  })

  it('keeps astral characters whole, lower-casing the cased ones', () => {
    const f = foldText('𝔸\u{10400}😀')
    expect(f.text).toBe('𝔸\u{10428}😀')
    expect(Array.from(f.toOriginal)).toEqual([0, 0, 2, 2, 4, 4, 6])
  })

  it('keeps lone surrogates as they are', () => {
    expect(foldQuery('a\ud800b\udc00')).toBe('a\ud800b\udc00')
  })
})
