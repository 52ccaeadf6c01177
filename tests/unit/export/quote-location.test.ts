import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, paragraph, text, type DocNode } from '../../../common/document'
import { toHtml, toMarkdown, toNotesMarkdown } from '../../../common/export'
import { quoteLocations } from '../../../common/export/quote-location'
import { codePointLength, plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { runHamish } from '../../support/cli-run'
import { annotate, article, fixturePath, input, rangeOf } from './helpers'

/** Where the PDF export's pages are saved as PNGs to be looked at. */
const RESULTS_DIR = fixturePath('../../test-results')

const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'

describe('quote locations', () => {
  it('heading and paragraph number: paragraphs counted in reading order, headings not counted', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        paragraph([text('تمهيد قصير.')]),
        heading(2, [text('الباب الأول')]),
        paragraph([text('فقرة أولى في الباب.')]),
        { type: 'blockquote', content: [paragraph([text('قول منقول في الباب.')])] },
        heading(2, [text('الباب الثاني')]),
        paragraph([text('فقرة في الباب الثاني.')]),
      ],
    }
    const [intro, quoted, second] = annotate(doc, [
      rangeOf(doc, 'تمهيد'),
      rangeOf(doc, 'منقول'),
      rangeOf(doc, 'الثاني.'),
    ])
    const at = quoteLocations(doc, [intro!, quoted!, second!])
    expect(at.get(intro!)).toEqual({ heading: null, paragraph: 1, pdfPage: null, printed: null })
    expect(at.get(quoted!)).toMatchObject({ heading: 'الباب الأول', paragraph: 3 })
    expect(at.get(second!)).toMatchObject({ heading: 'الباب الثاني', paragraph: 4 })
  })

  it('PDF page from pdfPages, skipping pages with no kept text', () => {
    const doc: DocNode = { type: 'doc', content: [paragraph([text('أ'.repeat(100))])] }
    const [p1, p2, p4] = annotate(doc, [
      { start: 5, end: 8 },
      { start: 35, end: 40 },
      { start: 70, end: 75 },
    ])
    const at = quoteLocations(doc, [p1!, p2!, p4!], [0, 30, null, 60])
    expect([p1, p2, p4].map((a) => at.get(a!)!.pdfPage)).toEqual([1, 2, 4])
  })

  it('printed page of a 462-page Shamela book, as the (v/p) marks in its text say', () => {
    const art = article(BOOK, new Uint8Array(readFileSync(fixturePath(BOOK))))
    const plain = plainText(art.doc)
    const phrases = ['مُقَدِّمَةُ الْمُؤَلِّفِ', 'بَابُ فَضْلِ الْعَقْلِ', 'بَابُ أَدَبِ الدِّينِ']
    const specs = phrases.filter((p) => plain.includes(p)).map((p) => rangeOf(art.doc, p))
    // The last quote is taken from three quarters of the way in, wherever that is.
    const far = Math.floor(codePointLength(plain) * 0.75)
    specs.push({ start: far, end: far + 10 })
    const annotations = annotate(art.doc, specs)
    const at = quoteLocations(art.doc, annotations)
    for (const a of annotations) {
      // Independently: the page after the last `(1/N)` mark before the quote.
      const before = Array.from(plain).slice(0, a.anchor!.start).join('')
      const marks = [...before.matchAll(/\((\d{1,3})\/(\d{1,5})\)/g)]
      const expected = marks.length === 0 ? 1 : Number(marks[marks.length - 1]![2]) + 1
      expect(at.get(a)!.printed).toEqual({ page: expected, volume: 1 })
    }
    expect(at.get(annotations[annotations.length - 1]!)!.printed!.page).toBeGreaterThan(300)

    // Every export names it, in the labels' language.
    const page = at.get(annotations[annotations.length - 1]!)!.printed!.page
    const arabic = {
      ...input(
        art,
        annotations.map((a) => ({ ...a, body: { ...a.body, note: 'ملاحظة' } })),
      ),
    }
    const notes = toNotesMarkdown({ ...arabic, labelLang: 'ar' })
    expect(notes).toContain(`ج 1 ص ${page}`)
    expect(notes).toMatch(/الفقرة \d+/)
    expect(toMarkdown(arabic, { flavor: 'md-pandoc' })).toContain(`ج 1 ص ${page}`)
    const html = parseHTML(toHtml({ ...arabic, labelLang: 'ar' }, { fonts: [] })).document
    const located = Array.from(html.querySelectorAll('.note-location')).map((p) => p.textContent ?? '')
    expect(located.some((t) => t.includes(`ج 1 ص ${page}`))).toBe(true)
    expect(html.querySelector('.note-location span')!.getAttribute('lang')).toBe('ar')
  })

  it('notes export in English names heading, paragraph and PDF page', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [heading(1, [text('Margins')]), paragraph([text('A first paragraph about margins.')])],
    }
    const [a] = annotate(doc, [rangeOf(doc, 'margins.')])
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const md = toNotesMarkdown({ ...input(art, [a!]), pdfPages: [0, 10] })
    expect(md).toContain('Under “Margins” · paragraph 1 · PDF page 2')
  })
})

