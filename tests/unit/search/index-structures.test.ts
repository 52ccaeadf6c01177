import { describe, expect, it } from 'vitest'
import { foldText, originalRange } from '../../../common/arabic-fold'
import {
  codeUnits,
  CODE_CHARS,
  decodeSlice,
  decodeTable,
  encodeQuery,
  encodeText,
  unitAt,
} from '../../../common/search/coded-text'
import { DocPostings, sortedByValue } from '../../../common/search/doc-postings'
import { foldCheckpoints, FoldWindow } from '../../../common/search/fold-window'
import { ByteWriter, GrowableInt32, VarintReader } from '../../../common/search/growable'
import { prepareDoc } from '../../../common/search/prepared-doc'
import { hashUnits, Vocabulary } from '../../../common/search/vocabulary'
import { forEachTerm } from '../../../common/search/word-index'
import { randomText, seededRandom, wideText } from './random-texts'

describe('growable typed arrays and varints', () => {
  it('grows by doubling and trims to the pushed values', () => {
    const g = new GrowableInt32(1)
    for (let i = 0; i < 1000; i++) g.push(i * 3 - 7)
    const t = g.trimmed()
    expect(t).toBeInstanceOf(Int32Array)
    expect(t.length).toBe(1000)
    expect(t[999]).toBe(999 * 3 - 7)
    expect(g.get(10)).toBe(23)
  })

  it('writes and reads varints at every size boundary', () => {
    const values = [0, 1, 127, 128, 300, 16383, 16384, 2097151, 2097152, 268435455, 268435456, 2 ** 31 - 1]
    const w = new ByteWriter(1)
    for (const v of values) w.varint(v)
    const bytes = w.trimmed()
    expect(bytes.length).toBe(1 + 1 + 1 + 2 + 2 + 2 + 3 + 3 + 4 + 4 + 5 + 5)
    const r = new VarintReader(bytes)
    expect(values.map(() => r.next())).toEqual(values)
    expect(() => r.next()).toThrow(RangeError)
    expect(() => new VarintReader(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).next()).toThrow(
      RangeError,
    )
  })

  it('sorts indices by value, ties in index order, with any number of radix passes', () => {
    const random = seededRandom(3)
    for (const bound of [1, 200, 70000, 2 ** 30]) {
      const values = Int32Array.from({ length: 500 }, () => Math.floor(random() * bound))
      const order = Array.from(sortedByValue(values, bound))
      const expected = [...values.keys()].sort((a, b) => values[a]! - values[b]! || a - b)
      expect(order).toEqual(expected)
    }
  })
})

describe('one-byte coding', () => {
  it('orders units by frequency, round-trips and keeps indices', () => {
    const text = 'كَتَبَ الكاتبُ كتاباً "في" المكتبة\\n'
    const units = codeUnits(text)!
    const count = (u: number) => [...text].filter((c) => c.charCodeAt(0) === u).length
    expect(units.map(count)).toEqual(units.map(count).sort((a, b) => b - a))
    expect(new Set(units).size).toBe(new Set(text).size)
    const coded = { text: encodeText(text, units), units: decodeTable(units) }
    expect(coded.text.length).toBe(text.length)
    expect([...coded.text].every((c) => CODE_CHARS.slice(0, units.length).includes(c))).toBe(true)
    expect(decodeSlice(coded, 0, text.length)).toBe(text)
    expect(decodeSlice(coded, 3, 9)).toBe(text.slice(3, 9))
    expect(unitAt(coded, 5)).toBe(text.charCodeAt(5))
    expect(encodeQuery('كتاب', coded.units)).toBe(encodeText('كتاب', units))
    expect(encodeQuery('قلم', coded.units)).toBeNull()
  })

  it('stays plain past the code size or with U+FFFF', () => {
    expect(codeUnits(wideText(seededRandom(1), 10))).toBeNull()
    expect(codeUnits('abc\uffff')).toBeNull()
    expect(encodeText('abc', null)).toBe('abc')
  })

  it('is printable ASCII in JSON while the units fit the first 101 codes', () => {
    const text = Array.from({ length: 101 }, (_, i) => String.fromCharCode(0x0600 + i)).join('')
    const units = codeUnits(text)!
    const json = JSON.stringify({ t: encodeText(text, units) })
    expect(/^[\x20-\x7f]*$/.test(json)).toBe(true)
    expect(json).not.toContain('\\u')
    expect(JSON.parse(json).t).toBe(encodeText(text, units))
  })
})

