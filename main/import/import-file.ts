import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { tooLargeText } from '../../common/contract/too-large-text'
import type { ImportedArticle } from '../../common/article'
import { HamishError } from '../../common/errors'
import type { LocalText } from '../../common/i18n/local-text'
import { importDocx } from './import-docx'
import { importEpub } from './import-epub'
import { importHtml } from './import-html'
import { importMarkdown } from './import-markdown'
import { importPdf } from './import-pdf'
import { importText } from './import-text'
import { NestingTooDeep } from './markup-depth'
import { isHtmlDocument } from './sniff-page-type'
import { isPdfSignature } from './fetched-document'
import { localText } from '../../common/i18n/local-text'

type Importer = (bytes: Uint8Array, name: string, hints: ImportHints) => ImportedArticle

/** What is known of a file besides its name: a page fetched from its address has no extension to go by. */
export interface ImportHints {
  /** The importer to use (an extension it reads), instead of the name's extension. */
  format?: string
  /** The charset a server declared for the page. */
  charset?: string | null
  /** The address the page was saved from (after redirects), which its relative links are resolved against. */
  base?: string | null
}

/** The importer for each extension Hamish reads. */
const IMPORTERS: Record<string, Importer> = {
  txt: importText,
  md: importMarkdown,
  markdown: importMarkdown,
  html: (bytes, name, hints) => importHtml(bytes, name, { charset: hints.charset, base: hints.base }),
  htm: (bytes, name, hints) => importHtml(bytes, name, { charset: hints.charset, base: hints.base }),
  xhtml: (bytes, name, hints) =>
    importHtml(bytes, name, { xml: true, charset: hints.charset, base: hints.base }),
  epub: importEpub,
}

/** A converted file, and what the import report should say was left out of it. */
export interface ConvertedFile {
  article: ImportedArticle
  /** Sentences for the import report: what the file had that the article has not. */
  notes: LocalText[]
  /** For a PDF: where each of its pages starts in the article's plain text (`ImportedPdf.pdfPageStarts`). */
  pdfPageStarts?: (number | null)[]
}

/**
 * Importers whose library answers with a promise (mammoth reads the DOCX
 * through JSZip's promises; pdf.js reads a PDF the same way);
 * `importFileWithNotes` waits for them.
 */
const WAITING_IMPORTERS: Record<string, (bytes: Uint8Array, name: string) => Promise<ConvertedFile>> = {
  docx: async (bytes, name) => {
    const { article, droppedImages, droppedComments } = await importDocx(bytes, name)
    const notes = []
    if (droppedImages > 0)
      notes.push(localText('messages.importImagesDropped', { name, count: droppedImages }))
    if (droppedComments > 0)
      notes.push(localText('messages.importCommentsDropped', { name, count: droppedComments }))
    return { article, notes }
  },
  pdf: async (bytes, name) => {
    const { pdfPageStarts, ...article } = await importPdf(bytes, name)
    return { article, notes: [], pdfPageStarts }
  },
}

/** Extensions Hamish imports, for file dialogs and drop targets. */
export const IMPORT_EXTENSIONS = [...Object.keys(IMPORTERS), ...Object.keys(WAITING_IMPORTERS)]

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/** Extensions whose files are sometimes a web page saved under the wrong name ("Save as… Text"). */
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'markdown'])

/** Extensions of text formats: a file under one of them that opens as a PDF does (`%PDF-`) is a PDF misnamed. */
const TEXT_FORMAT_EXTENSIONS = new Set([...TEXT_EXTENSIONS, 'html', 'htm', 'xhtml'])

/** What a file was read as instead of what its name says, for the report's note. */
type Sniffed = 'html' | 'pdf' | null

/**
 * The importer's extension for a file: the hint's, else the name's — except
 * that a .txt or .md file holding a whole HTML document (`isHtmlDocument`)
 * is read as HTML, through the same reducer and sanitising as any page,
 * instead of being stored as tag soup titled "<!DOCTYPE html>"; and a file
 * under a text format's name (.txt, .md, .html…) that opens as a PDF does
 * is read as the PDF it is, rather than refused with advice to convert it.
 */
