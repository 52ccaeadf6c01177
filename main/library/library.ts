import { mkdir } from 'node:fs/promises'
import { convertInProcess, type ImportConverter } from '../import/import-converter'
import type {
  AnnotationImportRequest,
  AnnotationImportResult,
  ConflictResolution,
} from '../../common/contract/annotation-import'
import type {
  FetchedFile,
  ImportFile,
  ImportOutcome,
  PlannedImport,
} from '../../common/contract/article-import'
import { HamishError } from '../../common/errors'
import type { FetchPageOptions } from '../import/fetch-page'
import { asPageOutcome } from '../import/page-refusal'
import { fetchedFile } from '../import/fetched-file'
import { withDocumentNote } from '../import/document-note'
import { ImportCancelled } from '../import/import-cancelled'
import type { Notice } from '../../common/contract/notice'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { checkArticleMeta } from '../../common/article-meta-check'
import type { ArticleMeta } from '../../common/article-meta'
import type { SearchOptions, SearchResult } from '../../common/contract/search'
import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationPatch,
  NewAnnotation,
  NewNote,
  Profile,
} from '../../common/annotation'
import type { Article, ArticleSummary, ImportedArticle, ReadingSettings } from '../../common/article'
import { mergeAnnotations, type MergeReport } from '../../common/sharing/merge'
import type { ConflictChoice } from '../../common/sharing'
import { PRIVATE_DIR_MODE } from '../store/file-modes'
import { openJsonStore, type JsonStore } from '../store/json-store'
import type { StoreFs } from '../store/store-fs'
import { AnnotationCounts } from './annotation-counts'
import { AnnotationLogs } from './annotation-logs'
import { moveAllAnnotationsToLogs } from './annotation-migration'
import { AnnotationService, type EditRights } from './annotation-service'
import { ArticleFiles } from './article-files'
import { ArticleLifecycle, cancelledOutcome } from './article-lifecycle'
import { Catalog } from './catalog'
import { ChangeFeed } from './change-feed'
import type { ExportedFile } from '../export/exporter'
import { emptyLibrary, isLibraryData, type LibraryData } from './library-data'
import { lockLibrary } from './library-lock'
import { libraryPaths, type LibraryPaths } from './library-paths'
import { LibrarySearch } from './library-search'
import { removeStaleTempsIn } from './library-temps'
import { NoticeBoard } from './notice-board'
import { ReaderSettings } from './reader-settings'
import { ReadingPositions } from './reading-positions'
import { duplicatesNotice, logRepairNotice, recoveryNotice, relistedNotice } from './recovery-notices'
import { unlistedArticles } from './relist-articles'
import type { SearchIndexStore } from './search-index-store'
import { SharingService } from './sharing-service'
import { UnfinishedImports } from './unfinished-imports'

export interface LibraryOptions {
  /** The sample article put into a brand-new library (assets/sample). */
  sample?: ImportFile
  /** Skip the sample even for a new library (tests that start empty). */
  noSample?: boolean
  /** Clock, for tests. */
  now?: () => Date
  /** File-system calls for every library file (tests inject failures: a full disk, a read-only one). */
  fs?: StoreFs
  /**
   * How imported files are converted: the app and the preview pass
   * `convertInWorker` (main's event loop keeps answering); default in process (the CLI).
   */
  convert?: ImportConverter
}

/**
 * The library on disk, as one facade over its services: the catalog (the
 * article list), the reader's settings, article files, annotations, sharing,
 * search, notices and the change feed they publish on. Plain Node: the app,
 * the CLI and the preview use it alike. Each service owns one concept; this
 * class only opens the library, wires the services and hands calls on.
 */
