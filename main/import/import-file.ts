import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { tooLargeText } from '../../common/contract/too-large-text'
import type { ImportedArticle } from '../../common/article'
import { HamishError } from '../../common/errors'
import { importEpub } from './import-epub'
import { importHtml } from './import-html'
import { importMarkdown } from './import-markdown'
import { importPdf } from './import-pdf'
import { importText } from './import-text'
import { NestingTooDeep } from './markup-depth'
import { localText } from '../../common/i18n/local-text'

type Importer = (bytes: Uint8Array, name: string) => ImportedArticle
type AsyncImporter = (bytes: Uint8Array, name: string) => Promise<ImportedArticle>

/** The importer for each extension Hamish reads. */
const IMPORTERS: Record<string, Importer> = {
  txt: importText,
  md: importMarkdown,
  markdown: importMarkdown,
  html: importHtml,
  htm: importHtml,
  xhtml: (bytes, name) => importHtml(bytes, name, { xml: true }),
  epub: importEpub,
}

/** Importers whose library answers only asynchronously (pdf.js); reached through `importFileAsync`. */
const ASYNC_IMPORTERS: Record<string, AsyncImporter> = {
  pdf: importPdf,
}

/** Extensions `importFile` accepts, for file dialogs and drop targets. */
export const IMPORT_EXTENSIONS = [...Object.keys(IMPORTERS), ...Object.keys(ASYNC_IMPORTERS)]

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/**
 * Imports one file, given its name and bytes (never a path: the renderer
 * does not get to choose what main reads). Picks the importer by extension
 * and refuses, with a HamishError whose message starts with the file name
 * and says what to do, anything unsupported, larger than 50 MB, empty,
 * binary, undecodable, nested too deep or without text. The result's document has passed
 * `docSchema`; title, date, language and direction are filled in.
 */
export function importFile(name: string, bytes: Uint8Array): ImportedArticle {
  const extension = refuseBeforeReading(name, bytes, IMPORTERS)
  return withDepthRefusal(name, () => IMPORTERS[extension]!(bytes, name))
}

/**
 * `importFile` for every format, including those read asynchronously
 * (PDF): what the import worker and the CLI call. Same checks, same
 * refusals.
 */
export async function importFileAsync(name: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const extension = extensionOf(name)
  if (!Object.prototype.hasOwnProperty.call(ASYNC_IMPORTERS, extension)) return importFile(name, bytes)
  refuseBeforeReading(name, bytes, ASYNC_IMPORTERS)
  return ASYNC_IMPORTERS[extension]!(bytes, name)
}

/** The checks made before any importer reads a byte; answers the file's extension, which `importers` has. */
function refuseBeforeReading(name: string, bytes: Uint8Array, importers: Record<string, unknown>): string {
  const extension = extensionOf(name)
  if (!Object.prototype.hasOwnProperty.call(importers, extension)) {
    throw new HamishError(
      'unsupported-file',
      extension
        ? localText('messages.unsupportedType', { name, extension })
        : localText('messages.unsupportedNoExtension', { name }),
    )
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new HamishError('too-large', tooLargeText(name, bytes.byteLength))
  }
  if (bytes.byteLength === 0) {
    throw new HamishError('empty-file', localText('messages.emptyFile', { name }))
  }
  return extension
}

function withDepthRefusal(name: string, read: () => ImportedArticle): ImportedArticle {
  try {
    return read()
  } catch (err) {
    if (!(err instanceof NestingTooDeep)) throw err
    const key = err.kind === 'markdown' ? 'messages.markdownTooDeep' : 'messages.markupTooDeep'
    throw new HamishError('invalid-content', localText(key, { name, limit: err.limit }))
  }
}
