import { randomUUID } from 'node:crypto'
import { uniqueTags } from '../../common/tags'
import { mergeTagEdit } from '../../common/tag-merge'
import { mkdir, rm } from 'node:fs/promises'
import { basename } from 'node:path'
import { userInfo } from 'node:os'
import type {
  AnnotationImportRequest,
  AnnotationImportResult,
  ConflictResolution,
  ImportFile,
  ImportOutcome,
  Notice,
  SearchOptions,
  SearchResult,
} from '../../common/api'
import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationPatch,
  NewAnnotation,
  Profile,
} from '../../common/annotation'
import { prepareText, type AnchorText } from '../../common/anchoring'
import {
  mergeAnnotations,
  orphanedAfterMerge,
  resolveConflict,
  suggestArticles,
  toAnnotationCollection,
  type ConflictChoice,
  type Rejection,
} from '../../common/sharing'
import { refuseNewOwn } from './own-annotations'
import {
  DEFAULT_SETTINGS,
  type Article,
  type ArticleSummary,
  type ImportedArticle,
  type ReadingSettings,
} from '../../common/article'
import { HamishError } from '../../common/errors'
import { codePointLength, plainText } from '../../common/plain-text'
import { importFile } from '../import/import-file'
import { PRIVATE_DIR_MODE } from '../store/file-modes'
import { openJsonStore, type JsonStore, type RecoveryReport } from '../store/json-store'
import { runSerially } from '../store/serial-queue'
import { anchored, anchorLive, createAnnotation, patchAnnotation, withDeleted } from './annotations'
import { annotationFileName, readAnnotationFileBytes } from './annotation-files'
import { GENERATOR, type ExportedFile } from '../export/exporter'
import { fingerprintOf, newArticleId } from './fingerprint'
import {
  emptyLibrary,
  isArticleFile,
  isLibraryData,
  type ArticleFile,
  type LibraryData,
} from './library-data'
import { DerivedPending } from './derived-pending'
import { lockLibrary } from './library-lock'
import { libraryPaths, type LibraryPaths } from './library-paths'
import { removeStaleTempsIn } from './library-temps'
import { unlistedArticles, type UnlistedDuplicate } from './relist-articles'
import { indexEntryOf, SearchIndexStore } from './search-index-store'
import { englishText, localText, type LocalText, type LocalTextKey } from '../../common/i18n/local-text'
import type { StoreFs } from '../store/store-fs'
import { retriedAnnotation } from './retried-add'
import { notSavedError, writeFailureReason } from './write-failure'

export interface LibraryOptions {
  /** The sample article put into a brand-new library (assets/sample). */
  sample?: ImportFile
  /** Skip the sample even for a new library (tests that start empty). */
  noSample?: boolean
  /** Clock, for tests. */
  now?: () => Date
  /** File-system calls for every library file (tests inject failures: a full disk, a read-only one). */
  fs?: StoreFs
}

/**
 * The library on disk: library.json for the list and settings, one file per
 * article. Every change is an acknowledged write (the promise settles after
 * the rename), and a damaged file is moved aside and reported as a notice,
 * never overwritten. Plain Node: the app, the CLI and the preview use it alike.
 */
export class Library {
  readonly paths: LibraryPaths
  private readonly index: JsonStore<LibraryData>
  private readonly articleStores = new Map<string, Promise<JsonStore<ArticleFile>>>()
  /** Plain text prepared for anchoring, per article: built on first need, reused for every annotation. */
  private readonly preparedTexts = new Map<string, AnchorText>()
  private readonly notices: Notice[]
  private readonly now: () => Date
  private readonly fs: StoreFs | undefined
  /** The persisted search index (search-index/), opened on first use. */
  private searchIndexStore: SearchIndexStore | null = null
  /** Articles whose count or search index may be behind their file, marked on disk until caught up. */
  private readonly derivedPending: DerivedPending

