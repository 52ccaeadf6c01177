import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { chromium } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { plainText } from '../../../common/plain-text'
import {
  CHROMIUM_PRINT_ARGS,
  defaultChromiumPath,
  printHtmlToPdf,
} from '../../../main/export/print-html-chromium'
import { importFileWithNotes } from '../../../main/import/import-file'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'
import { phraseCoverage, wordsInOrder } from '../../support/phrase-coverage'
import { fixtureHtml } from '../export-pdf/fixture'
import { skipWithoutTools } from '../export-pdf/tools'

const skip = skipWithoutTools('PDF import of Chromium-printed PDFs')

/** The text of an HTML article's headings, paragraphs and list items: what its PDF must give back. */
function htmlParagraphs(html: string): string[] {
  const { document } = parseHTML(html)
  return [...document.querySelectorAll('h1, h2, h3, p, li')].map((e) => e.textContent ?? '')
}

/** Large type, so a short article runs to several pages and its running header and page numbers repeat. */
const largeType = (html: string): string =>
  html.replace('</head>', '<style>body { font-size: 20pt; line-height: 1.6 }</style></head>')

/** A page as Chromium prints it, without a header or footer (page.pdf, as printHtmlToPdf does with them). */
async function printBare(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: defaultChromiumPath(),
    args: [...CHROMIUM_PRINT_ARGS],
  })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return new Uint8Array(await page.pdf({ format: 'A4' }))
  } finally {
    await browser.close()
  }
}

describe.skipIf(skip)('PDF import of articles printed by Chromium', () => {
  // Chromium writes each glyph as its own run, in visual order, as presentation forms, with
  // each fatha or damma a zero-width glyph of its own: the opposite of the LaTeX-made Amiri PDF.
  for (const name of ['arcd-01-osman-i', 'arcd-02-al-andalus']) {
    it(`${name}: at least 95% of the page's 4-word phrases in logical order, every paragraph, no header or page number`, async () => {
      const html = readFileSync(`tests/fixtures/${name}.html`, 'utf8')
      const title = `Hamish print of ${name}`
      const pdf = await printHtmlToPdf(largeType(html), { paper: 'A4', title })
      const { article, pdfPageStarts } = await importFileWithNotes(`${name}.pdf`, pdf)
      const text = plainText(article.doc)
      expect(pdfPageStarts!.length).toBeGreaterThanOrEqual(3)
      const coverage = phraseCoverage(htmlParagraphs(html), text)
      expect(coverage.phrases).toBeGreaterThan(300)
      expect(coverage.share).toBeGreaterThanOrEqual(0.95)
      expect(coverage.missingParagraphs).toEqual([])
      expect(article.dir).toBe('rtl')
      // The running header (the title printHtmlToPdf puts on each page) and the "N / M" footers are gone.
      expect(text).not.toContain(title)
      expect(text.split('\n\n').filter((b) => /^\d+\s*\/\s*\d+$/.test(b.trim()))).toEqual([])
      expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF\u0000-\u0008]/)
    })
  }

  it('vocalised Arabic set in Amiri (ligatures and marks whose text Chromium writes only as /ActualText)', async () => {
    const book = 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'
    const paragraphs = readFileSync(book, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(5, 45)
    // fixtureHtml embeds Amiri, as Hamish's own PDF export does.
    const pdf = await printHtmlToPdf(fixtureHtml({ title: 'أدب الدنيا والدين', paragraphs, mark: null }), {
      paper: 'A4',
      title: 'أدب الدنيا والدين',
    })
    const { article } = await importFileWithNotes('adab.pdf', pdf)
    const coverage = phraseCoverage(paragraphs, plainText(article.doc))
    expect(coverage.phrases).toBeGreaterThan(500)
    expect(coverage.share).toBeGreaterThanOrEqual(0.95)
    expect(coverage.missingParagraphs).toEqual([])
    // The marks are kept, on their letters: «اللَّهُ» whole, not «الل» and a stray «ّ».
    expect(plainText(article.doc)).toContain('اللَّهُ')
  })
})

/** An article set in Noto Naskh Arabic (as a page that names that font, or a system without Amiri, prints it). */
const notoNaskh = (html: string): string =>
  html.replace(
    '</head>',
    `<style>body, body * { font-family: 'Noto Naskh Arabic', serif !important; font-size: 14pt }</style></head>`,
  )