export class Library {
  readonly paths: LibraryPaths
  /** Every acknowledged change, for the search index, the renderer and, next, the team library. */
  readonly changes: ChangeFeed
  readonly #notices: NoticeBoard
  readonly #catalog: Catalog
  readonly #settings: ReaderSettings
  readonly #files: ArticleFiles
  readonly #logs: AnnotationLogs
  readonly #counts: AnnotationCounts
  readonly #search: LibrarySearch
  readonly #annotations: AnnotationService
  readonly #lifecycle: ArticleLifecycle
  readonly #sharing: SharingService
  readonly #unfinished: UnfinishedImports

  private constructor(
    paths: LibraryPaths,
    store: JsonStore<LibraryData>,
    positions: ReadingPositions,
    notices: NoticeBoard,
    unfinished: UnfinishedImports,
    options: LibraryOptions,
  ) {
    const now = options.now ?? (() => new Date())
    this.paths = paths
    this.changes = new ChangeFeed((error) => console.error('hamish: a change listener failed:', error))
    this.#notices = notices
    this.#unfinished = unfinished
    notices.connect(this.changes)
    this.#logs = new AnnotationLogs(paths, {
      fs: options.fs,
      onRepaired: (repair, id) => {
        const { level, text } = logRepairNotice(repair, this.#catalog.titleOf(id))
        notices.add(level, text)
      },
      onCompactionFailed: (error, id) =>
        console.error(`hamish: compacting the annotation log of ${id} failed:`, error),
    })
    this.#counts = new AnnotationCounts(paths, this.#logs, options.fs)
    this.#catalog = new Catalog(store, this.changes, paths.dir, now, (id) => this.#counts.of(id))
    this.#settings = new ReaderSettings(store, positions, this.#catalog, this.changes, paths.dir)
    this.#files = new ArticleFiles(paths, options.fs, (report, id) => {
      const { level, text } = recoveryNotice(report, this.#catalog.titleOf(id))
      notices.add(level, text)
    })
    this.#annotations = new AnnotationService({
      libraryDir: paths.dir,
      now,
      catalog: this.#catalog,
      files: this.#files,
      logs: this.#logs,
      counts: this.#counts,
      settings: this.#settings,
      feed: this.changes,
    })
    this.#search = new LibrarySearch({
      paths,
      fs: options.fs,
      catalog: this.#catalog,
      files: this.#files,
      notices,
      feed: this.changes,
      // From the logs alone: searching never reads an article's text file.
      annotations: async (id) => (await this.#logs.log(id)).all(),
    })
    this.#lifecycle = new ArticleLifecycle({
      catalog: this.#catalog,
      files: this.#files,
      logs: this.#logs,
      counts: this.#counts,
      search: this.#search,
      settings: this.#settings,
      now,
      convert: options.convert ?? convertInProcess,
    })
    this.#sharing = new SharingService({
      now,
      catalog: this.#catalog,
      files: this.#files,
      annotations: this.#annotations,
      lifecycle: this.#lifecycle,
      settings: this.#settings,
    })
  }

  /** Opens (or creates) the library in `dir`; a new library gets the sample article. */
  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const paths = libraryPaths(dir)
    // 0700: only the user reads the library (files are written 0600, main/store/file-modes.ts).
    await mkdir(paths.articlesDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    await mkdir(paths.backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    await mkdir(paths.annotationsDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    lockLibrary(paths.dir)
    await removeStaleTempsIn(paths)
    const notices = new NoticeBoard(options.now ?? (() => new Date()))
    let lostSomething = false
    const store = await openJsonStore<LibraryData>(paths.libraryFile, {
      defaults: emptyLibrary,
      backupsDir: paths.backupsDir,
      validate: isLibraryData,
      pretty: true,
      fs: options.fs,
      onRecovered: (report) => {
        lostSomething = !report.nothingLost
        const { level, text } = recoveryNotice(report)
        notices.add(level, text)
      },
    })
    const positions = await ReadingPositions.open(paths, store.data.positions, {
      fs: options.fs,
      onRecovered: (report) => {
        const { level, text } = recoveryNotice(report)
        notices.add(level, text)
      },
    })
    const unfinished = await UnfinishedImports.open(paths.dir, options.fs)
    const library = new Library(paths, store, positions, notices, unfinished, options)
    // Only a library.json restored from an older copy (or started empty) in this open may have lost
    // articles; an intact one, or its last saved state, is the truth, so a file left behind by
    // "delete forever" or by an import that crashed before listing it stays unlisted.
    if (lostSomething) await library.#relistUnlisted()
    await library.#checkStoredMeta(store)
    await library.#convertToAnnotationLogs(store)
    await library.#counts.reconcile(library.#catalog.all.map((a) => a.id))
    if (!store.data.sampleSeeded) {
      if (options.sample && !options.noSample) {
        const outcome = await library.importFile(options.sample)
        if (outcome.status === 'rejected')
          throw new Error(`the sample article failed to import: ${outcome.message}`)
      }
      await store.update((d) => {
        d.sampleSeeded = true
      })
    }
    return library
  }

  /**
   * After library.json was recovered: lists again every readable article file
   * it does not list (articles added after the restored backup), with a
   * summary rebuilt from the file, in one acknowledged write, and tells the
   * user which. Article files are only read, never changed.
   */
  async #relistUnlisted(): Promise<void> {
    const { found, duplicates } = await unlistedArticles(
      this.paths.articlesDir,
      this.#catalog.all,
      async (id) => (await this.#logs.log(id)).liveCount(),
    )
    if (duplicates.length > 0) this.#notices.add('warning', duplicatesNotice(duplicates))
    if (found.length === 0) return
    await this.#catalog.add(found)
    this.#notices.add('warning', relistedNotice(found))
  }

  /**
   * Each article's metadata checked field by field (common/article-meta-check.ts):
   * a bad field is dropped and the user told which, instead of library.json
   * being taken as damaged and an older copy restored for one wrong author.
   */
  async #checkStoredMeta(store: JsonStore<LibraryData>): Promise<void> {
    const damaged = store.data.articles
      .map((a) => ({ title: a.title, dropped: checkArticleMeta(a.meta).dropped }))
      .filter((a) => a.dropped.length > 0)
    if (damaged.length === 0) return
    await store.update((d) => {
      for (const a of d.articles) {
        const { meta } = checkArticleMeta(a.meta)
        if (meta) a.meta = meta
        else delete a.meta
      }
    })
    for (const a of damaged)
      this.#notices.add(
        'warning',
        localText('messages.metaFieldsDropped', {
          title: a.title,
          fields: a.dropped.join(', '),
        }),
      )
  }

  /**
   * A library from before annotation logs has every article's annotations
   * moved out of its file into its log, once (annotation-migration.ts).
   */
  async #convertToAnnotationLogs(store: JsonStore<LibraryData>): Promise<void> {
    if (store.data.annotationsIn === 'logs') return
    const ids = this.#catalog.all.map((a) => a.id)
    await moveAllAnnotationsToLogs(ids, this.#files, this.#logs, this.paths.articlesDir)
    await store.update((d) => {
      d.annotationsIn = 'logs'
    })
  }

  /**
   * Writes what is held only in memory and waiting (the annotation counts),
   * for a clean exit; a library closed without it only recounts at its next open.
   */
  flush(): Promise<void> {
    return this.#counts.flush()
  }

  // The catalog.
  listArticles(): ArticleSummary[] {
    return this.#catalog.list()
  }
  renameArticle(id: string, title: string): Promise<ArticleSummary> {
    return this.#catalog.renameArticle(id, title)
  }
  setArticleMeta(id: string, meta: ArticleMeta): Promise<ArticleSummary> {
    return this.#catalog.setArticleMeta(id, meta)
  }
  setArticleTags(id: string, tags: string[], base?: string[]): Promise<ArticleSummary> {
    return this.#catalog.setArticleTags(id, tags, base)
  }
  trashArticle(id: string): Promise<ArticleSummary> {
    return this.#catalog.trashArticle(id)
  }
  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.#catalog.restoreArticle(id)
  }

  // Articles coming and going.
  /**
   * Imports one file. With a ticket from `planImports`, it can be cancelled
   * (`cancelImports`) and leaves the list of unfinished imports once it lands.
   */
  async importFile(file: ImportFile): Promise<ImportOutcome> {
    const { ticket } = file
    if (ticket === undefined) return this.#lifecycle.importFile(file)
    try {
      return await this.#lifecycle.importFile(file, this.#unfinished.start(ticket))
    } finally {
      await this.#unfinished.landed(ticket)
    }
  }
  /**
   * Saves a page from its web address: fetched here in main (fetch-page.ts:
   * http(s) only, private networks only when `allowPrivate`, redirects,
   * size and time bounded), then imported like a file. A refused fetch is a
   * rejected outcome naming the address; nothing is stored. The outcome
   * lists the redirects followed.
   */
  async importAddress(
    address: string,
    options: FetchPageOptions = {},
    ticket?: string,
  ): Promise<ImportOutcome> {
    if (ticket === undefined) return this.#importAddress(address, options)
    // The confirmed second call for a private address reuses the ticket its refused first call landed.
    await this.#unfinished.relist(ticket)
    try {
      return await this.#importAddress(address, { ...options, signal: this.#unfinished.start(ticket) })
    } finally {
      await this.#unfinished.landed(ticket)
    }
  }
  async #importAddress(address: string, options: FetchPageOptions): Promise<ImportOutcome> {
    let file: FetchedFile
    try {
      file = await fetchedFile(address, options)
    } catch (err) {
      if (err instanceof ImportCancelled) return cancelledOutcome(address)
      if (err instanceof HamishError)
        return { name: address, status: 'rejected', message: err.message, text: err.text, article: null }
      throw err
    }
    const outcome = asPageOutcome(await this.#lifecycle.importFile(file, options.signal))
    return withDocumentNote({ ...outcome, redirects: file.redirects }, file)
  }
  /** Records a batch's files (names and sizes) as unfinished before it starts: a ticket each. */
  planImports(files: PlannedImport[]): Promise<string[]> {
    return this.#unfinished.plan(files)
  }
  /** Cancels these tickets' imports: the running one writes nothing, the others are not imported. */
  cancelImports(tickets: string[]): Promise<void> {
    return this.#unfinished.cancel(tickets)
  }
  /** The files the last session planned and did not finish importing (the window closed mid-import). */
  listUnfinishedImports(): PlannedImport[] {
    return this.#unfinished.leftOver()
  }
  dismissUnfinishedImports(): Promise<void> {
    return this.#unfinished.dismiss()
  }
  deleteArticleForever(id: string): Promise<void> {
    return this.#lifecycle.deleteForever(id)
  }

  /** One article's summary (with its metadata) without reading its text: what a citation needs. */
  getSummary(id: string): ArticleSummary {
    return this.#catalog.copy(id)
  }

  /** One article with its document and its live annotations, anchored afresh in its text. */
  async getArticle(id: string): Promise<Article> {
    const summary = this.#catalog.copy(id)
    const file = (await this.#files.store(id)).data
    const annotations = await this.#annotations.live(id)
    return { summary, doc: file.doc, annotations, ...(file.pdfPages ? { pdfPages: file.pdfPages } : {}) }
  }

  // Annotations.
  listAnnotations(id: string, options: { includeDeleted?: boolean } = {}): Promise<AnchoredAnnotation[]> {
    return this.#annotations.list(id, options)
  }
  addAnnotation(req: NewAnnotation): Promise<AnchoredAnnotation> {
    return this.#annotations.add(req)
  }
  /** A note about the whole article, or a reply to one of its annotations (AnnotationService.addNote). */
  addNote(req: NewNote): Promise<AnchoredAnnotation> {
    return this.#annotations.addNote(req)
  }
  updateAnnotation(
    articleId: string,
    annotationId: string,
    patch: AnnotationPatch,
    basedOn?: string,
  ): Promise<AnchoredAnnotation> {
    return this.#annotations.update(articleId, annotationId, patch, basedOn)
  }
  deleteAnnotation(articleId: string, annotationId: string): Promise<void> {
    return this.#annotations.delete(articleId, annotationId)
  }
  restoreAnnotation(articleId: string, annotationId: string): Promise<AnchoredAnnotation> {
    return this.#annotations.restore(articleId, annotationId)
  }

  // Sharing.
  exportAnnotationFile(articleId: string, options: { bundle: boolean }): Promise<ExportedFile> {
    return this.#sharing.exportAnnotationFile(articleId, options)
  }
  importAnnotationFile(req: AnnotationImportRequest): Promise<AnnotationImportResult> {
    return this.#sharing.importAnnotationFile(req)
  }
  resolveAnnotationConflict(
    articleId: string,
    annotationId: string,
    versionId: string,
    choice: ConflictChoice,
  ): Promise<ConflictResolution> {
    return this.#sharing.resolveAnnotationConflict(articleId, annotationId, versionId, choice)
  }

  // For the team library (main/team): an article's stored annotations and text, a merge of a
  // team's annotations into it, and a shared article added from the team folder.
  /** Every annotation as stored, tombstones included, with the article's document and plain text prepared. */
  storedAnnotations(articleId: string): ReturnType<AnnotationService['stored']> {
    this.#catalog.summary(articleId)
    return this.#annotations.stored(articleId)
  }
  /**
   * Merges annotations from elsewhere (a team's files) into an article in one
   * change, with the sharing merge (lineage, tombstones, both versions of a
   * conflict kept); the report of what it did to each id.
   */
  mergeAnnotationsInto(articleId: string, incoming: readonly Annotation[]): Promise<MergeReport> {
    return this.#annotations.change(articleId, (draft) => {
      const { merged, report } = mergeAnnotations(draft.all(), incoming, { showLocal: true })
      for (const a of merged) draft.put(a)
      return report
    })
  }
  /** Who may change which annotations (the team service: only your own, on a shared article). */
  setEditRights(rights: EditRights | null): void {
    this.#annotations.setEditRights(rights)
  }
  /** Adds an article that came from elsewhere (a team folder), without annotations; its summary. */
  addArticleFrom(imported: ImportedArticle, source: string, fingerprint: string): Promise<ArticleSummary> {
    return this.#lifecycle.addArticle(imported, source, fingerprint, [])
  }

  // Search.
  search(query: string, options: SearchOptions): Promise<SearchResult[]> {
    return this.#search.search(query, options)
  }
  /** The search index store (tests look inside it). */
  searchIndex(): SearchIndexStore {
    return this.#search.index()
  }

  // Settings, profile, reading positions.
  getSettings(): ReadingSettings {
    return this.#settings.getSettings()
  }
  updateSettings(patch: Partial<ReadingSettings>): Promise<ReadingSettings> {
    return this.#settings.updateSettings(patch)
  }
  getReadingPosition(id: string): number | null {
    return this.#settings.getReadingPosition(id)
  }
  setReadingPosition(id: string, offset: number): Promise<void> {
    return this.#settings.setReadingPosition(id, offset)
  }
  getProfile(): Promise<Profile> {
    return this.#settings.getProfile()
  }
  setDisplayName(name: string): Promise<Profile> {
    return this.#settings.setDisplayName(name)
  }

  // Notices.
  listNotices(): Notice[] {
    return this.#notices.list()
  }
  /** Tells the user something no action of theirs answered (the team folder gone: sync paused); the notice's id, to dismiss it when it no longer holds. */
  notify(level: Notice['level'], text: LocalText): string {
    return this.#notices.add(level, text).id
  }
  dismissNotice(id: string): void {
    this.#notices.dismiss(id)
  }
}
