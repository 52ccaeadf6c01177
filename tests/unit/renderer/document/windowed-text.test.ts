import { describe, expect, it } from 'vitest'
import type { BlockNode, DocNode } from '../../../../common/document'
import { blockTable } from '../../../../common/block-table'
import { MAX_BLOCKS_PER_CALL } from '../../../../common/contract/limits'
import { plainText } from '../../../../common/plain-text'
import { sectionSchema } from '../../../../renderer/src/document/section-schema'
import { WINDOW_SIDE, WindowedText, type BlockWindow } from '../../../../renderer/src/document/windowed-text'

/** Blocks of every kind, astral letters, a hard break and an empty paragraph, repeated `times`. */
function article(times: number): DocNode {
  const blocks: BlockNode[] = []
  for (let n = 0; n < times; n++) {
    blocks.push(
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: `عنوان ${n} 😀` }] },
      { type: 'paragraph' },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'سطر ' },
          { type: 'text', text: 'مهم', marks: [{ type: 'strong' }] },
          { type: 'hard_break' },
          { type: 'text', text: `𝔸 Latin ${n}` },
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
    )
  }
  return { type: 'doc', content: blocks }
}

const heights = (first: number, end: number): number => (end - first) * 10

/** Every character of the window's document maps to the same character of the whole text, and back. */
function checkWindow(text: WindowedText, whole: string[]): number {
  let checked = 0
  text.doc.descendants((node, pos) => {
    if (!node.isText) return true
    let unit = 0
    for (const ch of node.text!) {
      const offset = text.toOffset(pos + unit)
      expect(whole[offset]).toBe(ch)
      expect(text.toPos(offset)).toBe(pos + unit)
      unit += ch.length
      checked++
    }
    return false
  })
  return checked
}

/** Loads `window`'s blocks, then lays it out (what the reader does before it shows a window). */
async function layOut(text: WindowedText, window: BlockWindow) {
  await text.load(window)
  return text.setWindow(window, heights)
}

