import { localText } from '../../common/i18n/local-text'
import { refuseTextPastLimit } from './finish-article'
import { linesOf, markAfterUnreadable, type PdfLine } from './pdf-layout'
import { PDF_LIMITS } from './pdf-limits'
import { pageRuns, type FontCharCounts, type TextContentItem } from './pdf-page-runs'
import { invalidPdf, oversizeStreamRefusal } from './pdf-refusals'

/** An open PDF as the page reader needs it: its pages, and whether pdf.js refused to unpack a stream of it. */
export interface PdfPageSource {
  doc: PdfDocumentPages
  hadOversizeStream(): boolean
}

/** What Hamish asks of an open pdf.js document: its pages. */
export interface PdfDocumentPages {
  numPages: number
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

/**
 * Reads pages `from` to `to` (1-based, inclusive) into lines: the text
 * content of each (pdf.js), its runs (pdf-page-runs.ts), its lines in
 * reading order (pdf-layout.ts). The same whether one thread reads the
 * whole file or each of several reads its share (pdf-page-threads.ts).
 * Refused with a reason: a page pdf.js cannot open or read, one with more
 * runs than PDF_LIMITS.maxRunsPerPage, a stream that unpacks past
 * PDF_LIMITS.maxStreamBytes, and text past the article limit.
 */
export async function readPdfPages(
  pdf: PdfPageSource,
  from: number,
  to: number,
  name: string,
): Promise<PdfPagesRead> {
  const pages: PdfLine[][] = []
  const fonts: FontCharCounts = new Map()
  let chars = 0
  for (let number = from; number <= to; number++) {
    let content
    try {
      const page = await pdf.doc.getPage(number)
      content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: true })
      page.cleanup()
    } catch {
      if (pdf.hadOversizeStream()) throw oversizeStreamRefusal(name)
      throw invalidPdf(name, localText('messages.reasonPdfPage', { page: number }))
    }
    // pdf.js reads on past a stream it was stopped from unpacking, leaving the page short: the file is refused.
    if (pdf.hadOversizeStream()) throw oversizeStreamRefusal(name)
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
  }
  return { pages, chars, threads: 1 }
}
