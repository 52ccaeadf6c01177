import { basename } from 'node:path'
import type { FetchedFile, ImportFile, ImportOutcome } from '../../common/contract/article-import'
import type { Annotation } from '../../common/annotation'
import type { ArticleSummary, ImportedArticle } from '../../common/article'
import { checkArticleMeta } from '../../common/article-meta-check'
import { HamishError } from '../../common/errors'
import { englishText, localText, type LocalText } from '../../common/i18n/local-text'
import { codePointLength, plainText } from '../../common/plain-text'
import { ImportCancelled } from '../import/import-cancelled'
import type { ImportConverter } from '../import/import-converter'
import type { PreparedImport } from '../import/prepared-import'
import type { AnnotationCounts } from './annotation-counts'
import type { AnnotationLogs } from './annotation-logs'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import { newArticleId } from './fingerprint'
import type { LibrarySearch } from './library-search'
import type { ReaderSettings } from './reader-settings'

/**
 * Articles coming into the library (an imported file, a colleague's
 * bundle) and leaving it for good. Rejected files and duplicates change
 * nothing on disk; an added article is acknowledged once both its own file
 * and the list are written; a deleted one leaves the list first.
 */
export interface LifecycleDeps {
  catalog: Catalog
  files: ArticleFiles
  logs: AnnotationLogs
  counts: AnnotationCounts
  search: LibrarySearch
  settings: ReaderSettings
  now: () => Date
  /** Turns a file's bytes into an article ready to write (main/import/import-converter.ts). */
  convert: ImportConverter
}

export class ArticleLifecycle {
  readonly #catalog: Catalog
  readonly #files: ArticleFiles
  readonly #logs: AnnotationLogs
  readonly #counts: AnnotationCounts
  readonly #search: LibrarySearch
  readonly #settings: ReaderSettings
  readonly #now: () => Date
  readonly #convert: ImportConverter

  constructor(deps: LifecycleDeps) {
    this.#catalog = deps.catalog
    this.#files = deps.files
    this.#logs = deps.logs
    this.#counts = deps.counts
    this.#search = deps.search
    this.#settings = deps.settings
    this.#now = deps.now
    this.#convert = deps.convert
  }

  /**
   * Imports one file: converted by the library's converter (in the app and
   * the preview a worker thread, so the event loop keeps answering), then
   * written here, the one writer. `signal` cancels it up to the moment the
   * first file is written; a cancelled import writes nothing. After that the
   * import completes, so a file is never half there.
   */
  async importFile(file: ImportFile | FetchedFile, signal?: AbortSignal): Promise<ImportOutcome> {
    const fetched = 'source' in file ? file : null
    // A page keeps its whole address as its name: basename would leave only its last segment.
    const name = fetched ? file.name : basename(file.name)
    const hints = fetched
      ? { format: fetched.format, charset: fetched.charset, base: fetched.source }
      : undefined
    // A document fetched from an address (a PDF…) is read under a file name of its own; the outcome keeps the address.
    const fileName = fetched?.fileName ?? name
    const named = (text: LocalText): LocalText => byOutcomeName(text, fileName, name)
    const id = newArticleId()
    let prepared: PreparedImport
    try {
      prepared = await this.#convert({ id, name: fileName, bytes: file.bytes, hints }, signal)
    } catch (err) {
      if (err instanceof ImportCancelled) return cancelledOutcome(name)
      if (err instanceof HamishError) {
        const text = err.text && named(err.text)
        const message = text && text !== err.text ? englishText(text) : err.message
        return { name, status: 'rejected', message, text, article: null }
      }
      throw err
    }
    if (signal?.aborted) return cancelledOutcome(name)
    const existing = this.#catalog.all.find((a) => a.fingerprint === prepared.fingerprint)
    if (existing) {
      const text = localText(existing.trashed ? 'messages.duplicateInTrash' : 'messages.duplicate', {
        name,
        title: existing.title,
      })
      return {
        name,
        status: 'duplicate',
        message: englishText(text),
        text,
        article: this.#catalog.copy(existing.id),
      }
    }
    const summary = await this.#addPrepared(id, prepared, fetched?.source ?? name, fetched?.fetched)
    const text = localText('messages.added', { name, title: summary.title })
    const added: ImportOutcome = {
      name,
      status: 'added',
      message: englishText(text),
      text,
      article: { ...summary },
    }
    if (prepared.notes.length > 0)
      added.notes = prepared.notes.map(named).map((note) => ({ message: englishText(note), text: note }))
    return added
  }