  private constructor(
    paths: LibraryPaths,
    index: JsonStore<LibraryData>,
    notices: Notice[],
    now: () => Date,
    fs?: StoreFs,
  ) {
    this.paths = paths
    this.index = index
    this.notices = notices
    this.now = now
    this.fs = fs
    this.derivedPending = new DerivedPending(paths.articlesDir)
  }

  /** Opens (or creates) the library in `dir`; a new library gets the sample article. */
  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const paths = libraryPaths(dir)
    const now = options.now ?? (() => new Date())
    // 0700: only the user reads the library (files are written 0600, main/store/file-modes.ts).
    await mkdir(paths.articlesDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    await mkdir(paths.backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    lockLibrary(paths.dir)
    await removeStaleTempsIn(paths)
    const notices: Notice[] = []
    let lostSomething = false
    const index = await openJsonStore<LibraryData>(paths.libraryFile, {
      defaults: emptyLibrary,
      backupsDir: paths.backupsDir,
      validate: isLibraryData,
      pretty: true,
      fs: options.fs,
      onRecovered: (report) => {
        lostSomething = !report.nothingLost
        notices.push(recoveryNotice(report, now()))
      },
    })
    const library = new Library(paths, index, notices, now, options.fs)
    // Only a library.json restored from an older copy (or started empty) in this open may have lost
    // articles; an intact one, or its last saved state, is the truth, so a file left behind by
    // "delete forever" or by an import that crashed before listing it stays unlisted.
    if (lostSomething) await library.relistUnlisted()
    await library.repairDerived()
    if (!index.data.sampleSeeded) {
      if (options.sample && !options.noSample) {
        const outcome = await library.importFile(options.sample)
        if (outcome.status === 'rejected')
          throw new Error(`the sample article failed to import: ${outcome.message}`)
      }
      await index.update((d) => {
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
  private async relistUnlisted(): Promise<void> {
    const { found, duplicates } = await unlistedArticles(this.paths.articlesDir, this.index.data.articles)
    if (duplicates.length > 0) this.notices.push(duplicatesNotice(duplicates, this.now()))
    if (found.length === 0) return
    await this.index.update((d) => {
      d.articles.push(...found)
    })
    const text = localText('messages.articlesRelisted', {
      count: found.length,
      // A notice's list of texts holds at most 20 (isWellFormedText); the count says how many in all.
      titles: found
        .slice(0, 20)
        .map((a) => localText('messages.relistedTitle', { title: a.title, file: `articles/${a.id}.json` })),
    })
    this.notices.push({
      id: `notice-${++noticeCounter}`,
      level: 'warning',
      message: englishText(text),
      text,
      at: this.now().toISOString(),
    })
  }

  /** Every article, trashed ones included (the renderer shows those in the trash). */
  listArticles(): ArticleSummary[] {
    return this.index.data.articles.map((a) => ({ ...a, tags: [...a.tags] }))
  }

  private summary(id: string): ArticleSummary {
    const found = this.index.data.articles.find((a) => a.id === id)
    if (!found) throw new HamishError('not-found', localText('messages.articleNotFound', { id }))
    return found
  }

  /** An article's title for a sentence about it, or its id once it is no longer listed. */
  private titleOf(id: string): string {
    return this.index.data.articles.find((a) => a.id === id)?.title ?? id
  }

  private articleStore(id: string): Promise<JsonStore<ArticleFile>> {
    const cached = this.articleStores.get(id)
    if (cached) return cached
    const store = openJsonStore<ArticleFile>(this.paths.articleFile(id), {
      defaults: () => {
        throw new HamishError('storage', localText('messages.articleFileDamaged', { id }))
      },
      backupsDir: this.paths.backupsDir,
      validate: isArticleFile(id),
      fs: this.fs,
      onRecovered: (report: RecoveryReport) =>
        this.notices.push(recoveryNotice(report, this.now(), this.titleOf(id))),
    })
    store.catch(() => this.articleStores.delete(id))
    this.articleStores.set(id, store)
    return store
  }

  /** One article with its document and its live annotations, anchored afresh in its text. */
  async getArticle(id: string): Promise<Article> {
    const summary = this.summary(id)
    const file = await this.articleStore(id)
    const annotations = anchorLive(this.prepared(id, file.data), file.data.annotations ?? [])
    return { summary: { ...summary, tags: [...summary.tags] }, doc: file.data.doc, annotations }
  }

  private prepared(id: string, file: Readonly<ArticleFile>): AnchorText {
    let prepared = this.preparedTexts.get(id)
    if (!prepared) {
      prepared = prepareText(plainText(file.doc))
      this.preparedTexts.set(id, prepared)
    }
    return prepared
  }

  /** Every annotation of an article, tombstones included (the CLI and, later, sharing use this). */
  async listAnnotations(
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<AnchoredAnnotation[]> {
    this.summary(id)
    const file = await this.articleStore(id)
    const all = file.data.annotations ?? []
    if (!options.includeDeleted) return anchorLive(this.prepared(id, file.data), all)
    return all.map((a) => anchored(this.prepared(id, file.data), a))
  }

  /** The author identity annotations are signed with; made and saved on first use. */
  async getProfile(): Promise<Profile> {
    let profile = this.index.data.profile
    if (!profile) {
      const made = { authorId: randomAuthorId(), displayName: null }
      await this.index.update((d) => {
        d.profile = d.profile ?? made
      })
      profile = this.index.data.profile!
    }
    return { authorId: profile.authorId, displayName: profile.displayName ?? osUserName() }
  }

  async setDisplayName(name: string): Promise<Profile> {
    const { authorId } = await this.getProfile()
    await this.index.update((d) => {
      d.profile = { authorId, displayName: name }
    })
    return this.getProfile()
  }

  /**
   * Runs one change on an article's annotations as one acknowledged write of
   * its file: if that write fails nothing was saved, and the error says so
   * and why (a full disk is named). Once it is written the change is saved,
   * and the call succeeds whatever follows: the search index and the library
   * list's count are derived from that file, so a failure to bring them up to
   * date is told as a notice (saved, but behind), never as "not changed".
   */
  private async changeAnnotations<T>(
    articleId: string,
    change: (annotations: Annotation[], text: AnchorText) => T,
  ): Promise<T> {
    this.summary(articleId)
    const store = await this.articleStore(articleId)
    const prepared = this.prepared(articleId, store.data)
    let result: T | undefined
    try {
      // Marked before the article's write, so a crash after it leaves the mark for the repair at open.
      await this.derivedPending.begin(articleId)
      await store.update((file) => {
        file.annotations = file.annotations ?? []
        result = change(file.annotations, prepared)
      })
    } catch (error) {
      await this.derivedPending.end(articleId, true).catch(() => undefined)
      throw notSavedError(error, this.paths.dir)
    }
    const indexed = await this.indexArticle(articleId)
    if (!indexed.ok) this.warnBehind('messages.searchIndexBehind', articleId, indexed.error)
    const counted = await this.updateCount(articleId)
    if (!counted.ok) this.warnBehind('messages.countBehind', articleId, counted.error)
    await this.derivedPending.end(articleId, indexed.ok && counted.ok).catch(() => undefined)
    return result as T
  }

  /**
   * Brings the library list's annotation count of an article in line with
   * its file. One article's count updates take turns and each counts the
   * file as it is when its turn comes: two overlapping changes (an add and a
   * delete) could otherwise each compare against a list the other was about
   * to write, and leave it one off.
   */
  private updateCount(articleId: string): Promise<{ ok: true } | { ok: false; error: unknown }> {
    return runSerially(`annotation-count ${this.paths.dir} ${articleId}`, async () => {
      try {
        const file = (await this.articleStore(articleId)).data
        const count = (file.annotations ?? []).filter((a) => !a.deleted).length
        if (this.summary(articleId).annotationCount === count) return { ok: true }
        await this.index.update((d) => {
          const a = d.articles.find((x) => x.id === articleId)
          if (a) a.annotationCount = count
        })
        return { ok: true }
      } catch (error) {
        return { ok: false, error }
      }
    })
  }

  /**
   * At open: every article still marked (a crash or a failed write came
   * between its annotation change and the count or index that follow from
   * it) gets its count recomputed and its search index rebuilt from its
   * file, which is the truth; the mark goes once both are written. An
   * article that cannot be read keeps its mark (its own notice says why).
   */
  private async repairDerived(): Promise<void> {
    for (const id of await this.derivedPending.marked()) {
      if (!this.index.data.articles.some((a) => a.id === id)) {
        await this.derivedPending.clear(id)
        continue
      }
      // An article that cannot be read keeps its mark: its own notice says why; a later open tries again.
      const counted = await this.updateCount(id)
      const indexed = await this.indexArticle(id)
      if (counted.ok && indexed.ok) await this.derivedPending.clear(id)
    }
  }

  /**
   * A notice that a change to an article was saved but something derived
   * from it (`key` says what) could not be written. The same notice is not
   * repeated while it waits to be read: a full disk fails every change.
   */
  private warnBehind(key: LocalTextKey, articleId: string, error: unknown): void {
    const why: LocalText =
      writeFailureReason(error, this.paths.dir) ??
      localText('messages.writeFailedCode', { code: error instanceof Error ? error.name : 'unknown' })
    const text = localText(key, { title: this.titleOf(articleId), why })
    const message = englishText(text)
    if (this.notices.some((n) => n.message === message)) return
    this.notices.push({
      id: `notice-${++noticeCounter}`,
      level: 'warning',
      message,
      text,
      at: this.now().toISOString(),
    })
  }

  /** An article's annotations, tombstones included, as a W3C AnnotationCollection file (with the article for a bundle). */
  async exportAnnotationFile(articleId: string, options: { bundle: boolean }): Promise<ExportedFile> {
    const summary = this.summary(articleId)
    const file = await this.articleStore(articleId)
    const collection = toAnnotationCollection({
      article: summary,
      annotations: [...(file.data.annotations ?? [])],
      // Selectors as they are in this copy of the text, so the file agrees with its own fingerprint.
      text: this.prepared(articleId, file.data),
      bundle: options.bundle ? { doc: file.data.doc } : undefined,
      generator: GENERATOR,
      exportedAt: this.now().toISOString(),
    })
    return {
      fileName: annotationFileName(summary.title),
      mimeType: 'application/ld+json',
      bytes: new TextEncoder().encode(JSON.stringify(collection, null, 2)),
    }
  }

  /**
   * Merges a colleague's annotation file into its article: found by
   * fingerprint, else the one the user chose, else created from a bundle,
   * else the user is asked (with suggestions). The merge is one acknowledged
   * write of the article's file: it lands whole or changes nothing.
   */
  async importAnnotationFile(req: AnnotationImportRequest): Promise<AnnotationImportResult> {
    const name = basename(req.name)
    const parsed = readAnnotationFileBytes(name, req.bytes)
    const owner = (await this.getProfile()).authorId
    const nowMs = this.now().getTime()
    const ahead = parsed.annotations.filter((a) => Date.parse(a.modified) > nowMs).map((a) => a.id)
    if (parsed.bundle && parsed.fingerprint && fingerprintOf(parsed.bundle.doc) !== parsed.fingerprint) {
      throw new HamishError('invalid-content', localText('messages.bundleFingerprint', { name }))
    }
    const found = req.articleId
      ? this.summary(req.articleId)
      : this.index.data.articles.find(
          (a) => parsed.fingerprint && a.fingerprint === parsed.fingerprint && !a.trashed,
        )
    if (!found && parsed.bundle) {
      const own = refuseNewOwn(parsed, new Set(), owner)
      const doc = parsed.bundle.doc
      const summary = await this.addArticle(
        {
          title: parsed.title || name,
          date: parsed.bundle.date,
          lang: parsed.bundle.lang,
          dir: parsed.bundle.dir,
          doc,
        },
        parsed.bundle.source || name,
        fingerprintOf(doc),
        [...parsed.annotations],
      )
      const prepared = this.prepared(summary.id, { version: 1, id: summary.id, doc })
      const live = parsed.annotations.filter((a) => !a.deleted)
      return {
        status: 'imported',
        report: {
          articleId: summary.id,
          articleTitle: summary.title,
          articleCreated: true,
          added: parsed.annotations.map((a) => a.id),
          updated: [],
          unchanged: [],
          older: [],
          deleted: parsed.annotations.filter((a) => a.deleted).map((a) => a.id),
          conflicts: [],
          orphaned: orphanedAfterMerge(prepared, live),
          rejected: [...parsed.rejected, ...own],
          ahead,
        },
      }
    }
    if (!found) {
      const articles = await Promise.all(
        this.index.data.articles
          .filter((a) => !a.trashed)
          .map(async (a) => ({
            id: a.id,
            title: a.title,
            text: plainText((await this.articleStore(a.id)).data.doc),
          })),
      )
      return {
        status: 'needs-article',
        fileTitle: parsed.title,
        candidates: suggestArticles(parsed, articles).slice(0, 5),
      }
    }
    if (req.articleId && !req.confirmOrphans && found.fingerprint !== parsed.fingerprint) {
      const store = await this.articleStore(found.id)
      const live = parsed.annotations.filter((a) => !a.deleted)
      const prepared = this.prepared(found.id, store.data)
      if (live.length > 0 && orphanedAfterMerge(prepared, live).length === live.length)
        return { status: 'all-orphans', articleId: found.id, articleTitle: found.title, count: live.length }
    }
    let own: Rejection[] = []
    const report = await this.changeAnnotations(found.id, (annotations, prepared) => {
      own = refuseNewOwn(parsed, new Set(annotations.map((a) => a.id)), owner)
      const { merged, report: merge } = mergeAnnotations(annotations, parsed.annotations, {
        owner,
        showLocal: true,
      })
      annotations.splice(0, annotations.length, ...merged)
      // Orphans among what came in: added, updated, or won a tie as the incoming version.
      const touched = [
        ...merge.added,
        ...merge.updated,
        ...merge.conflicts.filter((c) => c.kept === 'incoming').map((c) => c.id),
      ]
      const { added, updated, unchanged, older, deleted, conflicts } = merge
      return {
        added,
        updated,
        unchanged,
        older,
        deleted,
        conflicts,
        orphaned: orphanedAfterMerge(prepared, merged, touched),
      }
    })
    return {
      status: 'imported',
      report: {
        articleId: found.id,
        articleTitle: found.title,
        articleCreated: false,
        ...report,
        rejected: [...parsed.rejected, ...own],
        ahead,
      },
    }
  }

  /**
   * The user's choice about a version kept beside an annotation ("their
   * version"): one acknowledged write of the article's file (two annotations
   * for "both": yours, and a new one of yours carrying their text).
   */
  async resolveAnnotationConflict(
    articleId: string,
    annotationId: string,
    versionId: string,
    choice: ConflictChoice,
  ): Promise<ConflictResolution> {
    const profile = await this.getProfile()
    return this.changeAnnotations(articleId, (annotations, prepared) => {
      const i = findAnnotation(annotations, annotationId, { live: false })
      const { annotation, added } = resolveConflict(annotations[i]!, versionId, choice, {
        me: { id: profile.authorId, name: profile.displayName },
        id: randomUUID(),
        now: this.now(),
      })
      annotations[i] = annotation
      if (added) annotations.push(added)
      return { annotation: anchored(prepared, annotation), added: added ? anchored(prepared, added) : null }
    })
  }

  /** The search index, opened (not loaded) on first use; article files are read only to rebuild it. */
  searchIndex(): SearchIndexStore {
    this.searchIndexStore ??= new SearchIndexStore({
      dir: this.paths.searchIndexDir,
      backupsDir: this.paths.searchIndexBackupsDir,
      fs: this.fs,
      onRecovered: (report) => this.notices.push(recoveryNotice(report, this.now())),
      rebuild: async (id) => {
        const file = (await this.articleStore(id)).data
        return indexEntryOf(id, plainText(file.doc), file.annotations ?? [])
      },
      // The article's text is left out of search, once told: its file is missing, or damaged with no backup.
      onSkipped: (id, error) => {
        const text = localText('messages.searchSkipped', {
          title: this.titleOf(id),
          why:
            error instanceof HamishError && error.text
              ? error.text
              : localText('messages.articleFileDamaged', { id }),
        })
        this.notices.push({
          id: `notice-${++noticeCounter}`,
          level: 'error',
          message: englishText(text),
          text,
          at: this.now().toISOString(),
        })
      },
    })
    return this.searchIndexStore
  }

  /**
   * Keeps an article's index entry in step with its file. A failed index
   * write marks the entry stale, so it is rebuilt from the article at the
   * next search instead of answering from the version before the change.
   */
  private indexArticle(id: string): Promise<{ ok: true } | { ok: false; error: unknown }> {
    // One article's index updates take turns, each from the file as it is when its turn comes, so
    // an update made from an older state of the file can never land after one from a newer state.
    return runSerially(`search-index ${this.paths.dir} ${id}`, async () => {
      const index = this.searchIndex()
      try {
        const file = (await this.articleStore(id)).data
        await index.put(indexEntryOf(id, plainText(file.doc), file.annotations ?? []))
        return { ok: true }
      } catch (error) {
        await index.markStale(id).catch(() => undefined)
        return { ok: false, error }
      }
    })
  }

  /**
   * Library search (issue 6): article text through the persisted index,
   * titles and tags from library.json, quotes, notes and tags of live
   * annotations; trashed articles are left out.
   */
  async search(query: string, options: SearchOptions): Promise<SearchResult[]> {
    const articles = this.index.data.articles
    const engine = await this.searchIndex().ensure(articles.filter((a) => !a.trashed).map((a) => a.id))
    return engine.search(query, articles, options)
  }

  /**
   * Saves a new highlight; resolves after its article file is on disk. A
   * retry (the same request id) returns the highlight the first request
   * saved, without writing anything.
   */
  async addAnnotation(req: NewAnnotation): Promise<AnchoredAnnotation> {
    this.summary(req.articleId)
    // The first highlight of a library saves its author identity first.
    const profile = await this.getProfile().catch((error: unknown) => {
      throw notSavedError(error, this.paths.dir)
    })
    const store = await this.articleStore(req.articleId)
    const saved = retriedAnnotation(store.data.annotations ?? [], req)
    if (saved) return anchored(this.prepared(req.articleId, store.data), saved)
    return this.changeAnnotations(req.articleId, (annotations, prepared) => {
      // A retry sent while the first request was still being written.
      const again = retriedAnnotation(annotations, req)
      if (again) return anchored(prepared, again)
      const made = createAnnotation(
        prepared,
        req,
        { id: profile.authorId, name: profile.displayName },
        this.now(),
      )
      annotations.push(made)
      return anchored(prepared, made)
    })
  }

  /**
   * Changes an annotation's colour, note or tags. With `basedOn` (the
   * `modified` of the version the edit was made on, which the app always
   * sends) an edit made on an older version is refused: another window's
   * stale copy must not replace a change already acknowledged.
   */
  async updateAnnotation(
    articleId: string,
    annotationId: string,
    patch: AnnotationPatch,
    basedOn?: string,
  ): Promise<AnchoredAnnotation> {
    return this.changeAnnotations(articleId, (annotations, prepared) => {
      const i = findAnnotation(annotations, annotationId, { live: true })
      if (basedOn !== undefined && annotations[i]!.modified !== basedOn)
        throw new HamishError('conflict', localText('messages.annotationChangedElsewhere'))
      annotations[i] = patchAnnotation(annotations[i]!, patch, this.now())
      return anchored(prepared, annotations[i]!)
    })
  }

  async deleteAnnotation(articleId: string, annotationId: string): Promise<void> {
    await this.changeAnnotations(articleId, (annotations) => {
      const i = findAnnotation(annotations, annotationId, { live: true })
      annotations[i] = withDeleted(annotations[i]!, true, this.now())
    })
  }

  async restoreAnnotation(articleId: string, annotationId: string): Promise<AnchoredAnnotation> {
    return this.changeAnnotations(articleId, (annotations, prepared) => {
      const i = findAnnotation(annotations, annotationId, { live: false })
      annotations[i] = withDeleted(annotations[i]!, false, this.now())
      return anchored(prepared, annotations[i]!)
    })
  }

  /**
   * Imports one file. A rejected file (binary, too large, undecodable…) or a
   * duplicate changes nothing on disk; an added one is acknowledged only once
   * both its own file and library.json are written.
   */
  /**
   * Writes a new article (with any annotations it arrives with) and lists it:
   * its own file first, then library.json; if the second write fails the
   * first is removed, so the library is as it was.
   */
  private async addArticle(
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
      added: this.now().toISOString(),
      lang: imported.lang,
      dir: imported.dir,
      tags: [],
      fingerprint,
      chars: codePointLength(plainText(imported.doc)),
      annotationCount: annotations.filter((a) => !a.deleted).length,
      trashed: null,
    }
    const store = await openJsonStore<ArticleFile>(this.paths.articleFile(id), {
      defaults: () => ({ version: 1, id, doc: imported.doc }),
      backupsDir: this.paths.backupsDir,
      validate: isArticleFile(id),
      fs: this.fs,
    })
    try {
      await store.replace({ version: 1, id, doc: imported.doc, annotations })
      await this.index.update((d) => {
        d.articles.push(summary)
      })
    } catch (err) {
      await rm(this.paths.articleFile(id), { force: true })
      throw new HamishError(
        'storage',
        localText('messages.libraryWriteFailed', { name: source, detail: describe(err) }),
      )
    }
    this.articleStores.set(id, Promise.resolve(store))
    await this.indexArticle(id)
    return summary
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
    const existing = this.index.data.articles.find((a) => a.fingerprint === fingerprint)
    if (existing) {
      const text = localText(existing.trashed ? 'messages.duplicateInTrash' : 'messages.duplicate', {
        name,
        title: existing.title,
      })
      return { name, status: 'duplicate', message: englishText(text), text, article: { ...existing } }
    }
    const summary = await this.addArticle(imported, name, fingerprint, [])
    const text = localText('messages.added', { name, title: summary.title })
    return { name, status: 'added', message: englishText(text), text, article: { ...summary } }
  }

  private async changeSummary(id: string, change: (a: ArticleSummary) => void): Promise<ArticleSummary> {
    this.summary(id)
    try {
      await this.index.update((d) => {
        const a = d.articles.find((x) => x.id === id)
        if (a) change(a)
      })
    } catch (error) {
      throw notSavedError(error, this.paths.dir)
    }
    return { ...this.summary(id) }
  }

  renameArticle(id: string, title: string): Promise<ArticleSummary> {
    return this.changeSummary(id, (a) => {
      a.title = title
    })
  }

  /**
   * Sets the tags, without duplicates (in any case), in the order given. With
   * `base` (the list the edit was made on) the edit is merged into the tags
   * as they are when it is written, so a tag another window added or removed
   * meanwhile is neither dropped nor brought back (mergeTagEdit).
   */
  setArticleTags(id: string, tags: string[], base?: string[]): Promise<ArticleSummary> {
    return this.changeSummary(id, (a) => {
      a.tags = base ? mergeTagEdit(base, tags, a.tags) : uniqueTags(tags)
    })
  }

  trashArticle(id: string): Promise<ArticleSummary> {
    const at = this.now().toISOString()
    return this.changeSummary(id, (a) => {
      a.trashed = a.trashed ?? at
    })
  }

  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.changeSummary(id, (a) => {
      a.trashed = null
    })
  }

  /**
   * Deletes a trashed article for good. library.json forgets it first (an
   * acknowledged write), then its file goes, after any write still queued for
   * it; a crash in between leaves an unlisted file behind, never a listed
   * article without its text. Backups of its file stay in backups/ until
   * they age out, like every backup.
   */
  async deleteArticleForever(id: string): Promise<void> {
    const summary = this.summary(id)
    if (!summary.trashed)
      throw new HamishError('forbidden', localText('messages.deleteNotInTrash', { title: summary.title }))
    await this.index.update((d) => {
      d.articles = d.articles.filter((a) => a.id !== id)
      delete d.positions[id]
    })
    const file = this.paths.articleFile(id)
    this.articleStores.delete(id)
    this.preparedTexts.delete(id)
    await runSerially(file, () => rm(file, { force: true }))
    await this.searchIndex()
      .remove(id)
      .catch(() => undefined)
  }

  /** Settings saved before a setting existed read as its default. */
  getSettings(): ReadingSettings {
    return { ...DEFAULT_SETTINGS, ...this.index.data.settings }
  }

  async updateSettings(patch: Partial<ReadingSettings>): Promise<ReadingSettings> {
    await this.index.update((d) => {
      d.settings = { ...d.settings, ...patch }
    })
    return this.getSettings()
  }

  getReadingPosition(id: string): number | null {
    this.summary(id)
    return Object.prototype.hasOwnProperty.call(this.index.data.positions, id)
      ? (this.index.data.positions[id] ?? null)
      : null
  }

  async setReadingPosition(id: string, offset: number): Promise<void> {
    const summary = this.summary(id)
    const clamped = Math.min(offset, summary.chars)
    if (this.index.data.positions[id] === clamped) return
    await this.index.update((d) => {
      d.positions[id] = clamped
    })
  }

  listNotices(): Notice[] {
    return this.notices.map((n) => ({ ...n }))
  }

  dismissNotice(id: string): void {
    const i = this.notices.findIndex((n) => n.id === id)
    if (i >= 0) this.notices.splice(i, 1)
  }
}

function findAnnotation(annotations: Annotation[], id: string, options: { live: boolean }): number {
  const i = annotations.findIndex((a) => a.id === id)
  if (i < 0 || (options.live && annotations[i]!.deleted)) {
    throw new HamishError('not-found', localText('messages.annotationGone'))
  }
  return i
}

function randomAuthorId(): string {
  return `urn:uuid:${randomUUID()}`
}

/** The OS user name, the default display name; a neutral word where the OS will not say. */
function osUserName(): string {
  try {
    return userInfo().username || 'Reader'
  } catch {
    return 'Reader'
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

let noticeCounter = 0

/**
 * Unlisted files not listed again because their text is already in the
 * list, named when they hold annotations of their own: they stay in
 * articles/, and the user can import their notes by hand.
 */
function duplicatesNotice(duplicates: readonly UnlistedDuplicate[], at: Date): Notice {
  const text = localText('messages.relistSkippedDuplicates', {
    files: duplicates
      .slice(0, 20)
      .map((d) => localText('messages.relistedDuplicate', { file: `articles/${d.id}.json`, title: d.title })),
  })
  return {
    id: `notice-${++noticeCounter}`,
    level: 'warning',
    message: englishText(text),
    text,
    at: at.toISOString(),
  }
}

/**
 * Words for the user about a file that was damaged and what was done about
 * it, and exactly what it cost: nothing when the newest backup (the last
 * saved state) came back, the changes after the copy's time when only an
 * older one could be read. An article file with no usable backup is not started afresh like
 * library.json: its article cannot be opened, and `article` names it.
 */
function recoveryNotice(report: RecoveryReport, at: Date, article?: string): Notice {
  const name = basename(report.file)
  const moved = basename(report.movedTo)
  const text = report.restoredFrom
    ? localText(report.nothingLost ? 'messages.recoveredLastSaved' : 'messages.recoveredOlderCopy', {
        name,
        movedTo: moved,
        backup: basename(report.restoredFrom),
        time: report.restoredTime ?? 0,
      })
    : article !== undefined
      ? localText('messages.articleFileLost', { name, movedTo: moved, title: article })
      : localText('messages.recoveredEmpty', { name, movedTo: moved })
  return {
    id: `notice-${++noticeCounter}`,
    level: report.restoredFrom ? 'warning' : 'error',
    message: englishText(text),
    text,
    at: at.toISOString(),
  }
}
