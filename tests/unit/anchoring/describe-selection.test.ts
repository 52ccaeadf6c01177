import { describe, expect, it } from 'vitest'
import { QUOTE_CONTEXT } from '../../../common/annotation'
import { describeSelection, prepareText } from '../../../common/anchoring'
import { codePointLength } from '../../../common/plain-text'

describe('describeSelection', () => {
  const text = 'أَمَّا بَعْدُ فَإِنَّ شَرَفَ الْمَطْلُوبِ بِشَرَفِ نَتَائِجِهِ ، وَعِظَمِ خَطَرِهِ بِكَثْرَةِ مَنَافِعِهِ'

  it('stores the selected text and up to 32 code points of context either side', () => {
    const start = 40
    const end = 60
    const t = describeSelection(text, start, end)
    expect(t.position).toEqual({ type: 'TextPositionSelector', start, end })
    expect(t.quote.type).toBe('TextQuoteSelector')
    expect(t.quote.exact).toBe(text.slice(start, end))
    expect(t.quote.prefix).toBe(text.slice(start - QUOTE_CONTEXT, start))
    expect(t.quote.suffix).toBe(text.slice(end, end + QUOTE_CONTEXT))
  })

  it('cuts the context at the edges of the text', () => {
    const t = describeSelection(text, 0, 5)
    expect(t.quote.prefix).toBe('')
    const u = describeSelection(text, text.length - 3, text.length)
    expect(u.quote.suffix).toBe('')
    expect(u.quote.prefix).toHaveLength(QUOTE_CONTEXT)
  })

  it('counts code points, not UTF-16 units, around characters outside the BMP', () => {
    const astral = '😀𝔸'.repeat(20) + 'قال 𝔸 نعم' + '😀'.repeat(40)
    const cps = [...astral]
    const start = 40 // after the forty astral characters
    const t = describeSelection(astral, start, start + 9)
    expect(t.quote.exact).toBe('قال 𝔸 نعم')
    expect(codePointLength(t.quote.prefix)).toBe(QUOTE_CONTEXT)
    expect(t.quote.prefix).toBe(cps.slice(start - QUOTE_CONTEXT, start).join(''))
    expect(t.quote.suffix).toBe('😀'.repeat(QUOTE_CONTEXT))
    expect(describeSelection(prepareText(astral), start, start + 9)).toEqual(t)
  })

  it('refuses empty and out-of-range selections', () => {
    expect(() => describeSelection(text, 5, 5)).toThrow(RangeError)
    expect(() => describeSelection(text, -1, 5)).toThrow(RangeError)
    expect(() => describeSelection(text, 0, text.length + 1)).toThrow(RangeError)
    expect(() => describeSelection('𝔸𝔸', 0, 3)).toThrow(RangeError)
    expect(() => describeSelection(prepareText('𝔸𝔸'), 0, 3)).toThrow(RangeError)
    expect(describeSelection('𝔸𝔸', 1, 2).quote.exact).toBe('𝔸')
  })
})
