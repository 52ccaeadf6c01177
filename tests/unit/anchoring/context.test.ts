import { describe, expect, it } from 'vitest'
import { accepts, compareSide, type SideVerdict } from '../../../common/anchoring/context'

const side = (agree: boolean, weight = 18, displaced = false): SideVerdict => ({
  agree,
  displaced,
  distance: agree ? 0 : weight,
  weight,
})

describe('the acceptance rule', () => {
  it('needs both sides of context to agree', () => {
    expect(accepts(side(true), side(true))).toBe(true)
    expect(accepts(side(true), side(false))).toBe(false)
    expect(accepts(side(false), side(true))).toBe(false)
  })

  it('lets one side, not both, be displaced by inserted text', () => {
    expect(accepts(side(true, 18, true), side(true))).toBe(true)
    expect(accepts(side(true), side(true, 18, true))).toBe(true)
    expect(accepts(side(true, 18, true), side(true, 18, true))).toBe(false)
  })
})

describe('comparing one side of context', () => {
  const text = 'قال بعض الحكماء العقل اصل الدين والعلم فرعه'
  const at = text.indexOf('العقل')
  const end = at + 'العقل اصل الدين'.length

  it('agrees when the neighbouring text is close to the stored context', () => {
    expect(compareSide('قال بعض الحكماء ', text, at, -1)).toMatchObject({ agree: true, distance: 0 })
    expect(compareSide('قال بعض العلماء ', text, at, -1)).toMatchObject({ agree: true, distance: 2 })
    expect(compareSide(' والعلم فرعه', text, end, 1)).toMatchObject({ agree: true, distance: 0 })
  })

  it('disagrees with unrelated context', () => {
    expect(compareSide('وكتب رجل من اهل الشام ', text, at, -1).agree).toBe(false)
    expect(compareSide(' وكتب رجل من اهل الشام', text, end, 1).agree).toBe(false)
  })

  it('finds context pushed away by inserted text, and says so', () => {
    const inserted = text.replace('العقل', 'وهذه جملة جديدة ادخلت هنا العقل')
    const quoteAt = inserted.indexOf('العقل')
    expect(compareSide('قال بعض الحكماء ', inserted, quoteAt, -1)).toMatchObject({
      agree: true,
      displaced: true,
    })
  })

  it('agrees with an empty stored side (the annotation touched the edge of the text)', () => {
    expect(compareSide('', text, at, -1)).toMatchObject({ agree: true, weight: 0 })
  })
})
