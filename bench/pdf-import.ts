import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { availableParallelism } from 'node:os'
import { convertInWorker } from '../main/import/import-converter'
import { openPdf } from '../main/import/pdf-document'
import { pdfPageThreadCount, usePdfPageThreadsBeside } from '../main/import/pdf-page-threads'
import { prepareImport } from '../main/import/prepared-import'
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
 * a temporary folder, against `pdftotext` on the same file in the same run
 * (a process each time, so it starts cold), three times each, medians.
 * Hamish is measured three ways:
 * - `appPath`, the headline: what the app does with a dropped file — a new
 *   import worker (the build's out/main/import-worker.js), which loads
 *   pdf.js, reads the pages on its page threads and prepares both files,
 *   cold each time, as pdftotext is;
 * - `ms`: `prepareImport` in this process once pdf.js is loaded and warm,
 *   with page threads (each still started afresh per file), as the CLI runs;
 * - `oneThreadMs`: the same on this thread alone, and pdf.js's own text
 *   extraction alone on one thread (`pdfjsTextOnlyMs`): the floor of a
 *   one-thread reader.
 * `npm run bench` builds first, so the workers are the current code.
 */
export async function benchPdfImport(pages = 100): Promise<Record<string, unknown>> {
  const built = join(ROOT, 'out/main')
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-pdf-import-'))
  try {
    const html = fixtureHtml({ title: TITLE, paragraphs: bookParagraphs(pages), mark: null })
    const pdf = await printHtmlToPdf(html, { paper: 'A4', title: TITLE, timeoutMs: 300_000 })
    const file = join(dir, 'book.pdf')
    await writeFile(file, pdf)
    const info = (await run('pdfinfo', [file])).stdout
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
    const job = () => prepareImport({ id: 'bench', name: 'book.pdf', bytes: pdf })
    const inWorker = convertInWorker(join(built, 'import-worker.js'))
    const firstMs = await timed(job)
    const app: number[] = []
    const appAlone: number[] = []
    const warm: number[] = []
    const alone: number[] = []
    const poppler: number[] = []
    const textOnly: number[] = []
    let chars = 0
    for (let i = 0; i < 3; i++) {
      app.push(await timed(() => inWorker({ id: 'bench', name: 'book.pdf', bytes: pdf })))
      // The same with page threads turned off (the worker takes the environment as it starts).
      process.env.HAMISH_PDF_THREADS = '1'
      appAlone.push(await timed(() => inWorker({ id: 'bench', name: 'book.pdf', bytes: pdf })))
      delete process.env.HAMISH_PDF_THREADS
      usePdfPageThreadsBeside(pathToFileURL(join(built, 'cli.js')).href)
      warm.push(await timed(async () => (chars = (await job()).chars)))
      usePdfPageThreadsBeside(pathToFileURL(join(dir, 'none.js')).href) // no page thread there: this thread alone
      alone.push(await timed(job))
      poppler.push(await timed(() => run('pdftotext', ['-enc', 'UTF-8', file, join(dir, 'book.txt')])))
      // pdf.js's own text extraction, with the options Hamish uses and nothing after it.
      textOnly.push(
        await timed(async () => {
          const { doc, close } = await openPdf(pdf, 'book.pdf')
          for (let n = 1; n <= doc.numPages; n++)
            await (
              await doc.getPage(n)
            ).getTextContent({ disableNormalization: true, includeMarkedContent: true })
          await close()
        }),
      )
    }
    usePdfPageThreadsBeside(pathToFileURL(join(built, 'cli.js')).href)
    const threads = pdfPageThreadCount(pageCount)
    const popplerMs = median(poppler)
    const appMs = median(app)
    const warmMs = median(warm)
    return {
      case: `PDF import: ~${pages} pages of the Tashkeela book printed by Chromium (A4), Hamish vs pdftotext`,
      pages: pageCount,
      pdfKB: round(pdf.byteLength / 1000),
      chars,
      cores: availableParallelism(),
      pageThreads: threads,
      appPath: {
        case: 'a new import worker per file, as the app imports (cold: pdf.js loaded, page threads started)',
        ms: round(appMs),
        pagesPerSecond: round(pageCount / (appMs / 1000)),
        ratio: round(appMs / popplerMs),
        oneThreadMs: round(median(appAlone)),
        oneThreadRatio: round(median(appAlone) / popplerMs),
      },
      ms: round(warmMs),
      pagesPerSecond: round(pageCount / (warmMs / 1000)),
      firstRunMs: round(firstMs),
      oneThreadMs: round(median(alone)),
      oneThreadRatio: round(median(alone) / popplerMs),
      baseline: {
        case: 'pdftotext -enc UTF-8 on the same file (a process each run)',
        ms: round(popplerMs),
        pagesPerSecond: round(pageCount / (popplerMs / 1000)),
      },
      pdfjsTextOnlyMs: round(median(textOnly)),
      pdfjsTextOnlyRatio: round(median(textOnly) / popplerMs),
      ratio: round(warmMs / popplerMs),
      goal: 'ratio <= 3',
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
