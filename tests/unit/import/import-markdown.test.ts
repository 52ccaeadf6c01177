import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { docSchema } from '../../../common/document'
import { plainText, textBlocks } from '../../../common/plain-text'
import {
  importMarkdown,
  markdownToBlocks,
  markdownToDraft,
  splitFrontMatter,
} from '../../../main/import/import-markdown'
import { importFile } from '../../../main/import/import-file'
import { allBlocks, fixture, thrown, utf8 } from './fixtures'

const SAMPLE = `---
title: 'مقالة ''تجريبية'''
date: 2024-03-01T10:00:00Z
lang: ar
---

# مقالة 'تجريبية'

فقرة فيها *تأكيد* و**قوة** و[رابط](https://example.org/a "عنوان") و[رابط خطر](javascript:alert(1)) و[نسبي](other.md).
سطر ثانٍ في الفقرة نفسها\\
بعد فاصل سطر.

<script>alert('x')</script>

## عنوان ثان

#### عنوان رابع

> اقتباس **مهم**

- أول
- ثان
  1. متداخل

3. ثالث
4. رابع

\`\`\`
code  line
  indented
\`\`\`

![نص بديل](image.png)

| أ | ب |
|---|---|
| ١ | ٢ |

---
`

describe('importMarkdown: structure', () => {
  const draft = markdownToDraft(SAMPLE)
  const doc = { type: 'doc' as const, content: draft.blocks }
  const json = JSON.stringify(doc)

  it('reads title, date and language from the front matter and drops the heading that repeats the title', () => {
    expect(draft.title).toBe("مقالة 'تجريبية'")
    expect(draft.date).toBe('2024-03-01')
    expect(draft.lang).toBe('ar')
    expect(draft.blocks[0]?.type).toBe('paragraph')
  })

  it('keeps headings, mapping h4–h6 to level 3', () => {
    const headings = allBlocks(doc).filter((b) => b.type === 'heading')
    expect(headings.map((h) => (h.type === 'heading' ? h.attrs.level : 0))).toEqual([2, 3])
  })

  it('keeps emphasis, strong and safe links as marks; drops unsafe links but keeps their text', () => {
    const first = draft.blocks[0]
    expect(first?.type).toBe('paragraph')
    const content = first?.type === 'paragraph' ? (first.content ?? []) : []
    expect(content).toContainEqual({ type: 'text', text: 'تأكيد', marks: [{ type: 'em' }] })
    expect(content).toContainEqual({ type: 'text', text: 'قوة', marks: [{ type: 'strong' }] })
    expect(content).toContainEqual({
      type: 'text',
      text: 'رابط',
      marks: [{ type: 'link', attrs: { href: 'https://example.org/a' } }],
    })
    expect(json).not.toContain('javascript:')
    expect(json).not.toContain('other.md')
    expect(json).not.toContain('](')
    expect(plainText(doc)).toContain('رابط خطر')
    expect(plainText(doc)).toContain('نسبي')
  })

  it('turns a soft line break into a space and a hard break into hard_break', () => {
    const first = textBlocks(doc)[0] as string
    expect(first).toContain('. سطر ثانٍ في الفقرة نفسها\nبعد فاصل سطر.')
  })

  it('keeps raw HTML as visible text, never as a node', () => {
    expect(textBlocks(doc)).toContain("<script>alert('x')</script>")
  })

  it('keeps blockquotes and bullet and ordered lists, with the start number', () => {
    const quote = draft.blocks.find((b) => b.type === 'blockquote')
    expect(quote && plainText({ type: 'doc', content: [quote] })).toBe('اقتباس مهم')
    const bullet = draft.blocks.find((b) => b.type === 'bullet_list')
    expect(bullet?.type === 'bullet_list' && bullet.content).toHaveLength(2)
    const nested = bullet?.type === 'bullet_list' ? bullet.content[1]?.content[1] : undefined
    expect(nested).toMatchObject({ type: 'ordered_list', attrs: { order: 1 } })
    const ordered = draft.blocks.find((b) => b.type === 'ordered_list')
    expect(ordered).toMatchObject({ type: 'ordered_list', attrs: { order: 3 } })
  })

  it('turns code blocks into text paragraphs, images into their alt text, table rows into paragraphs', () => {
    const texts = textBlocks(doc)
    expect(texts).toContain('code  line\n  indented')
    expect(texts).toContain('نص بديل')
    expect(texts).toContain('أ | ب')
    expect(texts).toContain('١ | ٢')
  })

  it('produces a document that passes the schema', () => {
    expect(v.is(docSchema, doc)).toBe(true)
  })
})

