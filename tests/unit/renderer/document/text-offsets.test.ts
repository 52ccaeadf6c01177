import { Node as PMNode } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../../../common/document'
import { plainText } from '../../../../common/plain-text'
import { buildTextOffsets } from '../../../../renderer/src/document/text-offsets'
import { schema } from '../../../../renderer/src/document/schema'

const doc: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'عنوان 😀' }] },
    { type: 'paragraph' },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'سطر ' },
        { type: 'text', text: 'مهم', marks: [{ type: 'strong' }] },
        { type: 'hard_break' },
        { type: 'text', text: '𝔸 Latin 12' },
      ],
    },
    {
      type: 'bullet_list',
      content: [
        { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'أولًا' }] }] },
        {
          type: 'list_item',
          content: [
            {
              type: 'blockquote',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'اقتباس' }] }],
            },
          ],
        },
      ],
    },
  ],
}

/**
 * The reader's mapping must agree with common/plain-text.ts character for
 * character, since reading positions (and, later, annotations) are stored as
 * plain-text offsets and found again through it.
 */
describe('text offsets', () => {
  const pm = PMNode.fromJSON(schema, doc)
  const offsets = buildTextOffsets(pm)
  const text = [...plainText(doc)]

  it('has the plain text’s length in code points', () => {
    expect(offsets.length).toBe(text.length)
  })

  it('maps every text position to the offset of the same character, and back', () => {
    let checked = 0
    pm.descendants((node, pos) => {
      if (!node.isText) return true
      const chars = [...node.text!]
      let unit = 0
      for (const ch of chars) {
        const offset = offsets.toOffset(pos + unit)
        expect(text[offset]).toBe(ch)
        expect(offsets.toPos(offset)).toBe(pos + unit)
        unit += ch.length
        checked++
      }
      return false
    })
    expect(checked).toBeGreaterThan(30)
  })

  it('is monotonic over the whole document', () => {
    let last = -1
    for (let pos = 0; pos <= pm.content.size; pos++) {
      const o = offsets.toOffset(pos)
      expect(o).toBeGreaterThanOrEqual(last)
      last = o
    }
    expect(offsets.toOffset(pm.content.size)).toBe(text.length)
  })
})
