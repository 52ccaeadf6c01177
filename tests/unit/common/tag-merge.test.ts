import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeTagEdit } from '../../../common/tag-merge'
import { tagKey, uniqueTags } from '../../../common/tags'

const tags = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'B', 'سياسة'), {
  maxLength: 6,
  selector: tagKey,
})
const keys = (list: readonly string[]) => new Set(list.map(tagKey))

describe('mergeTagEdit', () => {
  it('keeps the tags another window added and the removals it made', () => {
    expect(mergeTagEdit(['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'd'])).toEqual(['a', 'b', 'd', 'c'])
    expect(mergeTagEdit(['a', 'b'], ['a'], ['b', 'c'])).toEqual(['c'])
    expect(mergeTagEdit(['a', 'b'], ['a', 'b'], ['a'])).toEqual(['a'])
  })

  it('applies every edit of both sides (property)', () => {
    fc.assert(
      fc.property(tags, tags, tags, (base, next, current) => {
        const merged = keys(mergeTagEdit(base, next, current))
        const [b, n, c] = [keys(base), keys(next), keys(current)]
        for (const k of n) if (!b.has(k)) expect(merged.has(k)).toBe(true) // added here
        for (const k of b) if (!n.has(k)) expect(merged.has(k)).toBe(false) // removed here
        for (const k of c) if (!b.has(k) && n.has(k) === b.has(k)) expect(merged.has(k)).toBe(true) // added there
        for (const k of b) if (!c.has(k) && n.has(k)) expect(merged.has(k)).toBe(false) // removed there
        expect(mergeTagEdit(base, next, current)).toEqual(uniqueTags(mergeTagEdit(base, next, current)))
      }),
    )
  })

  it('is the edit itself when nothing changed meanwhile', () => {
    fc.assert(
      fc.property(tags, tags, (base, next) => {
        expect(mergeTagEdit(base, next, base)).toEqual(next)
      }),
    )
  })
})
