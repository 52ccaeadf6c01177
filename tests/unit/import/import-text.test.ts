import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { docSchema } from '../../../common/document'
import { plainText, textBlocks } from '../../../common/plain-text'
import { importText, textToDraft } from '../../../main/import/import-text'
import { fixture, fixtureText, utf8 } from './fixtures'

describe('importText: the seed article', () => {
  const article = importText(fixture('lavrov-shaibani-moscow.ar.txt'), 'lavrov-shaibani-moscow.ar.txt')
  const plain = plainText(article.doc)

  it('takes the date from the leading "date YYYY-MM-DD" and removes it from the body', () => {
    expect(article.date).toBe('2025-12-24')
    expect(plain).not.toContain('date 2025')
    expect(plain.startsWith('التقى وزراء الخارجية')).toBe(true)
  })

  it('makes a title from the first sentence, cut at a word to at most 80 characters, keeping all text', () => {
    expect(article.title.length).toBeLessThanOrEqual(80)
    expect(article.title.endsWith('…')).toBe(true)
    expect(plain.startsWith(article.title.slice(0, -1))).toBe(true)
  })

  it('is Arabic, right to left, one paragraph per blank-line block', () => {
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    const blocks = fixtureText('lavrov-shaibani-moscow.ar.txt')
      .trim()
      .split(/\n\s*\n/)
    expect(article.doc.content).toHaveLength(blocks.length)
    expect(article.doc.content.every((b) => b.type === 'paragraph')).toBe(true)
    expect(v.is(docSchema, article.doc)).toBe(true)
  })
})

describe('importText: title line and paragraphs', () => {
  it('takes a short first line followed by a blank line as the title, not as body', () => {
    const article = importText(fixture('arcd-01-osman-i.txt'), 'arcd-01-osman-i.txt')
    expect(article.title).toBe('عثمان الأول')
    expect(article.date).toBeNull()
    expect(textBlocks(article.doc)[0]?.startsWith('أَبُو المُلُوك')).toBe(true)
    expect(article.doc.content).toHaveLength(3)
  })

  it('keeps single newlines inside a block as hard breaks', () => {
    const draft = textToDraft('Title\n\nline one\nline two\n\nsecond paragraph\n')
    expect(draft.title).toBe('Title')
    expect(draft.blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'line one' },
          { type: 'hard_break' },
          { type: 'text', text: 'line two' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'second paragraph' }] },
    ])
  })

  it('makes each line a paragraph when the file has no blank lines (Tashkeela books)', () => {
    const draft = textToDraft('سطر أول\nسطر ثان.\nسطر ثالث.\n\n')
    expect(draft.title).toBe('سطر أول')
    expect(textBlocks({ type: 'doc', content: draft.blocks })).toEqual(['سطر ثان.', 'سطر ثالث.'])
  })

  it('does not take a first line that ends like a sentence as the title', () => {
    const draft = textToDraft('This is a sentence.\n\nAnother one.')
    expect(draft.title).toBeNull()
    expect(draft.blocks).toHaveLength(2)
  })

  it('does not take the only line of a file as its title', () => {
    const article = importText(utf8('كلمة واحدة'), 'one.txt')
    expect(article.title).toBe('كلمة واحدة')
    expect(plainText(article.doc)).toBe('كلمة واحدة')
  })

  it('accepts "date:" and a date on its own line, and ignores impossible dates', () => {
    const a = textToDraft('date: 2024-02-29\nالعنوان\n\nالنص')
    expect(a.date).toBe('2024-02-29')
    expect(a.title).toBe('العنوان')
    const b = textToDraft('date 2023-02-30 text here')
    expect(b.date).toBeNull()
    expect(plainText({ type: 'doc', content: b.blocks })).toBe('date 2023-02-30 text here')
  })

  it('collapses runs of spaces and tabs inside lines and trims line edges', () => {
    const draft = textToDraft('  a \t  b.  \n\n  c  ')
    expect(draft.title).toBeNull()
    expect(plainText({ type: 'doc', content: draft.blocks })).toBe('a b.\n\nc')
  })
})

describe('importText: the 1.47 MB Tashkeela book', () => {
  const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'

  // Its speed is the benchmarks' business (npm run bench): timed assertions flake on shared machines.
  it('imports one paragraph per line', () => {
    const bytes = fixture(BOOK)
    const article = importText(bytes, 'adab.txt')
    const lines = fixtureText(BOOK)
      .split('\n')
      .filter((l) => l.trim() !== '')
    // Titled by its Shamela header's «الكتاب :» line; the boilerplate first line is no title and stays in the body.
    expect(article.title).toBe('أدب الدنيا والدين')
    expect(article.doc.content).toHaveLength(lines.length)
    expect(textBlocks(article.doc)[0]).toBe('تم إعداد هذا الملف آليا بواسطة المكتبة الشاملة')
    expect(textBlocks(article.doc)[1]).toBe('الكتاب : أدب الدنيا والدين')
    expect(article.lang).toBe('ar')
  })
})
