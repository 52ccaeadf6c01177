import { basename } from 'node:path'
import type { ImportFile, ImportOutcome } from '../../common/contract/article-import'
import type { Annotation } from '../../common/annotation'
import type { ArticleSummary, ImportedArticle } from '../../common/article'
import { HamishError } from '../../common/errors'
import { englishText, localText } from '../../common/i18n/local-text'
import { codePointLength, plainText } from '../../common/plain-text'
import { importFile } from '../import/import-file'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import { fingerprintOf, newArticleId } from './fingerprint'
import type { LibrarySearch } from './library-search'
import type { ReaderSettings } from './reader-settings'

/**
 * Articles coming into the library (an imported file, a colleague's
 * bundle) and leaving it for good. Rejected files and duplicates change
 * nothing on disk; an added article is acknowledged once both its own file
 * and the list are written; a deleted one leaves the list first.
 */
export class ArticleLifecycle {
  readonly #catalog: Catalog
  readonly #files: ArticleFiles
  readonly #search: LibrarySearch
  readonly #settings: ReaderSettings
  readonly #now: () => Date

  constructor(
    catalog: Catalog,
    files: ArticleFiles,
    search: LibrarySearch,
    settings: ReaderSettings,
    now: () => Date,
  ) {
    this.#catalog = catalog
    this.#files = files
    this.#search = search
    this.#settings = settings
    this.#now = now
  }

  async importFile(file: ImportFile): Promise<ImportOutcome> {
    const name = basename(file.name)
    let imported: ImportedArticle
    try {
      imported = importFile(name, file.bytes)
    } catch (err) {
      if (err instanceof HamishError)
        return { name, status: 'rejected', message: err.message, text: err.text, article: null }
      throw err
    }
    const fingerprint = fingerprintOf(imported.doc)
    const existing = this.#catalog.all.find((a) => a.fingerprint === fingerprint)
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
        article: { ...existing, tags: [...existing.tags] },
      }
    }
    const summary = await this.addArticle(imported, name, fingerprint, [])
    const text = localText('messages.added', { name, title: summary.title })
    return { name, status: 'added', message: englishText(text), text, article: { ...summary } }
  }

  /**
   * Writes a new article (with any annotations it arrives with) and lists it:
   * its own file first, then library.json; if the second write fails the
   * first is removed, so the library is as it was.
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
    try {
      await this.#files.create(id, imported.doc, annotations)
      try {
        await this.#catalog.add([summary])
      } catch (error) {
        await this.#files.remove(id)
        throw error
      }
    } catch (err) {
      throw new HamishError(
        'storage',
        localText('messages.libraryWriteFailed', {
          name: source,
          detail: err instanceof Error ? err.message : String(err),
        }),
      )
    }
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
    await this.#search.remove(id)
  }
}