describe('importMarkdown: title rule', () => {
  it('takes a leading level-1 heading as the title and removes it from the body', () => {
    const draft = markdownToDraft('# العنوان\n\nالنص.')
    expect(draft.title).toBe('العنوان')
    expect(draft.blocks).toHaveLength(1)
  })

  it('takes a later level-1 heading as the title but keeps it in the body', () => {
    const draft = markdownToDraft('مقدمة طويلة تنتهي بنقطة.\n\n# العنوان\n\nالنص.')
    expect(draft.title).toBe('العنوان')
    expect(draft.blocks).toHaveLength(3)
  })

  it('falls back to the first-line rule', () => {
    expect(markdownToDraft('سطر قصير\n\nنص المقالة.').title).toBe('سطر قصير')
    expect(markdownToDraft('جملة كاملة.\n\nنص المقالة.').title).toBeNull()
  })

  it('does not mistake a thematic break and a setext heading for front matter', () => {
    expect(splitFrontMatter('---\nعنوان\n---\n').meta).toEqual({})
    expect(markdownToBlocks('---\nعنوان\n---\n')).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'عنوان' }] },
    ])
  })
})

describe('importMarkdown: corpus files', () => {
  it('imports the Amiri documentation (front matter, headings, lists, links)', () => {
    const article = importMarkdown(fixture('amiri-Documentation-Arabic.md'), 'Documentation-Arabic.md')
    expect(article.title).toBe('الخط الأمیری')
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    const blocks = allBlocks(article.doc)
    expect(blocks.filter((b) => b.type === 'heading').length).toBeGreaterThan(5)
    expect(blocks.some((b) => b.type === 'bullet_list')).toBe(true)
    expect(JSON.stringify(article.doc)).toContain('"href":"https://')
    // Hard-wrapped lines join with spaces, as Markdown means them to.
    const source = new TextDecoder().decode(fixture('amiri-Documentation-Arabic.md'))
    const firstParagraph = source.split('---\n')[2]?.trim().split('\n\n')[0] as string
    expect(firstParagraph).toContain('\n')
    expect(textBlocks(article.doc)[0]).toBe(firstParagraph.replace(/\n/g, ' '))
  })

  it('imports a README whose title is a setext heading', () => {
    const article = importMarkdown(fixture('amiri-README-Arabic.md'), 'README-Arabic.md')
    expect(article.title).toBe('الخط الأميري')
    expect(textBlocks(article.doc)[0]?.startsWith('الخط الأميري خط نسخي')).toBe(true)
    expect(article.doc.content.some((b) => b.type === 'blockquote')).toBe(true)
  })

  it('reads a Markdown file saved as UTF-16', () => {
    const text = '# عنوان\n\nنص.'
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])
    expect(importMarkdown(bytes, 'u16.md').title).toBe('عنوان')
    expect(importMarkdown(utf8(text), 'u8.md').title).toBe('عنوان')
  })
})

describe('importMarkdown: deep nesting', () => {
  const nestedLists = (k: number) =>
    `intro\n\n${Array.from({ length: k }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n\nafter the lists\n`

  it('quotes and lists nested past the limit are refused with a reason, never cut short in silence', () => {
    for (const [name, source] of [
      ['quotes.md', `intro\n\n${'>'.repeat(5_000)} deep\n\nafter\n`],
      ['lists.md', nestedLists(300)],
      ['mixed.md', `intro\n\n${'> - '.repeat(70)}deep\n`],
    ]) {
      const refusal = thrown(() => importFile(name!, utf8(source!)))
      expect(refusal.code, name).toBe('invalid-content')
      expect(refusal.message).toBe(
        `${name}: its quotes and lists are nested more than 128 levels deep, deeper than any article needs, so it was not imported.`,
      )
    }
  })

  it('nesting within the limit keeps every word, the text after it too', () => {
    const lists = textBlocks(importFile('lists.md', utf8(nestedLists(60))).doc)
    expect(lists).toContain('item 59')
    expect(lists.at(-1)).toBe('after the lists')
    const quotes = textBlocks(
      importFile('quotes.md', utf8(`intro\n\n${'>'.repeat(120)} deep\n\nafter\n`)).doc,
    )
    expect(quotes).toEqual(['deep', 'after']) // 'intro', a short first line, is the title
  })

  it('emphasis nested 20,000 deep keeps its words', () => {
    const source = `intro ${'*a '.repeat(20_000)}x${' a*'.repeat(20_000)}`
    const text = plainText(importFile('emphasis.md', utf8(source)).doc)
    expect(text.startsWith('intro a a a')).toBe(true)
    expect(text).toContain(' x ')
  })
})
