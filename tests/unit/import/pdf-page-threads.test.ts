import { existsSync, readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { importFileWithNotes } from '../../../main/import/import-file'
import { openPdf } from '../../../main/import/pdf-document'
import {
  pageRanges,
  PdfPageThreads,
  pdfPageThreadCount,
  readPdfPagesInThreads,
  startPdfPageThreads,
  usePdfPageThreadsBeside,
} from '../../../main/import/pdf-page-threads'
import { readPdfPages } from '../../../main/import/pdf-pages'
import { textPagesPdf } from '../../support/hand-made-pdf'
import { fixtureHtml } from '../export-pdf/fixture'
import { skipWithoutTools } from '../export-pdf/tools'

// The page thread runs from the build (npm test builds before vitest runs), as in the app and the CLI.
const BUILT = 'out/main'
/** A module beside the built page thread, as the import worker and the CLI are. */
const BESIDE = pathToFileURL(`${BUILT}/cli.js`).href
const NOWHERE = pathToFileURL('/nonexistent/cli.js').href
const BOOK = 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'

/** The book's first paragraphs, about `pages` A4 pages of vocalised Arabic. */
function bookParagraphs(pages: number): string[] {
  const out: string[] = []
  let bytes = 0
  for (const line of readFileSync(BOOK, 'utf8').split('\n')) {
    if (bytes > pages * 4100) break
    if (line.trim()) out.push(line.trim())
    bytes += Buffer.byteLength(line)
  }
  return out
}

/** Every page's lines as one thread reads them, and as `threads` threads do. */
async function oneAndMany(bytes: Uint8Array, name: string, threads: number) {
  const pdf = await openPdf(bytes, name)
  const { doc, close } = pdf
  try {
    const one = await readPdfPages(pdf, 1, doc.numPages, name)
    const started = new PdfPageThreads(bytes, name, 1)
    const many = await readPdfPagesInThreads(pdf, name, started, threads).finally(() => started.end())
    expect(one.threads).toBe(1)
    expect(many.threads).toBe(threads)
    return { one: one.pages, many: many.pages, pages: doc.numPages }
  } finally {
    await close()
  }
}

describe('cutting a PDF’s pages into runs for threads', () => {
  it('covers every page once, in order, in runs that differ by a page at most', () => {
    for (const [pages, parts] of [
      [102, 2],
      [102, 4],
      [48, 2],
      [7, 3],
      [3, 3],
    ] as const) {
      const ranges = pageRanges(pages, parts)
      expect(ranges).toHaveLength(parts)
      expect(ranges[0]!.from).toBe(1)
      expect(ranges.at(-1)!.to).toBe(pages)
      ranges.slice(1).forEach((r, i) => expect(r.from).toBe(ranges[i]!.to + 1))
      const sizes = ranges.map((r) => r.to - r.from + 1)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    }
  })
})

describe('a PDF read on several threads', () => {
  beforeAll(() => {
    expect(existsSync(`${BUILT}/pdf-pages-worker.js`), 'run `npx electron-vite build` first').toBe(true)
    usePdfPageThreadsBeside(BESIDE)
  })
  afterAll(() => usePdfPageThreadsBeside(NOWHERE))

  it('uses no second thread for a short PDF, nor where no page thread is built', () => {
    expect(pdfPageThreadCount(10)).toBe(1)
    expect(pdfPageThreadCount(200)).toBeGreaterThanOrEqual(1)
    usePdfPageThreadsBeside(NOWHERE)
    expect(pdfPageThreadCount(200)).toBe(1)
    usePdfPageThreadsBeside(BESIDE)
    // HAMISH_PDF_THREADS caps them (1: this thread alone).
    process.env.HAMISH_PDF_THREADS = '1'
    try {
      expect(pdfPageThreadCount(200)).toBe(1)
    } finally {
      delete process.env.HAMISH_PDF_THREADS
    }
  })

  it('gives the lines one thread gives: the Amiri LaTeX PDF on three threads', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/pdf/Documentation-Arabic.pdf'))
    const { one, many, pages } = await oneAndMany(bytes, 'amiri.pdf', 3)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(many).toEqual(one)
    expect(one.flat().length).toBeGreaterThan(100)
  })

  it.skipIf(skipWithoutTools('PDF page threads on a Chromium-printed book'))(
    'gives the lines and the article one thread gives: 40 pages of a vocalised Arabic book',
    { timeout: 120_000 },
    async () => {
      const html = fixtureHtml({ title: 'أدب الدنيا والدين', paragraphs: bookParagraphs(40), mark: null })
      const bytes = await printHtmlToPdf(html, {
        paper: 'A4',
        title: 'أدب الدنيا والدين',
        timeoutMs: 120_000,
      })
      const { one, many, pages } = await oneAndMany(bytes, 'book.pdf', 2)
      expect(pages).toBeGreaterThanOrEqual(38)
      expect(many).toEqual(one)
      // And the whole import, threads chosen as the app chooses them, against one thread.
      usePdfPageThreadsBeside(NOWHERE)
      const alone = await importFileWithNotes('book.pdf', bytes)
      usePdfPageThreadsBeside(BESIDE)
      const shared = await importFileWithNotes('book.pdf', bytes)
      expect(shared).toEqual(alone)
    },
  )

  it('refuses the file as one thread does when a page thread’s page cannot be read', async () => {
    const pages = Array.from({ length: 30 }, (_, p) =>
      Array.from({ length: 20 }, (_, l) => `Page ${p + 1}, line ${l + 1}: words enough to make a line.`),
    )
    const bytes = textPagesPdf(pages, [27])
    const refusal = async (threads: number): Promise<HamishError> => {
      const pdf = await openPdf(bytes, 'damaged.pdf')
      try {
        const started = startPdfPageThreads(bytes, 'damaged.pdf')
        const err = await readPdfPagesInThreads(pdf, 'damaged.pdf', started, threads)
          .finally(() => started.end())
          .then(
            () => null,
            (e: unknown) => e,
          )
        expect(err).toBeInstanceOf(HamishError)
        return err as HamishError
      } finally {
        await pdf.close()
      }
    }
    const alone = await refusal(1)
    expect(alone.message).toContain('page 27')
    const shared = await refusal(3)
    expect(shared.message).toBe(alone.message)
    expect(shared.text).toEqual(alone.text)
  })

  it('reads a hand-made 60-page PDF whole, every page in its place', async () => {
    const pages = Array.from({ length: 60 }, (_, p) => [`This is page ${p + 1} of sixty, read in its place.`])
    const { one, many } = await oneAndMany(textPagesPdf(pages), 'sixty.pdf', 4)
    expect(many).toEqual(one)
    expect(many.map((lines) => lines[0]?.text)).toEqual(pages.map((p) => p[0]))
  })
})
