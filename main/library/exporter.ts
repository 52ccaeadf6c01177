import type { ExportFormat, ExportRequest } from '../../common/api'
import type { Article } from '../../common/article'
import { toHtml, toMarkdown, toNotesMarkdown, type ExportInput } from '../../common/export'
import { exportFonts } from './export-fonts'
import packageJson from '../../package.json'

/** Prints a self-contained HTML page to PDF: Chromium headless here, Electron's printToPDF in the app. */
export type PdfPrinter = (
  html: string,
  options: { paper: 'A4' | 'Letter'; title: string },
) => Promise<Uint8Array>

/** One finished export, ready to be written or handed to the page. */
export interface ExportedFile {
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

export const GENERATOR = `Hamish ${packageJson.version}`

const EXTENSIONS: Record<ExportFormat, { suffix: string; mimeType: string }> = {
  md: { suffix: '.md', mimeType: 'text/markdown; charset=utf-8' },
  'md-gfm': { suffix: '.gfm.md', mimeType: 'text/markdown; charset=utf-8' },
  'notes-md': { suffix: '.notes.md', mimeType: 'text/markdown; charset=utf-8' },
  html: { suffix: '.html', mimeType: 'text/html; charset=utf-8' },
  pdf: { suffix: '.pdf', mimeType: 'application/pdf' },
}

/**
 * A file name from the article's title that every platform accepts: no path
 * separators, reserved characters or control characters, not too long, and
 * Arabic kept as it is.
 */
export function exportFileName(title: string, format: ExportFormat): string {
  return safeFileBase(title) + EXTENSIONS[format].suffix
}

/** The title as the stem of a file name (see exportFileName). */
export function safeFileBase(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 100)
      .trim() || 'article'
  )
}

/** The writers' input for an article as the reader has it now (annotations anchored afresh). */
export function exportInput(article: Article, now: Date): ExportInput {
  return {
    summary: article.summary,
    doc: article.doc,
    annotations: article.annotations,
    exportedAt: now.toISOString(),
    generator: GENERATOR,
  }
}

/**
 * Makes the file for one export request. Markdown and HTML come from the pure
 * writers in common/export; PDF is that HTML printed by the given printer.
 */
export async function renderExport(
  article: Article,
  req: Omit<ExportRequest, 'articleId'>,
  printPdf: PdfPrinter,
  now: Date = new Date(),
): Promise<ExportedFile> {
  const input = exportInput(article, now)
  const { mimeType } = EXTENSIONS[req.format]
  const fileName = exportFileName(article.summary.title, req.format)
  const text = (s: string): ExportedFile => ({ fileName, mimeType, bytes: new TextEncoder().encode(s) })
  switch (req.format) {
    case 'md':
    case 'md-gfm':
      return text(toMarkdown(input, { flavor: req.format }))
    case 'notes-md':
      return text(toNotesMarkdown(input, { groupByColor: req.groupByColor ?? false }))
    case 'html':
      return text(toHtml(input, { fonts: exportFonts(), paper: req.paper ?? 'A4' }))
    case 'pdf': {
      const paper = req.paper ?? 'A4'
      const html = toHtml(input, { fonts: exportFonts(), paper })
      return { fileName, mimeType, bytes: await printPdf(html, { paper, title: article.summary.title }) }
    }
  }
}
