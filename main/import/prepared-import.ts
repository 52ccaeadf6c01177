import type { ImportedArticle } from '../../common/article'
import { codePointLength, plainText } from '../../common/plain-text'
import { encodedIndexFile } from '../library/search-index-store'
import { fingerprintOf } from '../library/fingerprint'
import type { ArticleFile } from '../library/library-data'
import type { LocalText } from '../../common/i18n/local-text'
import { importFileWithNotes, type ImportHints } from './import-file'

const utf8 = new TextEncoder()

/** One file to convert, under the article id the library chose for it. */
export interface ImportJob {
  id: string
  name: string
  bytes: Uint8Array
  /** For a page fetched from its address: which importer, the server's charset, and the address (for its relative links). */
  hints?: ImportHints
}

/**
 * An imported file made ready to write: what the list shows of it, and the
 * article file and search-index file as the JSON text they are stored as.
 * Everything here that costs time in proportion to the file (decoding,
 * conversion, the fingerprint, serialising, tokenising for the index) is
 * done by whoever prepares it, so the library's one writer only writes.
 */
export interface PreparedImport {
  title: string
  date: string | null
  lang: string
  dir: ImportedArticle['dir']
  /** What the file said for a citation, when it said anything. */
  meta?: ImportedArticle['meta']
  fingerprint: string
  /** Code points of the plain text (the list's length). */
  chars: number
  /**
   * articles/<id>.json as `JsonFile.write` would serialise it, in UTF-8:
   * bytes, so the worker hands them over without a copy and main never
   * encodes 80 MB of text on its own thread.
   */
  articleJson: Uint8Array
  /** search-index/<id>.json as `SearchIndexStore.put` would write it for an article without annotations, in UTF-8. */
  indexJson: Uint8Array
  /** What the import report says was left out of the file (its images), in the interface's language. */
  notes: LocalText[]
}

/**
 * Converts one file and prepares both of its files. Throws what `importFile`
 * throws (a HamishError saying why a file is refused). Runs in the import
 * worker (main/import/import-worker.ts) for the app and the preview, and in
 * process for the CLI, which has no one else to answer.
 */
export async function prepareImport(job: ImportJob): Promise<PreparedImport> {
  const {
    article: imported,
    notes,
    pdfPageStarts,
  } = await importFileWithNotes(job.name, job.bytes, job.hints)
  const text = plainText(imported.doc)
  return {
    title: imported.title,
    date: imported.date,
    lang: imported.lang,
    dir: imported.dir,
    ...(imported.meta && { meta: imported.meta }),
    fingerprint: fingerprintOf(imported.doc),
    chars: codePointLength(text),
    articleJson: utf8.encode(
      JSON.stringify({
        version: 1,
        id: job.id,
        doc: imported.doc,
        ...(pdfPageStarts ? { pdfPages: pdfPageStarts } : {}),
      } satisfies ArticleFile),
    ),
    indexJson: utf8.encode(encodedIndexFile(job.id, text)),
    notes,
  }
}
