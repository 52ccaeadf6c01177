import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { BlockNode, DocNode, InlineNode } from '../../../common/document'
import { HamishError } from '../../../common/errors'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { importFileWithNotes } from '../../../main/import/import-file'

const fixtures = join(__dirname, '../../fixtures')
const work = mkdtempSync(join(tmpdir(), 'hamish-docx-'))

/** A .docx Pandoc makes from Markdown (with a reference image when asked), as bytes. */
function pandocDocx(markdown: string, name: string): Uint8Array {
  const md = join(work, `${name}.md`)
  writeFileSync(md, markdown)
  const out = join(work, `${name}.docx`)
  execFileSync('pandoc', [md, '-f', 'markdown', '-o', out], { cwd: work })
  return new Uint8Array(readFileSync(out))
}

/** Pandoc's own plain text of the same .docx: what every paragraph must be found in ours. */
function pandocParagraphs(docx: Uint8Array): string[] {
  const file = join(work, 'check.docx')
  writeFileSync(file, docx)
  const plain = execFileSync('pandoc', [file, '-f', 'docx', '-t', 'plain', '--wrap=none'], {
    encoding: 'utf8',
  })
  return plain
    .split(/\n\s*\n/)
    .map((p) => normalise(p.replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '')))
    .filter((p) => p.length > 0)
}