function formatOf(
  name: string,
  bytes: Uint8Array,
  hints: ImportHints,
): { extension: string; sniffed: Sniffed } {
  if (hints.format) return { extension: hints.format, sniffed: null }
  const extension = extensionOf(name)
  if (TEXT_FORMAT_EXTENSIONS.has(extension) && isPdfSignature(bytes))
    return { extension: 'pdf', sniffed: 'pdf' }
  if (TEXT_EXTENSIONS.has(extension) && isHtmlDocument(bytes)) return { extension: 'html', sniffed: 'html' }
  return { extension, sniffed: null }
}

/** The report's note for a file read as another format than its name says. */
const SNIFFED_NOTES = { html: 'messages.importReadAsHtml', pdf: 'messages.importReadAsPdf' } as const

/**
 * Imports one file, given its name and bytes (never a path: the renderer
 * does not get to choose what main reads). Picks the importer by extension
 * (a .txt or .md that is a saved web page by its content: `formatOf`) and refuses, with a HamishError whose message starts with the file name
 * and says what to do, anything unsupported, larger than 50 MB, empty,
 * binary, undecodable, nested too deep or without text. The result's document has passed
 * `docSchema`; title, date, language and direction are filled in.
 */
export function importFile(name: string, bytes: Uint8Array, hints: ImportHints = {}): ImportedArticle {
  const { extension } = formatOf(name, bytes, hints)
  const importer = Object.hasOwn(IMPORTERS, extension) ? IMPORTERS[extension] : undefined
  refuseUnusable(name, extension, bytes)
  if (!importer) throw new Error(`${extension} files are imported with importFileWithNotes`)
  try {
    return importer(bytes, name, hints)
  } catch (err) {
    throw nestingMessage(err, name)
  }
}

/**
 * `importFile` for every format, with the notes for the import report:
 * formats whose converter answers with a promise (DOCX, PDF) are waited for;
 * a .txt or .md file read as HTML, or a text-named file read as a PDF, says so.
 * What the app, the preview and the CLI call (through `prepareImport`).
 */
export async function importFileWithNotes(
  name: string,
  bytes: Uint8Array,
  hints: ImportHints = {},
): Promise<ConvertedFile> {
  const { extension, sniffed } = formatOf(name, bytes, hints)
  const notes = sniffed ? [localText(SNIFFED_NOTES[sniffed], { name })] : []
  const waiting = Object.hasOwn(WAITING_IMPORTERS, extension) ? WAITING_IMPORTERS[extension] : undefined
  if (!waiting) return { article: importFile(name, bytes, hints), notes }
  refuseUnusable(name, extension, bytes)
  try {
    const converted = await waiting(bytes, name)
    return { ...converted, notes: [...notes, ...converted.notes] }
  } catch (err) {
    throw nestingMessage(err, name)
  }
}

/** Throws the HamishError for an unknown extension, a file over 50 MB, or an empty one. */
function refuseUnusable(name: string, extension: string, bytes: Uint8Array): void {
  if (!Object.hasOwn(IMPORTERS, extension) && !Object.hasOwn(WAITING_IMPORTERS, extension)) {
    throw new HamishError(
      'unsupported-file',
      extension === 'doc'
        ? localText('messages.oldWordDocument', { name })
        : extension
          ? localText('messages.unsupportedType', { name, extension })
          : localText('messages.unsupportedNoExtension', { name }),
    )
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new HamishError('too-large', tooLargeText(name, bytes.byteLength))
  }
  if (bytes.byteLength === 0) {
    throw new HamishError('empty-file', localText('messages.emptyFile', { name, bytes: 0 }))
  }
}

/** Markup nested past the limit, as the sentence for the user; anything else as it was. */
function nestingMessage(err: unknown, name: string): unknown {
  if (!(err instanceof NestingTooDeep)) return err
  const key = err.kind === 'markdown' ? 'messages.markdownTooDeep' : 'messages.markupTooDeep'
  return new HamishError('invalid-content', localText(key, { name, limit: err.limit }))
}