describe('folding again from a checkpoint', () => {
  const random = seededRandom(8)
  const texts = Array.from({ length: 150 }, () => randomText(random, 1 + Math.floor(random() * 600)))

  it('gives the units and origins of the whole fold, and its original ranges', () => {
    const w = new FoldWindow()
    for (const original of texts) {
      const folded = foldText(original)
      const cps = foldCheckpoints(folded.text, folded.toOriginal)
      const units = codeUnits(original)
      const src = { text: encodeText(original, units), units: units && decodeTable(units) }
      const n = folded.text.length
      for (let k = 0; k < 20 && n > 0; k++) {
        const a = Math.floor(random() * n)
        const b = Math.min(n, a + 1 + Math.floor(random() * 30))
        w.cover(src, cps, a, b)
        for (let f = a; f < b; f++) {
          expect(w.unit(f)).toBe(folded.text.charCodeAt(f))
          expect(w.origin(f)).toBe(folded.toOriginal[f])
        }
        expect(w.originalRange(src, cps, n, a, b)).toEqual(originalRange(folded, a, b))
      }
    }
  })

  it('puts checkpoints at character starts, never right after a folded space', () => {
    for (const original of texts) {
      const { text, toOriginal } = foldText(original)
      const cps = foldCheckpoints(text, toOriginal)
      for (let k = 2; k < cps.length; k += 2) {
        const f = cps[k]!
        expect(toOriginal[f - 1]).not.toBe(toOriginal[f])
        expect(text[f - 1]).not.toBe(' ')
        expect(cps[k + 1]).toBe(toOriginal[f])
      }
    }
  })
})

describe('the vocabulary', () => {
  it('gives a term the same id from coded and plain text, and finds it by string', () => {
    const v = new Vocabulary()
    const text = 'الكتاب كتب'
    const units = codeUnits(text)!
    const coded = encodeText(text, units)
    const a = v.intern(coded, 0, 6, decodeTable(units))
    expect(v.intern(text, 0, 6, null)).toBe(a)
    expect(v.intern(text, 7, 3, null)).not.toBe(a)
    expect(v.wordOf(a)).toBe('الكتاب')
    expect(v.find('الكتاب')).toBe(a)
    expect(v.find('كتاب')).toBe(-1)
  })

  it('tells apart terms whose hashes collide', () => {
    const seen = new Map<number, string>()
    let pair: [string, string] | null = null
    for (let i = 0; !pair; i++) {
      const word = `w${i.toString(36)}`
      const h = hashUnits(word, 0, word.length, null)
      const other = seen.get(h)
      if (other) pair = [other, word]
      else seen.set(h, word)
    }
    const v = new Vocabulary()
    const [a, b] = pair.map((w) => v.intern(w, 0, w.length, null))
    expect(a).not.toBe(b)
    expect(pair.map((w) => v.find(w))).toEqual([a, b])
    expect(pair.map((w) => v.intern(w, 0, w.length, null))).toEqual([a, b])
    expect([v.wordOf(a!), v.wordOf(b!)]).toEqual(pair)
  })

  it('counts the articles that hold a term', () => {
    const v = new Vocabulary()
    const id = v.intern('abc', 0, 3, null)
    expect(v.size).toBe(0)
    v.count(id, 1, 10)
    v.count(id, 1, 5)
    expect(v.size).toBe(1)
    expect(v.cost(id)).toBe(15)
    v.count(id, -1, 10)
    v.count(id, -1, 5)
    expect(v.size).toBe(0)
  })
})

describe("an article's postings", () => {
  it('finds every term with all its offsets, and round-trips to the persisted form', () => {
    const random = seededRandom(9)
    for (let round = 0; round < 20; round++) {
      const text = round === 3 ? wideText(random, 500) : randomText(random, 2000)
      const prepared = prepareDoc({ id: 'a', text, annotations: [] })
      const table = prepared.units && decodeTable(prepared.units)
      const vocab = new Vocabulary()
      const postings = DocPostings.build(prepared, table, vocab)
      const expected = new Map<string, number[]>()
      forEachTerm(foldText(text).text, (term, offset) => {
        if (!expected.has(term)) expected.set(term, [])
        expected.get(term)!.push(offset)
      })
      expect(postings.terms).toBe(expected.size)
      for (const [term, offsets] of expected) {
        const pos = postings.find(vocab.find(term))
        expect(pos).toBeGreaterThanOrEqual(0)
        const out = new Int32Array(postings.offsetBytes(pos))
        expect(Array.from(out.subarray(0, postings.readOffsets(pos, out)))).toEqual(offsets)
      }
      expect(postings.find(vocab.intern('zzz-absent', 0, 10, null))).toBe(-1)
      const again = DocPostings.build({ ...prepared, ...postings.toPrepared(vocab, table) }, table, vocab)
      expect(again.toPrepared(vocab, table)).toEqual(postings.toPrepared(vocab, table))
    }
  })

  it('refuses postings that do not fit their terms', () => {
    const prepared = prepareDoc({ id: 'a', text: 'كتب الكتاب كتب', annotations: [] })
    const table = prepared.units && decodeTable(prepared.units)
    const build = (changes: object) => () =>
      DocPostings.build({ ...prepared, ...changes }, table, new Vocabulary())
    expect(build({ postings: prepared.postings.slice(0, -1) })).toThrow(RangeError)
    expect(build({ words: prepared.words.slice(1) })).toThrow(RangeError)
    expect(build({ words: prepared.words + prepared.words[0] })).toThrow(RangeError)
    const twice = new Uint8Array([...prepared.postings, ...prepared.postings])
    expect(build({ postings: twice, words: prepared.words + prepared.words })).toThrow(RangeError)
  })
})
