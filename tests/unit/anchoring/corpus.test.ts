import { describe, expect, it } from 'vitest'
import { foldQuery, foldText, toFoldedIndex } from '../../../common/arabic-fold'
import { anchor, describeSelection, prepareText } from '../../../common/anchoring'
import { wordRanges } from '../../../bench/anchoring-samples'
import { fixture, plainBook, textAt, vocalisedBook } from './helpers'

const lineOf = (text: string, index: number): number => {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++
  return n
}

describe('annotations made on the vocalised Tashkeela book', () => {
  const vocalised = vocalisedBook()
  const plain = plainBook()
  const source = prepareText(vocalised)
  const ranges = wordRanges(vocalised, 200, 3)
  const targets = ranges.map(([s, e]) => describeSelection(source, s, e))

  it('anchor on the same text at their position', () => {
    for (const [i, t] of targets.entries()) {
      expect(anchor(source, t)).toEqual({ start: ranges[i]![0], end: ranges[i]![1], method: 'position' })
    }
  })

  it('anchor on the NO-TASHKEEL copy on the corresponding characters', () => {
    const current = prepareText(plain)
    const foldedSource = foldText(vocalised)
    const methods = new Map<string, number>()
    let samePlace = 0
    for (const [i, t] of targets.entries()) {
      const a = anchor(current, t)
      expect(a, t.quote.exact).not.toBeNull()
      methods.set(a!.method, (methods.get(a!.method) ?? 0) + 1)
      // The anchored text is the quote without its diacritics…
      expect(foldQuery(textAt(plain, a)!)).toBe(foldQuery(t.quote.exact))
      // …on the corresponding line (the copies line up line by line)…
      const [s, e] = ranges[i]!
      expect(lineOf(plain, current.toUtf16(a!.start))).toBe(lineOf(vocalised, s))
      // …at the same folded offset (the two books fold to the same text).
      const f = current.folded()
      if (
        toFoldedIndex(f, current.toUtf16(a!.start)) === toFoldedIndex(foldedSource, s) &&
        toFoldedIndex(f, current.toUtf16(a!.end)) === toFoldedIndex(foldedSource, e)
      ) {
        samePlace++
      }
    }
    expect(samePlace).toBe(targets.length)
    expect([...methods.keys()].every((m) => m === 'folded' || m === 'quote')).toBe(true)
  })

  it('anchor on a copy with its whitespace changed', () => {
    const respaced = plain.replace(/ /g, '  ').replace(/\n/g, ' \u00a0')
    const current = prepareText(respaced)
    for (const t of targets.slice(0, 50)) {
      const a = anchor(current, t)
      expect(a?.method).toBe('folded')
      expect(foldQuery(textAt(respaced, a)!)).toBe(foldQuery(t.quote.exact))
    }
  })
})

describe('mixed Arabic, Latin and digits (corpus/bidi paragraphs)', () => {
  const paragraphs = fixture('mixed-ar-latin-digits-paragraphs.jsonl')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { text: string }).text)
  const text = paragraphs.slice(0, 12).join('\n\n')
  const p = prepareText(text)
  const ranges = wordRanges(text, 40, 11)

  it('anchors after digits change script, spaces become NBSP and bidi marks are added', () => {
    const toArabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)))
    const changed = toArabicDigits(text).replace(/ /g, '\u00a0').replace(/\)/g, ')\u200f')
    const current = prepareText(changed)
    for (const [s, e] of ranges) {
      const t = describeSelection(p, p.toCodePoint(s), p.toCodePoint(e))
      const a = anchor(current, t)
      expect(a, t.quote.exact).not.toBeNull()
      expect(foldQuery(textAt(changed, a)!)).toBe(foldQuery(t.quote.exact))
    }
  })
})
