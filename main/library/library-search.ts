import type { Annotation } from '../../common/annotation'
import type { SearchOptions, SearchResult } from '../../common/contract/search'
import type { IndexedAnnotation } from '../../common/search/engine'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { plainText } from '../../common/plain-text'
import type { RecoveryReport } from '../store/json-store'
import { runSerially } from '../store/serial-queue'
import { nodeFs, type StoreFs } from '../store/store-fs'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import type { ArticleFile } from './library-data'
import type { ChangeFeed } from './change-feed'
import type { LibraryPaths } from './library-paths'
import type { NoticeBoard } from './notice-board'
import { recoveryNotice } from './recovery-notices'
import { indexedAnnotation, SearchIndexStore } from './search-index-store'
import { writeFailureReason } from './write-failure'

/** What library search works with. */
export interface SearchDeps {
  paths: LibraryPaths
  fs: StoreFs | undefined
  catalog: Catalog
  files: ArticleFiles
  notices: NoticeBoard
  feed: ChangeFeed
  /** An article's annotations as saved, tombstones included (from its log). */
  annotations: (id: string) => Promise<readonly Annotation[]>
}

/**
 * Library search: article text through the persisted index
 * (search-index/, an article's text postings, written at import), titles and
 * tags from the catalog, and the quotes, notes and tags of live annotations,
 * which are never written to the index: they are read from the annotation
 * logs when an article is first searched and then follow the change feed,
 * each changed annotation's words prepared again and no other's. So a
 * saved change is in the next search whatever happened after its save,
 * with nothing to repair. Trashed articles are left out.
 */
export class LibrarySearch {
  readonly #paths: LibraryPaths
  readonly #fs: StoreFs | undefined
  readonly #catalog: Catalog
  readonly #files: ArticleFiles
  readonly #notices: NoticeBoard
  readonly #annotations: (id: string) => Promise<readonly Annotation[]>
  /** Each annotation version's words as the engine searches them, prepared once per version. */
  readonly #indexed = new WeakMap<Annotation, IndexedAnnotation>()
  /** Articles whose annotations changed since the engine last took them. */
  readonly #changed = new Set<string>()
  #store: SearchIndexStore | null = null

  constructor(deps: SearchDeps) {
    this.#paths = deps.paths
    this.#fs = deps.fs
    this.#catalog = deps.catalog
    this.#files = deps.files
    this.#notices = deps.notices
    this.#annotations = deps.annotations
    deps.feed.subscribe((change) => {
      if (change.kind === 'annotations-changed') this.#changed.add(change.articleId)
    })
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
        return { id, text: plainText(file.doc), annotations: [] }
      },
      text: async (id) => {
        // Read as bytes and decoded in one native call (a string read goes through a chunked decoder).
        const bytes = await (this.#fs ?? nodeFs).readFile(this.#paths.articleFile(id))
        const file = JSON.parse(Buffer.from(bytes).toString('utf8')) as ArticleFile
        return plainText(file.doc)
      },
      annotations: (id) => this.#annotationsOf(id),
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
   * Writes a new article's text postings. A failed write is told (the
   * article is still searched: its text is indexed again from its file at
   * the next search) and leaves no file that could be taken for current.
   */
  indexArticle(id: string): Promise<void> {
    return this.#writeIndex(id, async (index) => {
      const file = (await this.#files.store(id)).data
      await index.put({ id, text: plainText(file.doc), annotations: await this.#annotationsOf(id) })
    })
  }

  /**
   * Writes a new article's index file as the import worker prepared it
   * (`encodedIndexFile`); a failure is told and handled as `indexArticle`'s.
   */
  indexPrepared(id: string, json: Uint8Array): Promise<void> {
    return this.#writeIndex(id, (index) => index.putEncoded(id, json))
  }

  #writeIndex(id: string, write: (index: SearchIndexStore) => Promise<void>): Promise<void> {
    return runSerially(`search-index ${this.#paths.dir} ${id}`, async () => {
      const index = this.index()
      try {
        await write(index)
      } catch (error) {
        await index.markStale(id).catch(() => undefined)
        this.#notices.addOnce(
          'warning',
          localText('messages.searchIndexNotWritten', {
            title: this.#catalog.titleOf(id),
            why:
              writeFailureReason(error, this.#paths.dir) ??
              localText('messages.writeFailedCode', {
                code: error instanceof Error ? error.name : 'unknown',
              }),
          }),
        )
      }
    })
  }

  /** Forgets an article deleted for good; a failure only leaves a file the next rebuild ignores. */
  async remove(id: string): Promise<void> {
    this.#changed.delete(id)
    await this.index()
      .remove(id)
      .catch(() => undefined)
  }

  async search(query: string, options: SearchOptions): Promise<SearchResult[]> {
    const articles = this.#catalog.all
    const index = this.index()
    for (const id of [...this.#changed]) {
      this.#changed.delete(id)
      await index.setAnnotations(id, await this.#annotationsOf(id))
    }
    const engine = await index.ensure(articles.filter((a) => !a.trashed).map((a) => a.id))
    // Only the texts this answer checks or shows are read, once each; then it is made again with them
    // (again only if reading changed what is on the page: a text that was not the one indexed).
    for (let round = 0; ; round++) {
      const missing = new Set<string>()
      const results = engine.search(query, articles, options, missing)
      if (missing.size === 0 || round === 2) return results
      await index.ensureTexts([...missing])
    }
  }

  /** An article's live annotations as the engine searches them; only versions not seen before are prepared. */
  async #annotationsOf(id: string): Promise<IndexedAnnotation[]> {
    const all = await this.#annotations(id)
    return all
      .filter((a) => !a.deleted)
      .map((a) => {
        let indexed = this.#indexed.get(a)
        if (!indexed) {
          indexed = indexedAnnotation(a)
          this.#indexed.set(a, indexed)
        }
        return indexed
      })
  }
}
