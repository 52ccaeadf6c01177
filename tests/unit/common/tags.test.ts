import { describe, expect, it } from 'vitest'
import { hasTag, tagKey, uniqueTags } from '../../../common/tags'

describe('tags', () => {
  it('are one tag in any case or Unicode composition, kept as first spelt', () => {
    expect(uniqueTags(['Ottoman', 'europe', 'ottoman', 'OTTOMAN', 'Europe', 'تاريخ'])).toEqual([
      'Ottoman',
      'europe',
      'تاريخ',
    ])
    // é precomposed and e + combining acute.
    expect(uniqueTags(['caf\u00e9', 'cafe\u0301'])).toEqual(['caf\u00e9'])
    expect(tagKey('Caf\u00c9')).toBe(tagKey('cafe\u0301'))
  })

  it('keeps Arabic spellings apart: a different letter is a different tag', () => {
    expect(uniqueTags(['تاريخ', 'تأريخ'])).toEqual(['تاريخ', 'تأريخ'])
    expect(hasTag(['تاريخ'], 'تأريخ')).toBe(false)
    expect(hasTag(['Ottoman'], 'ottoman')).toBe(true)
  })
})
