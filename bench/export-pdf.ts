import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { fixtureHtml } from '../tests/unit/export-pdf/fixture'
import { round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const TITLE = 'أدب الدنيا والدين'

/** The book's first lines (one paragraph each) up to `maxBytes` of UTF-8. */
function bookParagraphs(maxBytes: number): { paragraphs: string[]; bytes: number } {
  const paragraphs: string[] = []
  let bytes = 0
  for (const line of readFileSync(BOOK, 'utf8').split('\n')) {
    const text = line.trim()
    if (!text) continue
    const size = Buffer.byteLength(text)
    if (bytes + size > maxBytes) break
    paragraphs.push(text)
    bytes += size
  }
  return { paragraphs, bytes }
}

/** Pages of a PDF: pdfinfo where installed, else the page objects (`/Type /Page`, not `/Pages`). */
async function countPages(pdf: Uint8Array): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-pdf-'))
  try {
    const file = join(dir, 'out.pdf')
    await writeFile(file, pdf)
    const { stdout } = await promisify(execFile)('pdfinfo', [file])
    const match = /^Pages:\s+(\d+)/m.exec(stdout)
    if (match) return Number(match[1])
  } catch {
    // no pdfinfo: count below
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  )
}

async function timedPrint(html: string): Promise<{ ms: number; pdf: Uint8Array }> {
  const started = performance.now()
  const pdf = await printHtmlToPdf(html, { paper: 'A4', title: TITLE, timeoutMs: 300_000 })
  return { ms: performance.now() - started, pdf }
}

/**
 * PDF export speed: the first ~300 KB of the vocalised Tashkeela book (Amiri
 * embedded, one highlight) printed by headless Chromium on A4, against a
 * one-page document in the same run (launching Chromium and printing one
 * page: the fixed cost of every export). Reports pages per second overall
 * and without that fixed cost.
 */
export async function benchExportPdf(maxBytes = 300_000): Promise<Record<string, unknown>> {
  const { paragraphs, bytes } = bookParagraphs(maxBytes)
  const bookHtml = fixtureHtml({ title: TITLE, paragraphs, mark: { paragraph: 5, from: 2, to: 12 } })
  const onePageHtml = fixtureHtml({ title: TITLE, paragraphs: paragraphs.slice(0, 2), mark: null })
  await timedPrint(onePageHtml) // warm-up: disk cache for Chromium and the font
  const onePage = await timedPrint(onePageHtml)
  const book = await timedPrint(bookHtml)
  const pages = await countPages(book.pdf)
  const onePagePages = await countPages(onePage.pdf)
  const perPageMs = (book.ms - onePage.ms) / Math.max(1, pages - onePagePages)
  return {
    case: 'PDF export: first ~300 KB of the Tashkeela book, headless Chromium, A4',
    inputKB: round(bytes / 1000),
    htmlKB: round(Buffer.byteLength(bookHtml) / 1000),
    paragraphs: paragraphs.length,
    pages,
    pdfKB: round(book.pdf.byteLength / 1000),
    ms: round(book.ms),
    pagesPerSecond: round(pages / (book.ms / 1000)),
    baseline: { case: 'one-page document, same browser setup', pages: onePagePages, ms: round(onePage.ms) },
    pagesPerSecondAfterLaunch: round(1000 / perPageMs),
    ratio: round(book.ms / onePage.ms),
  }
}
