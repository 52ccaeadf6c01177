import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { heading, paragraph, text, type DocNode } from '../../../common/document'
import { documentOutline, pageAt, pageStart, percentAt } from '../../../common/outline/document-outline'
import { plainText } from '../../../common/plain-text'
import { importFile } from '../../../main/import/import-file'

const FIXTURES = join(__dirname, '../../fixtures')

/** The plain text from code point `offset` on, `n` code points of it. */
const at = (plain: string, offset: number, n: number): string => [...plain].slice(offset, offset + n).join('')

const doc = (...content: DocNode['content']): DocNode => ({ type: 'doc', content })
const p = (s: string) => paragraph([text(s)])

describe('documentOutline', () => {
  it('lists headings at their code-point offsets in the whole plain text, nested blocks included', () => {
    const d = doc(
      heading(1, [text('𝐀 first')]),
      p('😀 emoji before the next heading'),
      { type: 'blockquote', content: [heading(2, [text('Quoted  heading')])] },
      { type: 'bullet_list', content: [{ type: 'list_item', content: [p('item')] }] },
      heading(3, [text('Last')]),
    )
    const outline = documentOutline(d)
    const plain = plainText(d)
    expect(outline.entries.map((e) => [e.level, e.title])).toEqual([
      [1, '𝐀 first'],
      [2, 'Quoted heading'],
      [3, 'Last'],
    ])
    for (const e of outline.entries) expect(at(plain, e.offset, 4)).toBe([...e.title].slice(0, 4).join(''))
    expect(outline.length).toBe([...plain].length)
    expect(outline.pages).toEqual([])
  })

  it('reads a plain-text book’s own chapter markers, diacritics and all, only when it has no headings', () => {
    const d = doc(
      p('مُقَدِّمَةٌ'),
      p('الْبَابُ الْأَوَّلُ فَضْلُ الْعَقْلِ وَذَمُّ الْهَوَى اعْلَمْ أَنَّ لِكُلِّ فَضِيلَةٍ أُسًّا'),
      p('فَصْلٌ : فَأَمَّا مَا يَجِبُ'),
      p('constructor of the prototype is no chapter'),
      p('Chapter 3 begins here'),
      p('كِتَابُ الطَّهَارَةِ'),
      p('الْبَابِ الثَّانِي : فِي سطرٍ يكمل جملة قبله'),
      p('الْفَصْلَ تَأَلُّفُ'),
    )
    const outline = documentOutline(d)
    expect(outline.entries.map((e) => [e.level, e.title])).toEqual([
      [1, 'الْبَابُ الْأَوَّلُ فَضْلُ الْعَقْلِ وَذَمُّ الْهَوَى…'],
      [2, 'فَصْلٌ'],
      [1, 'Chapter 3 begins here'],
      [1, 'كِتَابُ الطَّهَارَةِ'],
    ])
    const plain = plainText(d)
    for (const e of outline.entries) expect(at(plain, e.offset, 3)).toBe([...e.title].slice(0, 3).join(''))
    // With one heading, the headings are the contents and paragraphs are not read for markers.
    expect(documentOutline(doc(heading(2, [text('Real')]), ...d.content)).entries).toHaveLength(1)
  })

  it('finds printed-page markers at the page’s start, in either digits, after astral characters', () => {
    const d = doc(p('𝐀𝐁 before [ ص 12 ] page twelve'), p('x'), p('y [ص: ١٣] then [ ج 2 ص 1 ] z'))
    const { pages } = documentOutline(d)
    const plain = plainText(d)
    expect(pages.map((m) => [m.volume, m.page])).toEqual([
      [null, 12],
      [null, 13],
      [2, 1],
    ])
    expect(at(plain, pages[0]!.offset, 6)).toBe('[ ص 12')
    expect(at(plain, pages[1]!.offset, 3)).toBe('[ص:')
    expect(at(plain, pages[2]!.offset, 3)).toBe('[ ج')
  })

  it('takes Shamela’s (volume/page) closing marks as pages only when there are several, each page starting after the last', () => {
    const fractions = documentOutline(doc(p('half (1/2) and a third (1/3)')))
    expect(fractions.pages).toEqual([])
    const d = doc(p('one(1/1) two'), p('still two(1/2)three'), p('(1/3)'), p('four(1/4)'))
    const { pages } = documentOutline(d)
    const plain = plainText(d)
    expect(pages.map((m) => m.page)).toEqual([1, 2, 3, 4])
    expect(pages[0]!.offset).toBe(0)
    expect(at(plain, pages[1]!.offset, 4)).toBe(' two')
    expect(at(plain, pages[2]!.offset, 5)).toBe('three')
    // A page closed at the end of a block: the next starts with the next block, not in the gap.
    expect(at(plain, pages[3]!.offset, 4)).toBe('four')
  })

  it('outlines the 1.47 MB Tashkeela book: its chapters and its 457 pages', () => {
    const bytes = readFileSync(join(FIXTURES, 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'))
    const article = importFile('adab.txt', new Uint8Array(bytes))
    const outline = documentOutline(article.doc)
    // Compared without diacritics: the book's marks come in either order of shadda and vowel.
    const titles = outline.entries.map((e) => e.title.replace(/\p{Mn}/gu, ''))
    expect(titles).toContain('الباب الثاني أدب العلم اعلم أن…')
    expect(titles).toContain('الفصل الخامس في الصدق والكذب')
    expect(outline.entries.filter((e) => e.level === 1)).toHaveLength(5)
    expect(outline.entries).toHaveLength(15)
    expect(outline.pages).toHaveLength(457)
    expect(outline.pages.at(-1)!.page).toBe(457)
    const plain = plainText(article.doc)
    // Page 27 starts with the line after the one the mark closing page 26 ends.
    const page27 = pageStart(outline.pages, 27)!
    expect(at(plain, page27 - 8, 8)).toBe('(1/26)\n\n')
    expect(pageAt(outline.pages, page27)!.page).toBe(27)
    expect(pageAt(outline.pages, page27 - 1)!.page).toBe(26)
  })
})

describe('outline lookups', () => {
  const pages = [
    { page: 5, volume: null, offset: 10 },
    { page: 6, volume: null, offset: 50 },
  ]
  it('find a page’s start, the page at a position, and the percent read', () => {
    expect(pageStart(pages, 6)).toBe(50)
    expect(pageStart(pages, 7)).toBeNull()
    expect(pageAt(pages, 9)).toBeNull()
    expect(pageAt(pages, 10)!.page).toBe(5)
    expect(pageAt(pages, 1000)!.page).toBe(6)
    expect(percentAt({ length: 200 }, 0)).toBe(0)
    expect(percentAt({ length: 200 }, 199)).toBe(99)
    expect(percentAt({ length: 200 }, 200)).toBe(100)
    expect(percentAt({ length: 0 }, 0)).toBe(100)
  })
})
