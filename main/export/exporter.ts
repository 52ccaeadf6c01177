import type { ExportRequest } from '../../common/contract/export-request'
import type { Article } from '../../common/article'
import { toHtml, toMarkdown, toNotesMarkdown, type ExportInput } from '../../common/export'
import { EXPORT_FORMAT_SPECS, type ExportWriter } from '../../common/export/formats'
import { toBibtex } from '../../common/citation/bibtex'
import { toCslJson } from '../../common/citation/csl-json'
import { exportFonts } from './export-fonts'
import { exportFileName } from './file-name'
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

/**
 * An export whose name is known but whose bytes are made only when asked:
 * the save dialog is shown before a slow PDF is printed, so Cancel costs
 * nothing (export-host.ts).
 */
export interface PendingExport {
  fileName: string
  mimeType: string
  render(): Promise<Uint8Array>
}

export const GENERATOR = `Hamish ${packageJson.version}`

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

type Request = Omit<ExportRequest, 'articleId'>
type Writer = (input: ExportInput, req: Request, printPdf: PdfPrinter) => string | Promise<Uint8Array>

/** Each registry writer name (common/export/formats.ts) to the code that writes it. */
const WRITERS: Record<ExportWriter, Writer> = {
  markdown: (input, req) =>
    toMarkdown(input, { flavor: req.format === 'md-gfm' || req.format === 'md-pandoc' ? req.format : 'md' }),
  'notes-markdown': (input, req) =>
    toNotesMarkdown(input, {
      groupByColor: req.groupByColor ?? false,
      order: req.notesOrder,
      group: req.notesGroup,
    }),
  html: (input, req) => toHtml(input, { fonts: exportFonts(), paper: req.paper ?? 'A4' }),
  pdf: (input, req, printPdf) => {
    const paper = req.paper ?? 'A4'
    return printPdf(toHtml(input, { fonts: exportFonts(), paper }), { paper, title: input.summary.title })
  },
  'csl-json': (input) => toCslJson([input.summary]),
  bibtex: (input) => toBibtex([input.summary]),
}

/**
 * The export of one request, not yet made: its file name and type from the
 * format registry, its bytes from the registry's writer when `render` is
 * called (Markdown and HTML from the pure writers in common/export; PDF is
 * that HTML printed by the given printer).
 */
export function planExport(
  article: Article,
  req: Request,
  printPdf: PdfPrinter,
  now: Date = new Date(),
): PendingExport {
  const spec = EXPORT_FORMAT_SPECS[req.format]
  return {
    fileName: exportFileName(article.summary.title, req.format),
    mimeType: spec.mime,
    render: async () => {
      const input = {
        ...exportInput(article, now),
        labelLang: req.labelLang ?? 'en',
        ...(article.pdfPages ? { pdfPages: article.pdfPages } : {}),
      }
      const written = await WRITERS[spec.writer](input, req, printPdf)
      return typeof written === 'string' ? new TextEncoder().encode(written) : written
    },
  }
}

/** Makes the file for one export request at once (the CLI, which has its path already). */
export async function renderExport(
  article: Article,
  req: Request,
  printPdf: PdfPrinter,
  now: Date = new Date(),
): Promise<ExportedFile> {
  const pending = planExport(article, req, printPdf, now)
  return { fileName: pending.fileName, mimeType: pending.mimeType, bytes: await pending.render() }
}

/** A file already made (a shared annotation file) as a pending export, for the same delivery. */
export function readyExport(file: ExportedFile): PendingExport {
  return { fileName: file.fileName, mimeType: file.mimeType, render: async () => file.bytes }
}