function normalise(text: string): string {
  // Footnote calls: Pandoc writes [1], mammoth's numbers differ; the notes' text is compared, not their numbers.
  return text
    .replace(/\[\d+\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function blocksOf(doc: DocNode, type: string): BlockNode[] {
  const found: BlockNode[] = []
  const walk = (blocks: readonly BlockNode[]): void => {
    for (const b of blocks) {
      if (b.type === type) found.push(b)
      if ('content' in b && Array.isArray(b.content) && b.type !== 'paragraph' && b.type !== 'heading')
        walk(b.content as BlockNode[])
    }
  }
  walk(doc.content)
  return found
}

function markedText(doc: DocNode, mark: string): string[] {
  const out: string[] = []
  const walk = (node: unknown): void => {
    const n = node as { type: string; text?: string; marks?: { type: string }[]; content?: unknown[] }
    if (n.type === 'text' && n.marks?.some((m) => m.type === mark))
      out.push((n as InlineNode & { text: string }).text)
    for (const c of n.content ?? []) walk(c)
  }
  walk(doc)
  return out
}

async function refusal(bytes: Uint8Array, name = 'bad.docx'): Promise<HamishError> {
  try {
    await importFileWithNotes(name, bytes)
  } catch (err) {
    expect(err).toBeInstanceOf(HamishError)
    return err as HamishError
  }
  throw new Error('the file was imported')
}

describe('DOCX import (files made by Pandoc)', () => {
  for (const fixture of ['amiri-Documentation-Arabic.md', 'amiri-README-Arabic.md']) {
    it(`keeps every paragraph of ${fixture} as Pandoc reads it back`, async () => {
      const docx = pandocDocx(readFileSync(join(fixtures, fixture), 'utf8'), fixture)
      const { article } = await importFileWithNotes(fixture.replace('.md', '.docx'), docx)
      const ours = normalise(plainText(article.doc))
      const paragraphs = pandocParagraphs(docx)
      expect(paragraphs.length).toBeGreaterThan(5)
      // Pandoc draws a table's rows in its plain text (dashes, cells side by side); our cells are
      // separated by the reader's own table layout, so a drawn table's cells are checked one by one.
      const tableParagraphs = new Set<string>()
      let inTable = false
      for (const p of paragraphs) {
        if (p.startsWith('-----')) inTable = true
        if (inTable) tableParagraphs.add(p)
        if (p.endsWith('-----')) inTable = false
      }
      const missing = paragraphs.filter((p) =>
        tableParagraphs.has(p)
          ? p.split(' ').some((cell) => !/^-+$/.test(cell) && !ours.includes(cell))
          : !ours.includes(p),
      )
      expect(missing).toEqual([])
      expect(blocksOf(article.doc, 'heading').length).toBeGreaterThan(0)
    })
  }

  it('reads headings, lists, bold, italic, footnotes, title and right-to-left from a Pandoc RTL document', async () => {
    const md = [
      '---',
      'title: مقالة تجريبية',
      'dir: rtl',
      'lang: ar',
      '---',
      '',
      '# القسم الأول',
      '',
      'فقرة فيها **كلمة غليظة** و*كلمة مائلة* وحاشية.[^n]',
      '',
      '- البند الأول',
      '- البند الثاني',
      '',
      '1. واحد',
      '2. اثنان',
      '',
      '[^n]: نص الحاشية في آخر المقالة.',
      '',
    ].join('\n')
    const { article, notes } = await importFileWithNotes('rtl.docx', pandocDocx(md, 'rtl'))
    expect(article.title).toBe('مقالة تجريبية')
    expect(article.dir).toBe('rtl')
    expect(article.lang).toBe('ar')
    expect(notes).toEqual([])
    const headings = blocksOf(article.doc, 'heading')
    // The notes come under a heading in the article's language, not as one more numbered list of the body.
    expect(headings.map((h) => plainText({ type: 'doc', content: [h] }))).toEqual(['القسم الأول', 'الحواشي'])
    const last = article.doc.content.slice(-2)
    expect(last[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
    expect(last[1]!.type).toBe('ordered_list')
    expect(blocksOf(article.doc, 'bullet_list')).toHaveLength(1)
    expect(blocksOf(article.doc, 'ordered_list').length).toBeGreaterThanOrEqual(1)
    expect(markedText(article.doc, 'strong')).toEqual(['كلمة غليظة'])
    expect(markedText(article.doc, 'em')).toEqual(['كلمة مائلة'])
    const text = plainText(article.doc)
    // The note's text is the article's last paragraph, without mammoth's "↑" back-link.
    expect(text.trim().endsWith('نص الحاشية في آخر المقالة.')).toBe(true)
    expect(text).not.toContain('↑')
    expect(JSON.stringify(article.doc)).not.toContain('#footnote')
  })

  it('takes an opening heading as the title without repeating it in the body, like Markdown and HTML', async () => {
    const md = '# عنوان المقالة\n\nالفقرة الأولى من المقالة.\n\n## قسم\n\nالفقرة الثانية.\n'
    const { article } = await importFileWithNotes('untitled.docx', pandocDocx(md, 'heading-title'))
    expect(article.title).toBe('عنوان المقالة')
    const text = plainText(article.doc)
    expect(text).not.toContain('عنوان المقالة')
    expect(text).toContain('الفقرة الأولى من المقالة.')
    expect(text).toContain('الفقرة الثانية.')
    expect(article.doc.content[0]!.type).toBe('paragraph')
    // A document that is only a heading keeps it: nothing is lost.
    const alone = await importFileWithNotes('alone.docx', pandocDocx('# عنوان وحده\n', 'heading-alone'))
    expect(plainText(alone.article.doc)).toContain('عنوان وحده')
  })

  it('puts "Notes" above an English document’s footnotes, at its top heading level', async () => {
    const md =
      'An opening paragraph.\n\n## Part\n\nA claim.[^1]\n\n1. first step\n2. second step\n\n[^1]: The source of the claim.\n'
    const { article } = await importFileWithNotes('notes.docx', pandocDocx(md, 'notes-en'))
    const tail = article.doc.content.slice(-2)
    expect(tail[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Notes' }],
    })
    expect(plainText({ type: 'doc', content: [tail[1]!] })).toContain('The source of the claim.')
    // The body's own numbered list has no heading put above it.
    expect(blocksOf(article.doc, 'heading').map((h) => plainText({ type: 'doc', content: [h] }))).toEqual([
      'Part',
      'Notes',
    ])
  })

  it('drops an image and says so in the notes', async () => {
    // A 1×1 PNG beside the Markdown, for Pandoc to embed.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    )
    writeFileSync(join(work, 'dot.png'), png)
    const docx = pandocDocx('Text before.\n\n![a dot](dot.png)\n\nText after.\n', 'image')
    const { article, notes } = await importFileWithNotes('image.docx', docx)
    expect(plainText(article.doc)).toContain('Text after.')
    expect(JSON.stringify(article.doc)).not.toContain('data:')
    expect(notes).toEqual([{ key: 'messages.importImagesDropped', values: { name: 'image.docx', count: 1 } }])
  })

  it('leaves comments out and says how many, in English and Arabic', async () => {
    // Pandoc writes word/comments.xml from comment spans, as Word writes a reviewer's remarks.
    const comment = (id: number, text: string) =>
      `[${text}]{.comment-start id="${id}" author="زميل" date="2026-01-01T00:00:00Z"}نص معلَّق عليه[]{.comment-end id="${id}"}`
    const docx = pandocDocx(
      `فقرة أولى ${comment(0, 'ملاحظة أولى')}.\n\nفقرة ثانية ${comment(1, 'ملاحظة ثانية')} ${comment(2, 'ملاحظة ثالثة')}.\n`,
      'comments',
    )
    const { article, notes } = await importFileWithNotes('draft.docx', docx)
    expect(plainText(article.doc)).toContain('فقرة ثانية')
    expect(plainText(article.doc)).not.toContain('ملاحظة')
    expect(notes).toEqual([
      { key: 'messages.importCommentsDropped', values: { name: 'draft.docx', count: 3 } },
    ])
    expect(wordText(createTranslator('en'), notes[0]!)).toBe(
      'draft.docx: its 3 comments were left out; Hamish imports the text only.',
    )
    expect(wordText(createTranslator('ar'), notes[0]!)).toBe(
      'draft.docx: حُذفت تعليقاته الـ3؛ يستورد هامش النص وحده.',
    )
    const one = pandocDocx(`فقرة ${comment(0, 'ملاحظة')}.\n`, 'one-comment')
    const [single] = (await importFileWithNotes('one.docx', one)).notes
    expect(wordText(createTranslator('ar'), single!)).toBe(
      'one.docx: حُذف تعليقه الوحيد؛ يستورد هامش النص وحده.',
    )
    expect(wordText(createTranslator('en'), single!)).toBe(
      'one.docx: its comment was left out; Hamish imports the text only.',
    )
  })
})

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** A minimal .docx zipped with fflate: its content types, relationships and this body. */
function handMadeDocx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
    ...extra,
  })
}

describe('DOCX import (hand-made files)', () => {
  it('accepts tracked changes: insertions kept, deletions dropped', async () => {
    const body =
      '<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">النص الباقي </w:t></w:r>' +
      '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:rPr><w:rtl/></w:rPr><w:t>المضاف</w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:rPr><w:rtl/></w:rPr><w:delText>المحذوف</w:delText></w:r></w:del></w:p>'
    const { article } = await importFileWithNotes('tracked.docx', handMadeDocx(body))
    const text = plainText(article.doc)
    expect(text).toContain('النص الباقي المضاف')
    expect(text).not.toContain('المحذوف')
    expect(article.dir).toBe('rtl')
  })

  it('refuses a file that is not a ZIP, and changes nothing', async () => {
    const err = await refusal(strToU8('just some text, not a zip'))
    expect(err.code).toBe('invalid-content')
    expect(err.message).toMatch(
      /^bad\.docx: this is not a readable Word document \(it is not a readable ZIP archive\)/,
    )
  })

  it('refuses a ZIP without word/document.xml', async () => {
    const err = await refusal(zipSync({ 'hello.txt': strToU8('hello') }))
    expect(err.message).toContain('word/document.xml is missing')
    // The reason is a sentence of its own, worded in the interface's language like the rest.
    const arabic = wordText(createTranslator('ar'), err.text!)
    expect(arabic).toContain('word/document.xml مفقود')
    expect(arabic).not.toMatch(/is missing/)
  })

  it('refuses an encrypted (OLE compound) file', async () => {
    const ole = new Uint8Array(1024)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const err = await refusal(ole)
    expect(err.message).toMatch(/password-protected/)
  })

  it('refuses a body (word/document.xml) past 64 MB before inflating it, with its own sentence', async () => {
    // A valid document padded with 80 MB of blank space: deflated to a few hundred KB, under every file limit.
    const open = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`)
    const close = strToU8('<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>')
    const body = new Uint8Array(80 * 1024 * 1024).fill(0x20)
    body.set(open, 0)
    body.set(close, body.length - close.length)
    const docx = handMadeDocx('', { 'word/document.xml': body })
    expect(docx.length).toBeLessThan(1024 * 1024)
    const err = await refusal(docx, 'long.docx')
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^long\.docx: the text of this Word document .* more than 64 MB/)
    expect(wordText(createTranslator('ar'), err.text!)).toMatch(/يتجاوز 64 ميغابايت/)
  })

  it('refuses a zip bomb before inflating it', async () => {
    // 300 MB of zeros deflate to about 300 KB: the directory declares what it would unpack to.
    const zeros = new Uint8Array(300 * 1024 * 1024)
    const bomb = handMadeDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>', { 'word/zeros.bin': zeros })
    const err = await refusal(bomb)
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/more than 200 MB/)
  })
})