describe('quote locations through the library and the CLI', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-locations-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('a PDF article names the PDF page of each quote (pdfPages from the article file)', async () => {
    const lib = join(dir, 'library')
    const library = await Library.open(lib, { noSample: true })
    const outcome = await library.importFile({
      name: 'Documentation-Arabic.pdf',
      bytes: new Uint8Array(readFileSync(fixturePath('pdf/Documentation-Arabic.pdf'))),
    })
    const id = outcome.article!.id
    const article = await library.getArticle(id)
    const start = article.pdfPages![5]! + 3
    const quote = Array.from(plainText(article.doc))
      .slice(start, start + 4)
      .join('')
    await library.addAnnotation({ articleId: id, start, end: start + 4, quote, color: 'blue', note: 'هنا' })
    await library.flush()
    const out = join(dir, 'notes.md')
    const r = await runHamish('export', id, '--format', 'notes-md', '--out', out, '--library', lib)
    expect(r.code, r.err).toBe(0)
    expect(await readFile(out, 'utf8')).toContain('PDF page 6')
  })

  it('the PDF export of a Shamela book shows Arabic labels and «ص N» locations (pdftotext), right to left', async () => {
    const book = readFileSync(fixturePath(BOOK), 'utf8')
    // The book's opening pages, as a smaller article: five of its (1/N) page marks.
    const cut = book.indexOf('(1/5)') + 5
    await writeFile(join(dir, 'book.txt'), book.slice(0, cut))
    const lib = join(dir, 'library')
    const library = await Library.open(lib, { noSample: true })
    const outcome = await library.importFile({
      name: 'book.txt',
      bytes: new TextEncoder().encode(book.slice(0, cut)),
    })
    const id = outcome.article!.id
    const article = await library.getArticle(id)
    const plain = Array.from(plainText(article.doc))
    const afterThird = plain.join('').indexOf('(1/3)')
    const start = Array.from(plain.join('').slice(0, afterThird)).length + 20
    const quote = plain.slice(start, start + 6).join('')
    await library.addAnnotation({
      articleId: id,
      start,
      end: start + 6,
      quote,
      color: 'yellow',
      note: 'ملاحظة',
    })
    await library.flush()
    const out = join(dir, 'book.pdf')
    const r = await runHamish('export', id, '--format', 'pdf', '--out', out, '--library', lib, '--lang', 'ar')
    if (r.code !== 0 && /chromium|browser/i.test(r.err) && process.env.CI !== 'true') return
    expect(r.code, r.err).toBe(0)
    let text: string
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' })
    } catch (err) {
      if (process.env.CI === 'true') throw err
      return
    }
    // pdftotext wraps right-to-left lines and their numbers in bidi embeddings: dropped before matching.
    const flat = text
      .normalize('NFKC')
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
    expect(flat).toContain('ص 4')
    expect(flat).toContain('الملاحظات')
    expect(flat).toContain('الفقرة')
    mkdirSync(RESULTS_DIR, { recursive: true })
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '2',
      '-l',
      '99',
      out,
      join(RESULTS_DIR, 'locations-ar'),
    ])
  }, 120_000)
})