describe.skipIf(skip)('PDF import of Arabic set in Noto Naskh Arabic by Chromium', () => {
  // Noto Naskh draws lam-alef («لأ», «لا») as two glyphs, the alef first and without advance: placed by
  // position it tied with the letter on its left, giving «النأ دلس» for «الأندلس» and «السا م» for «الاسم».
  it('keeps words with lam-alef whole and in order (al-Andalus)', async () => {
    const html = readFileSync('tests/fixtures/arcd-02-al-andalus.html', 'utf8')
    const pdf = await printBare(notoNaskh(html))
    const { article } = await importFileWithNotes('andalus.pdf', pdf)
    const text = plainText(article.doc)
    expect(wordsInOrder(htmlParagraphs(html), text)).toBeGreaterThanOrEqual(0.99)
    for (const broken of ['النأ', 'السا م', 'ال أ']) expect(text).not.toContain(broken)
    expect(text).toContain('الأندلس')
  })

  // The alef of «لأ» with its marks is a span of its own; across a page break Chromium also writes spans it
  // clips, some with only a mark: each became a paragraph «أَ» of its own (121 in a 120-page book).
  it('vocalised text: no paragraph that is a letter with its marks, «لِأَنَّ» whole', async () => {
    const book = 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'
    const paragraphs = readFileSync(book, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(5, 45)
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body>${paragraphs
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('')}</body></html>`
    const { article } = await importFileWithNotes('adab.pdf', await printBare(notoNaskh(html)))
    const text = plainText(article.doc)
    expect(text.split('\n\n').filter((b) => /^\s*\p{L}\p{M}*\s*$/u.test(b))).toEqual([])
    expect(wordsInOrder(paragraphs, text)).toBeGreaterThanOrEqual(0.99)
    expect(text).toContain('لِأَنَّ')
  })
})

describe.skipIf(skip)('PDF import of mixed right-to-left and left-to-right lines', () => {
  // pdf.js reordered each text item on its own and Hamish then placed items by position: «(1847-1931)» came
  // out «(1931-1847)», «AS-206» «206AS-», «+966 50 123 4567» «+4567 123 50 966», «Node.js» «js.Node», and an
  // Arabic word in an English paragraph reversed. Now each line is reordered whole by the bidi algorithm.
  const source = readFileSync('tests/fixtures/bidi-mixed-paragraphs.txt', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
  const extra = [
    'التاريخ: 2024-03-15، الساعة 14:30، المبلغ 1,250.75 دولار، النسبة 12.5%، الهاتف +966 50 123 4567، الأرقام الهندية ١٢٣٤٥ و٦٧٨٩٠، الإصدار v2.3.1 من Node.js.',
  ]
  const english =
    'This is an English paragraph inside an Arabic document, with the word السلام in it and the year 1999.'
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  // Invisible marks are not drawn; the PDF cannot give them back.
  const visible = (t: string): string =>
    t
      .replace(/[\u200e\u200f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  for (const font of ["'Noto Naskh Arabic', serif", 'serif']) {
    it(`each paragraph as typed, in ${font}`, async () => {
      const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body { font-family: ${font}; font-size: 14pt; line-height: 1.6; text-align: justify }</style></head><body>${[
        ...source,
        ...extra,
      ]
        .map((p) => `<p>${escape(p)}</p>`)
        .join('')}<p dir="ltr" style="text-align: left">${escape(english)}</p></body></html>`
      const { article } = await importFileWithNotes('mixed.pdf', await printBare(html))
      const blocks = plainText(article.doc).split('\n\n').map(visible)
      for (const paragraph of [...source, ...extra, english]) expect(blocks).toContain(visible(paragraph))
    })
  }
})

