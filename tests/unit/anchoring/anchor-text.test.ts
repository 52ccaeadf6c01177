import { describe, expect, it } from 'vitest'
import { prepareText } from '../../../common/anchoring'

describe('prepareText', () => {
  it('maps code points and UTF-16 units both ways around astral characters', () => {
    const text = 'a😀b𝔸𝔸c\ud800d' // a lone surrogate counts as one code point
    const p = prepareText(text)
    const cps = [...text]
    expect(p.length).toBe(cps.length)
    let u = 0
    for (let cp = 0; cp <= cps.length; cp++) {
      expect(p.toUtf16(cp)).toBe(u)
      expect(p.toCodePoint(u)).toBe(cp)
      u += cps[cp]?.length ?? 0
    }
    expect(p.toCodePoint(2)).toBe(1) // inside 😀: the pair's start
  })

  it('is the identity on text without surrogates, and folds lazily once', () => {
    const p = prepareText('كَتَبَ')
    expect(p.toUtf16(3)).toBe(3)
    expect(p.toCodePoint(3)).toBe(3)
    expect(p.folded()).toBe(p.folded())
    expect(p.folded().text).toBe('كتب')
  })
})