  /**
   * Writes an article the converter prepared: its file, then library.json
   * (the file removed again if that fails), then its search-index file.
   * Main's thread only writes text made elsewhere.
   */
  async #addPrepared(
    id: string,
    prepared: PreparedImport,
    source: string,
    fetched?: string,
  ): Promise<ArticleSummary> {
    const summary: ArticleSummary = {
      id,
      title: prepared.title,
      source,
      ...(fetched ? { fetched } : {}),
      date: prepared.date,
      added: this.#now().toISOString(),
      lang: prepared.lang,
      dir: prepared.dir,
      tags: [],
      fingerprint: prepared.fingerprint,
      chars: prepared.chars,
      annotationCount: 0,
      trashed: null,
    }
    // Checked again here: it crossed from the import worker, and library.json must hold only what its reader keeps.
    const { meta } = checkArticleMeta(prepared.meta)
    if (meta) summary.meta = meta
    await this.#written(source, async () => {
      await this.#files.createFromJson(id, prepared.articleJson)
      try {
        await this.#catalog.add([summary])
      } catch (error) {
        await this.#files.remove(id)
        throw error
      }
    })
    await this.#search.indexPrepared(id, prepared.indexJson)
    return summary
  }

  /** Runs an article's writes; a failure is the "could not be written to the library" error naming the file. */
  async #written(source: string, write: () => Promise<void>): Promise<void> {
    try {
      await write()
    } catch (err) {
      throw new HamishError(
        'storage',
        localText('messages.libraryWriteFailed', {
          name: source,
          detail: err instanceof Error ? err.message : String(err),
        }),
      )
    }
  }

  /**
   * Writes a new article (with any annotations it arrives with) and lists it:
   * its own file and annotation log first, then library.json; if a later
   * write fails the earlier are removed, so the library is as it was.
   */
  async addArticle(
    imported: ImportedArticle,
    source: string,
    fingerprint: string,
    annotations: Annotation[],
  ): Promise<ArticleSummary> {
    const id = newArticleId()
    const summary: ArticleSummary = {
      id,
      title: imported.title,
      source,
      date: imported.date,
      added: this.#now().toISOString(),
      lang: imported.lang,
      dir: imported.dir,
      tags: [],
      fingerprint,
      chars: codePointLength(plainText(imported.doc)),
      annotationCount: annotations.filter((a) => !a.deleted).length,
      trashed: null,
    }
    const { meta } = checkArticleMeta(imported.meta)
    if (meta) summary.meta = meta
    await this.#written(source, async () => {
      await this.#files.create(id, imported.doc)
      try {
        if (annotations.length > 0) await this.#logs.create(id, annotations)
        await this.#catalog.add([summary])
      } catch (error) {
        await this.#logs.remove(id)
        await this.#files.remove(id)
        throw error
      }
    })
    if (annotations.length > 0) this.#counts.changed(id, summary.annotationCount)
    await this.#search.indexArticle(id)
    return summary
  }

  /**
   * Deletes a trashed article for good. library.json forgets it first (an
   * acknowledged write), then its file goes, after any write still queued for
   * it; a crash in between leaves an unlisted file behind, never a listed
   * article without its text. Backups of its file stay in backups/ until
   * they age out, like every backup.
   */
  async deleteForever(id: string): Promise<void> {
    const summary = this.#catalog.summary(id)
    if (!summary.trashed)
      throw new HamishError('forbidden', localText('messages.deleteNotInTrash', { title: summary.title }))
    await this.#catalog.remove(id)
    await this.#settings.forgetReadingPosition(id)
    await this.#files.remove(id)
    await this.#logs.remove(id)
    this.#counts.forget(id)
    await this.#search.remove(id)
  }
}

/** A file the user cancelled: nothing of it was written. */
export function cancelledOutcome(name: string): ImportOutcome {
  const text = localText('messages.importCancelled', { name })
  return { name, status: 'cancelled', message: englishText(text), text, article: null }
}

/**
 * A sentence an importer worded for the file name it was given, naming the
 * outcome's name instead (a fetched PDF's address rather than the file
 * name it was read under), so every line of a page's report starts with
 * the address the report names; other sentences as they are.
 */
function byOutcomeName(text: LocalText, fileName: string, name: string): LocalText {
  if (fileName === name || text.values?.name !== fileName) return text
  return localText(text.key, { ...text.values, name })
}
