import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { refuseTextPastLimit } from './finish-article'
import { linesOf, markAfterUnreadable, type PdfLine } from './pdf-layout'
import { PDF_LIMITS } from './pdf-limits'
import { pageRuns, type FontCharCounts, type TextContentItem } from './pdf-page-runs'

/** What Hamish asks of an open pdf.js document: its pages. */
export interface PdfPageSource {
  getPage(number: number): Promise<{
    getTextContent(options: { disableNormalization: boolean; includeMarkedContent: boolean }): Promise<{
      items: unknown[]
    }>
    cleanup(): unknown
  }>
}

/** The lines of a run of pages, and the characters pdf.js gave for them. */
export interface PdfPagesRead {
  /** Index i: page `from + i`. */
  pages: PdfLine[][]
  chars: number
  /** How many threads read them (pdf-page-threads.ts). */
  threads: number
}

/** A PDF Hamish cannot read, with the reason in Hamish's own words (pdf.js's error text is English only). */
export function invalidPdf(name: string, detail: LocalText): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidPdf', { name, detail }))
}

/**
 * Reads pages `from` to `to` (1-based, inclusive) into lines: the text
 * content of each (pdf.js), its runs (pdf-page-runs.ts), its lines in
 * reading order (pdf-layout.ts). The same whether one thread reads the
 * whole file or each of several reads its share (pdf-page-threads.ts).
 * Refused with a reason: a page pdf.js cannot open, one with more runs
 * than PDF_LIMITS.maxRunsPerPage, and text past the article limit.
 */
export async function readPdfPages(
  doc: PdfPageSource,
  from: number,
  to: number,
  name: string,
): Promise<PdfPagesRead> {
  const pages: PdfLine[][] = []
  const fonts: FontCharCounts = new Map()
  let chars = 0
  for (let number = from; number <= to; number++) {
    let page
    try {
      page = await doc.getPage(number)
    } catch {
      throw invalidPdf(name, localText('messages.reasonPdfPage', { page: number }))
    }
    const content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: true })
    if (content.items.length > PDF_LIMITS.maxRunsPerPage) {
      throw invalidPdf(
        name,
        localText('messages.reasonPdfPageTooFull', { page: number, limit: PDF_LIMITS.maxRunsPerPage }),
      )
    }
    const read = pageRuns(content.items as TextContentItem[], fonts)
    chars += read.chars
    refuseTextPastLimit(chars, name)
    const lines = linesOf(read.runs)
    markAfterUnreadable(lines, read.unreadable)
    pages.push(lines)
    page.cleanup()
  }
  return { pages, chars, threads: 1 }
}