describe('a long article in sections (WindowedText)', () => {
  const doc = article(40)
  const whole = [...plainText(doc)]

  it('counts the whole text, and each block from its first code point', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    expect(text.length).toBe(whole.length)
    expect(text.blockCount).toBe(160)
    expect(text.blockRange(4).start).toBe(
      [...plainText({ type: 'doc', content: doc.content.slice(0, 4) })].length + 2,
    )
  })

  it('maps every position of every window to the same character of the whole text, and back', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    let checked = 0
    for (const window of [
      { first: 0, end: 3 },
      { first: 5, end: 9 },
      { first: 37, end: 80 },
      { first: 150, end: 160 },
    ]) {
      await layOut(text, window)
      expect(text.window).toEqual(window)
      checked += checkWindow(text, whole)
    }
    expect(checked).toBeGreaterThan(500)
  })

  it('stands for the blocks outside the window with placeholders of their estimated height', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    const pm = await layOut(text, { first: 10, end: 20 })
    expect(pm.childCount).toBe(12)
    expect(pm.firstChild!.type.name).toBe('section_placeholder')
    expect(pm.firstChild!.attrs['height']).toBe(100)
    expect(pm.lastChild!.type.name).toBe('section_placeholder')
    expect(pm.lastChild!.attrs['height']).toBe(1400)
    expect((await layOut(text, { first: 0, end: 160 })).childCount).toBe(160)
  })

  it('maps an offset outside the window to its nearest edge, so a highlight there is empty and one across it is cut', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    const pm = await layOut(text, { first: 8, end: 12 })
    const start = text.blockRange(8).start
    const end = text.blockRange(11).end
    const firstPos = text.toPos(start)
    const lastPos = text.toPos(end)
    expect(text.toPos(0)).toBe(firstPos)
    expect(text.toPos(start - 1)).toBe(firstPos)
    expect(text.toPos(end + 5)).toBe(lastPos)
    expect(text.toPos(text.length)).toBe(lastPos)
    // Positions in the placeholders count as the window's edges.
    expect(text.toOffset(0)).toBe(start)
    expect(text.toOffset(pm.content.size)).toBe(end)
    expect(text.contains(start, end)).toBe(true)
    expect(text.contains(start - 1, end)).toBe(false)
    expect(text.contains(start, end + 1)).toBe(false)
  })

  it('keeps the nodes of blocks that stay in the window, so the view keeps their DOM', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    const before = await layOut(text, { first: 10, end: 20 })
    const after = await layOut(text, { first: 15, end: 25 })
    expect(after.child(1)).toBe(before.child(6))
    const again = await layOut(text, { first: 0, end: 10 })
    expect(again.child(0)).not.toBe(before.child(1))
    expect(again.child(0).type.name).toBe('heading')
  })

  it('asks the reader to move only for offsets outside the window', async () => {
    const text = WindowedText.of(doc, sectionSchema)
    await layOut(text, { first: 10, end: 20 })
    const asked: number[][] = []
    text.onReveal = async (start, end) => void asked.push([start, end])
    await text.reveal(text.blockRange(12).start, text.blockRange(13).end)
    expect(asked).toEqual([])
    await text.reveal(3, 7)
    await text.reveal(text.blockRange(19).start, text.blockRange(20).start)
    expect(asked).toEqual([
      [3, 7],
      [text.blockRange(19).start, text.blockRange(20).start],
    ])
  })

  it('lays out WINDOW_SIDE code points each side of an offset in a book-sized text, and the offset itself', async () => {
    // About the 1.47 MB book's shape: 4,300 paragraphs of 340 letters with diacritics, some empty.
    const line = 'قَالَ الْمَاوَرْدِيُّ: '.repeat(15)
    const bookDoc: DocNode = {
      type: 'doc',
      content: Array.from({ length: 4300 }, (_, n) => ({
        type: 'paragraph' as const,
        content: n % 7 === 3 ? [] : [{ type: 'text' as const, text: `${n} ${line}` }],
      })),
    }
    const bookText = [...plainText(bookDoc)]
    const text = WindowedText.of(bookDoc, sectionSchema)
    expect(text.length).toBe(bookText.length)
    for (const offset of [0, 1000, Math.floor(text.length / 2), text.length - 10, text.length]) {
      const window = text.windowAround(offset)
      await layOut(text, window)
      expect(text.contains(offset)).toBe(true)
      const laidOut = text.blockRange(window.end - 1).end - text.blockRange(window.first).start
      expect(laidOut).toBeLessThan(2 * WINDOW_SIDE + 20_000)
      expect(laidOut).toBeGreaterThan(Math.min(WINDOW_SIDE, text.length - offset))
      expect(text.toOffset(text.toPos(offset))).toBe(offset)
      expect(bookText[text.toOffset(text.toPos(offset))]).toBe(bookText[offset])
    }
    expect(checkWindow(text, bookText)).toBeGreaterThan(1000)
  })

  it('holds no text but the laid-out window: it fetches only the blocks it lacks, in pieces of at most MAX_BLOCKS_PER_CALL', async () => {
    const doc = article(1500)
    const asked: [number, number][] = []
    const text = new WindowedText(blockTable(doc), sectionSchema, async (first, end) => {
      asked.push([first, end])
      return doc.content.slice(first, end)
    })
    expect(text.length).toBe([...plainText(doc)].length)
    expect(() => text.setWindow({ first: 0, end: 10 }, heights)).toThrow(/not loaded/)
    await layOut(text, { first: 100, end: 4500 })
    expect(asked).toEqual([
      [100, 100 + MAX_BLOCKS_PER_CALL],
      [100 + MAX_BLOCKS_PER_CALL, 100 + 2 * MAX_BLOCKS_PER_CALL],
      [100 + 2 * MAX_BLOCKS_PER_CALL, 4500],
    ])
    asked.length = 0
    await layOut(text, { first: 4400, end: 4600 })
    expect(asked).toEqual([[4500, 4600]])
    // Blocks that left the window are fetched again when they come back.
    asked.length = 0
    await layOut(text, { first: 4300, end: 4410 })
    expect(asked).toEqual([[4300, 4400]])
    expect(checkWindow(text, [...plainText(doc)])).toBeGreaterThan(100)
  })
})