describe.skipIf(skip)('PDF import of footnote calls (Chromium <sup>)', () => {
  // A call raised 0.4 em made a line, and so a paragraph, of its own: «…قال ¶ 2 ¶ المؤرخون…».
  it('leaves the calls out and the sentence whole; the notes keep their numbers', async () => {
    const osman = readFileSync('tests/fixtures/arcd-01-osman-i.txt', 'utf8')
      .split('\n')
      .filter((l) => l.trim())
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body { font-family: 'Noto Naskh Arabic', serif; font-size: 14pt; line-height: 1.6; text-align: justify }</style></head><body><p>${osman[1]}<sup>1</sup> وبعد ذلك قال المؤرخون<sup>2</sup> إن الدولة قامت.</p><p>${osman[2]}<sup>3</sup></p><p style="font-size: 10pt">1 ابن كثير، البداية والنهاية، ج 13، ص 45.</p><p style="font-size: 10pt">2 Halil İnalcık, The Ottoman Empire, London 1973, p. 55.</p></body></html>`
    const { article } = await importFileWithNotes('notes.pdf', await printBare(html))
    const blocks = plainText(article.doc).split('\n\n')
    expect(blocks.filter((b) => /^\s*\d+\s*$/.test(b))).toEqual([])
    expect(blocks.some((b) => b.includes('وبعد ذلك قال المؤرخون إن الدولة قامت.'))).toBe(true)
    expect(blocks).toContain('1 ابن كثير، البداية والنهاية، ج 13، ص 45.')
    expect(blocks).toContain('2 Halil İnalcık, The Ottoman Empire, London 1973, p. 55.')
  })
})

describe.skipIf(skip)('PDF import of ragged (not justified) text', () => {
  // Any line well short of the column ended its paragraph: 22 paragraphs for 12, «…الأمر الذي جعل ¶ المُؤرخين…».
  // A short line ends one only if the next line's first word would have fitted after it.
  const names = [
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
  ]
  const sentences = [
    'Reading is an act of attention; the margin is where the reader answers the author.',
    'Hyphenated words such as well-known and state-of-the-art should stay whole.',
    'A line that ends with a long word like internationalization must not be split wrongly.',
    'Slow readers keep notes in pencil, and come back to them years later.',
    'The library was quiet except for the turning of pages.',
  ]
  // Each paragraph its own text, so that no line repeats from page to page (a running header would).
  const english = names.map(
    (n, k) =>
      `Paragraph ${n}. ${[...sentences.slice(k % 5), ...sentences.slice(0, k % 5)].join(' ')} That was ${n}.`,
  )

  it('English: one block per paragraph', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body { font-family: serif; font-size: 14pt; line-height: 1.6 }</style></head><body>${english
      .map((p) => `<p>${p}</p>`)
      .join('')}</body></html>`
    const { article } = await importFileWithNotes('ragged.pdf', await printBare(html))
    expect(plainText(article.doc).split('\n\n')).toEqual(english)
    // English from its words, as Chromium writes no /Lang (it used to be stored as 'und').
    expect(article.lang).toBe('en')
    // A page with no <title> is printed with the Title "about:blank": the text's own first line is the title.
    expect(article.title).not.toBe('about:blank')
    expect(english[0]!.startsWith(article.title.replace(/…$/, ''))).toBe(true)
  })

  it('Arabic in Noto Naskh: every paragraph whole', async () => {
    const html = readFileSync('tests/fixtures/arcd-01-osman-i.html', 'utf8')
    const { article } = await importFileWithNotes('osman.pdf', await printBare(notoNaskh(html)))
    const blocks = plainText(article.doc).split('\n\n')
    const source = htmlParagraphs(html).filter((p) => p.trim().split(/\s+/).length > 12)
    for (const paragraph of source) {
      const words = paragraph.trim().split(/\s+/)
      // Its first and last words are in one block.
      expect(
        blocks.some((b) => b.includes(words.slice(0, 3).join(' ')) && b.includes(words.slice(-3).join(' '))),
      ).toBe(true)
    }
    expect(plainText(article.doc)).toContain('الأمر الذي جعل المُؤرخين')
  })
})

