import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { prepareImport } from '../main/import/prepared-import'
import { loadPdfjs } from '../main/import/pdfjs-in-thread'
import { fixtureHtml } from '../tests/unit/export-pdf/fixture'
import { median, round } from './stats'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const TITLE = 'أدب الدنيا والدين'

/** The book's paragraphs from its start until `pages` A4 pages are filled (about 4 KB of vocalised text a page). */
function bookParagraphs(pages: number): string[] {
  const paragraphs: string[] = []
  let bytes = 0
  for (const line of readFileSync(BOOK, 'utf8').split('\n')) {
    const text = line.trim()
    if (!text) continue
    if (bytes > pages * 4100) break
    paragraphs.push(text)
    bytes += Buffer.byteLength(text)
  }
  return paragraphs
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/**
 * PDF import speed: about 100 pages of the vocalised Tashkeela book printed
 * by headless Chromium (A4, with its running title and page numbers), into
 * a temporary folder; Hamish's import of that file (`prepareImport`, what
 * the import worker and the CLI run: pdf.js, layout, the article and
 * search-index files) against `pdftotext` on the same file, in the same
 * run, three times each, medians. The first Hamish run (pdf.js loaded and
 * compiled) is reported apart, and so is pdf.js's text extraction alone
 * (the part of Hamish's time that is pdf.js's).
 */
export async function benchPdfImport(pages = 100): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-pdf-import-'))
  try {
    const html = fixtureHtml({ title: TITLE, paragraphs: bookParagraphs(pages), mark: null })
    const pdf = await printHtmlToPdf(html, { paper: 'A4', title: TITLE, timeoutMs: 300_000 })
    const file = join(dir, 'book.pdf')
    await writeFile(file, pdf)
    const info = (await run('pdfinfo', [file])).stdout
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
    const job = () => prepareImport({ id: 'bench', name: 'book.pdf', bytes: pdf })
    const firstMs = await timed(job)
    const hamish: number[] = []
    const poppler: number[] = []
    let chars = 0
    for (let i = 0; i < 3; i++) {
      hamish.push(await timed(async () => (chars = (await job()).chars)))
      poppler.push(await timed(() => run('pdftotext', ['-enc', 'UTF-8', file, join(dir, 'book.txt')])))
    }
    // pdf.js's own text extraction, with the options Hamish uses and nothing after it: the floor under Hamish's figure.
    const { pdfjs } = await loadPdfjs()
    const textOnly: number[] = []
    for (let i = 0; i < 3; i++)
      textOnly.push(
        await timed(async () => {
          const doc = await pdfjs.getDocument({
            data: pdf.slice(),
            isEvalSupported: false,
            disableFontFace: true,
          }).promise
          for (let n = 1; n <= doc.numPages; n++)
            await (
              await doc.getPage(n)
            ).getTextContent({ disableNormalization: true, includeMarkedContent: true })
          await doc.destroy()
        }),
      )
    const hamishMs = median(hamish)
    const popplerMs = median(poppler)
    return {
      case: 'PDF import: ~100 pages of the Tashkeela book printed by Chromium (A4), Hamish vs pdftotext',
      pages: pageCount,
      pdfKB: round(pdf.byteLength / 1000),
      chars,
      ms: round(hamishMs),
      pagesPerSecond: round(pageCount / (hamishMs / 1000)),
      firstRunMs: round(firstMs),
      baseline: {
        case: 'pdftotext -enc UTF-8 on the same file (a process each run)',
        ms: round(popplerMs),
        pagesPerSecond: round(pageCount / (popplerMs / 1000)),
      },
      pdfjsTextOnlyMs: round(median(textOnly)),
      pdfjsTextOnlyRatio: round(median(textOnly) / popplerMs),
      ratio: round(hamishMs / popplerMs),
      goal: 'ratio <= 3',
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
