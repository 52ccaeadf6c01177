import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'

/** Paper sizes offered for PDF export. */
export type PdfPaper = 'A4' | 'Letter'

export const PDF_PAPERS: readonly PdfPaper[] = ['A4', 'Letter']

/** Page margins in millimetres (Chromium wants CSS lengths, Electron wants inches: see below). */
export interface MarginsMm {
  top: number
  bottom: number
  left: number
  right: number
}

/**
 * Everything both print engines (headless Chromium through playwright-core,
 * Electron's `webContents.printToPDF`) need to lay out the pages, built in one
 * place so the CLI and the app print the same document.
 */
export interface PdfPageSetup {
  paper: PdfPaper
  marginsMm: MarginsMm
  /** On, so highlight colours (backgrounds of <mark>) print. */
  printBackground: true
  displayHeaderFooter: true
  /** Chromium header template: the article title, escaped. */
  headerTemplate: string
  /** Chromium footer template: "page / pages". */
  footerTemplate: string
  /** Our paper wins over any `@page { size }` in the exported HTML. */
  preferCSSPageSize: false
}

export interface PdfSetupOptions {
  paper: PdfPaper
  /** The article title, shown in every page's header. Plain text: it is escaped here. */
  title: string
  /** Margins; the defaults leave room for the header and footer. */
  marginsMm?: Partial<MarginsMm>
}

/** What both print engines are asked: the paper, the header's title, a time limit. */
export interface PdfPrintOptions {
  paper: PdfPaper
  /** The article title for the page header (plain text; escaped for the template). */
  title: string
  /** Overall limit for loading, layout and printing; the browser or window is closed when it passes. Default 60 s. */
  timeoutMs?: number
  marginsMm?: Partial<MarginsMm>
}

export const DEFAULT_PDF_TIMEOUT_MS = 60_000

/** The message of a print that ran out of time. */
export function pdfTimeoutText(timeoutMs: number): LocalText {
  return localText('messages.pdfTimeout', { seconds: Math.round(timeoutMs / 100) / 10 })
}

export const DEFAULT_MARGINS_MM: Readonly<MarginsMm> = { top: 22, bottom: 20, left: 18, right: 18 }

/** The longest title put in the header; longer ones are cut at a word and end in "…". */
export const MAX_HEADER_TITLE = 160

/**
 * Font stack of the header and footer. Chromium renders them in a document of
 * their own that cannot load the page's web fonts, so these are system fonts
 * with Arabic coverage on Linux (Noto), macOS (Geeza Pro) and Windows (Arial,
 * Tahoma, Segoe UI); Amiri first in case it is installed.
 */
const TEMPLATE_FONTS = `Amiri, 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Geeza Pro', 'Segoe UI', Tahoma, Arial, sans-serif`

/**
 * Escapes text for Chromium's header/footer template, which is parsed as
 * HTML: & < > " ' become entities. Control characters and line breaks become
 * spaces, and Unicode bidi controls that could be left open are removed (the
 * title is isolated by `dir="auto"` on its own element instead).
 */
export function escapeTemplateText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Folds whitespace and shortens an over-long title at a word boundary. */
export function headerTitle(title: string, max = MAX_HEADER_TITLE): string {
  const folded = title.replace(/\s+/g, ' ').trim()
  const chars = Array.from(folded)
  if (chars.length <= max) return folded
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/**
 * The header: the title on one line, centred, in its own direction
 * (`dir="auto"`: an Arabic title reads right to left, an English one left to
 * right), cut with an ellipsis if it does not fit. Templates start at a
 * font-size of 0 in Chromium, so every template sets its own size; the
 * padding lines the text up with the page's side margins.
 */
export function headerTemplate(title: string, margins: MarginsMm = DEFAULT_MARGINS_MM): string {
  const text = escapeTemplateText(headerTitle(title))
  return (
    `<div style="${templateBoxStyle(margins)}">` +
    `<div dir="auto" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:center;` +
    `unicode-bidi:isolate">${text}</div></div>`
  )
}

/**
 * The footer: "page / pages", left to right so the numbers never swap sides.
 * Chromium fills the pageNumber and totalPages spans.
 */
export function footerTemplate(margins: MarginsMm = DEFAULT_MARGINS_MM): string {
  return (
    `<div dir="ltr" style="${templateBoxStyle(margins)};text-align:center">` +
    `<span class="pageNumber"></span> / <span class="totalPages"></span></div>`
  )
}

function templateBoxStyle(margins: MarginsMm): string {
  return (
    `box-sizing:border-box;width:100%;padding:0 ${margins.right}mm 0 ${margins.left}mm;` +
    `font-family:${TEMPLATE_FONTS.replace(/"/g, "'")};font-size:9pt;line-height:1.3;color:#555;` +
    `-webkit-print-color-adjust:exact;print-color-adjust:exact`
  )
}

/** The page setup for one export. */
export function pdfPageSetup(options: PdfSetupOptions): PdfPageSetup {
  if (!PDF_PAPERS.includes(options.paper))
    throw new HamishError(
      'invalid-argument',
      `Unknown paper size "${String(options.paper)}": choose ${PDF_PAPERS.join(' or ')}.`,
    )
  const marginsMm = { ...DEFAULT_MARGINS_MM, ...options.marginsMm }
  return {
    paper: options.paper,
    marginsMm,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options.title, marginsMm),
    footerTemplate: footerTemplate(marginsMm),
    preferCSSPageSize: false,
  }
}

/** Margins as CSS lengths, for playwright-core's `page.pdf`. */
export function cssMargins(m: MarginsMm): { top: string; bottom: string; left: string; right: string } {
  return { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm`, right: `${m.right}mm` }
}

/** Margins in inches, for Electron's `printToPDF` (which takes inches, like the DevTools protocol). */
export function inchMargins(m: MarginsMm): { top: number; bottom: number; left: number; right: number } {
  const inch = (mm: number) => Math.round((mm / 25.4) * 10_000) / 10_000
  return { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right) }
}