describe.skipIf(skip)('PDF import of running headers and footers', () => {
  // Paragraphs that end alike: two pages ending on «the PDF text layer.» lost that line as a "running footer".
  it('drops the header and page numbers, and no paragraph line that happens to repeat at a page end', async () => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, k) =>
        `Paragraph ${k + 1}. Reading is an act of attention; the margin is where the reader answers the author. Hyphenated words such as well-known and state-of-the-art should stay whole, and a line that ends with a long word like internationalization must not be split wrongly across the line break in the PDF text layer.`,
    )
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body { font-family: serif; font-size: 14pt; line-height: 1.6; text-align: justify }</style></head><body>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join('')}</body></html>`
    const pdf = await printHtmlToPdf(html, { paper: 'A4', title: 'On Reading Slowly' })
    const { article, pdfPageStarts } = await importFileWithNotes('slowly.pdf', pdf)
    expect(pdfPageStarts!.length).toBeGreaterThanOrEqual(3)
    expect(plainText(article.doc).split('\n\n')).toEqual(paragraphs)
  })
})

describe.skipIf(skip)('PDF import of a page set in two columns', () => {
  // Lines were read straight across both columns, the right column's line then the left's.
  it('reads the right column, then the left, on a right-to-left page', async () => {
    const [title, ...paragraphs] = readFileSync('tests/fixtures/arcd-02-al-andalus.txt', 'utf8')
      .split('\n')
      .filter((l) => l.trim())
    const body = [...paragraphs, ...paragraphs].map((p) => `<p>${p}</p>`).join('')
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body { font-family: 'Noto Naskh Arabic', serif; font-size: 14pt; line-height: 1.6 }</style></head><body><h1>${title}</h1><div style="columns: 2; column-gap: 12mm; text-align: justify">${body}</div></body></html>`
    const { article } = await importFileWithNotes('twocol.pdf', await printBare(html))
    const blocks = plainText(article.doc).split('\n\n')
    expect(blocks).toEqual([title, ...paragraphs, ...paragraphs])
  })
})

describe.skipIf(skip)('PDF import of a table', () => {
  // A table ran into one paragraph with the text around it, its cells read across in visual order.
  it('keeps each row a paragraph of its own, its cells in reading order, apart from the text around it', async () => {
    const rows = [
      ['الاسم', 'بداية الحكم', 'نهاية الحكم', 'Name'],
      ['عثمان الأول', '1299', '1326', 'Osman I'],
      ['أورخان', '1326', '1362', 'Orhan'],
      ['مراد الأول', '1362', '1389', 'Murad I'],
    ]
    const before = 'هذا جدول بأسماء السلاطين الأوائل وسنوات حكمهم.'
    const after = 'وبعد الجدول فقرة أخيرة تختم الصفحة.'
    const table = rows
      .map(
        (cells, i) => `<tr>${cells.map((c) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
      )
      .join('')
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>body { font-family: 'Noto Naskh Arabic', serif; font-size: 14pt; line-height: 1.6 }</style></head><body><h1>جدول السلاطين</h1><p>${before}</p><table border="1" cellpadding="6">${table}</table><p>${after}</p></body></html>`
    const { article } = await importFileWithNotes('table.pdf', await printBare(html))
    expect(plainText(article.doc).split('\n\n')).toEqual([
      'جدول السلاطين',
      before,
      ...rows.map((cells) => cells.join(' ')),
      after,
    ])
  })
})

describe.skipIf(skip)('PDFs Hamish refuses, writing nothing', () => {
  let dir: string
  let scan: Uint8Array
  beforeAll(async () => {
    // A page that is only an image, as a scan is: the app's icon (a PNG) drawn across the page.
    const png = readFileSync('assets/icon.png').toString('base64')
    scan = await printBare(
      `<body style="margin:0"><img src="data:image/png;base64,${png}" style="width:100%"></body>`,
    )
  })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-pdf-refused-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function refusedInLibrary(name: string, bytes: Uint8Array): Promise<string> {
    const library = await Library.open(dir, { noSample: true })
    const before = await snapshotDir(dir)
    const outcome = await library.importFile({ name, bytes })
    await library.flush()
    expect(outcome.status).toBe('rejected')
    expect(await snapshotDir(dir)).toEqual(before)
    expect(library.listArticles()).toEqual([])
    return outcome.message
  }

  it('a page that is only an image (a scan): no text layer, said so', async () => {
    expect(await importFileWithNotes('scan.pdf', scan).catch((e: unknown) => e)).toBeInstanceOf(HamishError)
    expect(await refusedInLibrary('scan.pdf', scan)).toMatch(/^scan\.pdf: this PDF has no text layer/)
  })

  it('a PDF cut off halfway, and garbage named .pdf: not a readable PDF', async () => {
    const amiri = new Uint8Array(readFileSync('tests/fixtures/pdf/Documentation-Arabic.pdf'))
    expect(await refusedInLibrary('cut.pdf', amiri.slice(0, amiri.length >> 1))).toMatch(
      /^cut\.pdf: this (is not a readable PDF|PDF has no text layer)/,
    )
    const garbage = new Uint8Array(8192).map((_, i) => (i * 7919 + 13) % 256)
    expect(await refusedInLibrary('garbage.pdf', garbage)).toMatch(
      /^garbage\.pdf: this is not a readable PDF/,
    )
  })
})
