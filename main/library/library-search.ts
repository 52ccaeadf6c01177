import type { SearchOptions, SearchResult } from '../../common/contract/search'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { plainText } from '../../common/plain-text'
import type { RecoveryReport } from '../store/json-store'
import { runSerially } from '../store/serial-queue'
import type { StoreFs } from '../store/store-fs'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import type { LibraryPaths } from './library-paths'
import type { NoticeBoard } from './notice-board'
import { recoveryNotice } from './recovery-notices'
import { indexEntryOf, SearchIndexStore } from './search-index-store'

export type Outcome = { ok: true } | { ok: false; error: unknown }

/**
 * Library search: article text through the persisted index
 * (search-index/), titles and tags from the catalog, quotes, notes and tags
 * of live annotations; trashed articles are left out. The index is derived
 * from the article files: rebuilt from them when missing, damaged or
 * marked stale.
 */
export class LibrarySearch {
  readonly #paths: LibraryPaths
  readonly #fs: StoreFs | undefined
  readonly #catalog: Catalog
  readonly #files: ArticleFiles
  readonly #notices: NoticeBoard
  #store: SearchIndexStore | null = null

  constructor(
    paths: LibraryPaths,
    fs: StoreFs | undefined,
    catalog: Catalog,
    files: ArticleFiles,
    notices: NoticeBoard,
  ) {
    this.#paths = paths
    this.#fs = fs
    this.#catalog = catalog
    this.#files = files
    this.#notices = notices
  }

  /** The index store, opened (not loaded) on first use; article files are read only to rebuild it. */
  index(): SearchIndexStore {
    this.#store ??= new SearchIndexStore({
      dir: this.#paths.searchIndexDir,
      backupsDir: this.#paths.searchIndexBackupsDir,
      fs: this.#fs,
      onRecovered: (report: RecoveryReport) => {
        const { level, text } = recoveryNotice(report)
        this.#notices.add(level, text)
      },
      rebuild: async (id) => {
        const file = (await this.#files.store(id)).data
        return indexEntryOf(id, plainText(file.doc), file.annotations ?? [])
      },
      // The article's text is left out of search, once told: its file is missing, or damaged with no backup.
      onSkipped: (id, error) =>
        this.#notices.add(
          'error',
          localText('messages.searchSkipped', {
            title: this.#catalog.titleOf(id),
            why:
              error instanceof HamishError && error.text
                ? error.text
                : localText('messages.articleFileDamaged', { id }),
          }),
        ),
    })
    return this.#store
  }

  /**
   * Brings an article's index entry in step with its file. One article's
   * updates take turns, each from the file as it is when its turn comes, so
   * an update made from an older state can never land after a newer one. A
   * failed write marks the entry stale, so it is rebuilt from the article at
   * the next search instead of answering from the version before the change.
   */
  indexArticle(id: string): Promise<Outcome> {
    return runSerially(`search-index ${this.#paths.dir} ${id}`, async () => {
      const index = this.index()
      try {
        const file = (await this.#files.store(id)).data
        await index.put(indexEntryOf(id, plainText(file.doc), file.annotations ?? []))
        return { ok: true }
      } catch (error) {
        await index.markStale(id).catch(() => undefined)
        return { ok: false, error }
      }
    })
  }

  /** Forgets an article deleted for good; a failure only leaves a file the next rebuild ignores. */
  async remove(id: string): Promise<void> {
    await this.index()
      .remove(id)
      .catch(() => undefined)
  }

  async search(query: string, options: SearchOptions): Promise<SearchResult[]> {
    const articles = this.#catalog.all
    const engine = await this.index().ensure(articles.filter((a) => !a.trashed).map((a) => a.id))
    return engine.search(query, articles, options)
  }
}
