import type { AnchoredAnnotation, Annotation, AnnotationPatch, NewAnnotation } from '../../common/annotation'
import type { AnchorText } from '../../common/anchoring'
import { HamishError } from '../../common/errors'
import { localText, type LocalText, type LocalTextKey } from '../../common/i18n/local-text'
import { runSerially } from '../store/serial-queue'
import { anchored, anchorLive, createAnnotation, patchAnnotation, withDeleted } from './annotations'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import type { ChangeFeed } from './change-feed'
import type { DerivedPending } from './derived-pending'
import type { LibrarySearch, Outcome } from './library-search'
import type { NoticeBoard } from './notice-board'
import type { ReaderSettings } from './reader-settings'
import { retriedAnnotation } from './retried-add'
import { notSavedError, writeFailureReason } from './write-failure'

/**
 * A change to an article's annotations: edits the list (adds, removes, and
 * replaces annotations with new objects — never edits one in place, which
 * is how the change feed tells what changed), returns what the caller answers.
 */
export type AnnotationChange<T> = (annotations: Annotation[], text: AnchorText) => T

/** What the annotation service works with. */
export interface AnnotationDeps {
  libraryDir: string
  now: () => Date
  catalog: Catalog
  files: ArticleFiles
  search: LibrarySearch
  settings: ReaderSettings
  notices: NoticeBoard
  feed: ChangeFeed
  pending: DerivedPending
}

/**
 * An article's annotations: highlights, notes, their edits and deletions.
 * A change is one acknowledged write of the article's file (its commit
 * point); the library list's count and the search index follow from it,
 * and an article whose derived data may be behind stays marked on disk
 * until they caught up (repaired at the next open).
 */
export class AnnotationService {
  readonly #deps: AnnotationDeps

  constructor(deps: AnnotationDeps) {
    this.#deps = deps
  }

  /** The live annotations of an article, anchored afresh in its text. */
  async live(articleId: string): Promise<AnchoredAnnotation[]> {
    const file = (await this.#deps.files.store(articleId)).data
    return anchorLive(this.#deps.files.prepared(articleId, file.doc), file.annotations ?? [])
  }

  /** Every annotation of an article, tombstones included on request (the CLI, sharing). */
  async list(articleId: string, options: { includeDeleted?: boolean } = {}): Promise<AnchoredAnnotation[]> {
    this.#deps.catalog.summary(articleId)
    const file = (await this.#deps.files.store(articleId)).data
    const prepared = this.#deps.files.prepared(articleId, file.doc)
    const all = file.annotations ?? []
    if (!options.includeDeleted) return anchorLive(prepared, all)
    return all.map((a) => anchored(prepared, a))
  }

  /**
   * Saves a new highlight; resolves after its article file is on disk. A
   * retry (the same request id) returns the highlight the first request
   * saved, without writing anything.
   */
  async add(req: NewAnnotation): Promise<AnchoredAnnotation> {
    const { catalog, files, settings } = this.#deps
    catalog.summary(req.articleId)
    // The first highlight of a library saves its author identity first.
    const profile = await settings.getProfile()
    const file = (await files.store(req.articleId)).data
    const saved = retriedAnnotation(file.annotations ?? [], req)
    if (saved) return anchored(files.prepared(req.articleId, file.doc), saved)
    return this.change(req.articleId, (annotations, prepared) => {
      // A retry sent while the first request was still being written.
      const again = retriedAnnotation(annotations, req)
      if (again) return anchored(prepared, again)
      const made = createAnnotation(
        prepared,
        req,
        { id: profile.authorId, name: profile.displayName },
        this.#deps.now(),
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
  update(
    articleId: string,
    annotationId: string,
    patch: AnnotationPatch,
    basedOn?: string,
  ): Promise<AnchoredAnnotation> {
    return this.change(articleId, (annotations, prepared) => {
      const i = findAnnotation(annotations, annotationId, { live: true })
      if (basedOn !== undefined && annotations[i]!.modified !== basedOn)
        throw new HamishError('conflict', localText('messages.annotationChangedElsewhere'))
      annotations[i] = patchAnnotation(annotations[i]!, patch, this.#deps.now())
      return anchored(prepared, annotations[i]!)
    })
  }

  async delete(articleId: string, annotationId: string): Promise<void> {
    await this.change(articleId, (annotations) => {
      const i = findAnnotation(annotations, annotationId, { live: true })
      annotations[i] = withDeleted(annotations[i]!, true, this.#deps.now())
    })
  }

  restore(articleId: string, annotationId: string): Promise<AnchoredAnnotation> {
    return this.change(articleId, (annotations, prepared) => {
      const i = findAnnotation(annotations, annotationId, { live: false })
      annotations[i] = withDeleted(annotations[i]!, false, this.#deps.now())
      return anchored(prepared, annotations[i]!)
    })
  }

  /**
   * Runs one change on an article's annotations as one acknowledged write of
   * its file: if that write fails nothing was saved, and the error says so
   * and why (a full disk is named). Once it is written the change is saved,
   * published on the feed, and the call succeeds whatever follows: the
   * search index and the library list's count are derived from that file, so
   * a failure to bring them up to date is told as a notice (saved, but
   * behind), never as "not changed".
   */
  async change<T>(articleId: string, change: AnnotationChange<T>): Promise<T> {
    const { catalog, files, pending, feed } = this.#deps
    catalog.summary(articleId)
    const store = await files.store(articleId)
    const prepared = files.prepared(articleId, store.data.doc)
    let changed: string[] = []
    let result: T | undefined
    try {
      // Marked before the article's write, so a crash after it leaves the mark for the repair at open.
      await pending.begin(articleId)
      await store.update((file) => {
        const list = (file.annotations ??= [])
        // Changes replace an annotation with a new object, so what changed is what is not the same object.
        const before = new Map(list.map((a) => [a.id, a]))
        result = change(list, prepared)
        changed = list.filter((a) => before.get(a.id) !== a).map((a) => a.id)
      })
    } catch (error) {
      await pending.end(articleId, true).catch(() => undefined)
      throw notSavedError(error, this.#deps.libraryDir)
    }
    if (changed.length > 0) feed.publish({ kind: 'annotations-changed', articleId, annotationIds: changed })
    const caughtUp = await this.#catchUp(articleId)
    await pending.end(articleId, caughtUp).catch(() => undefined)
    return result as T
  }

  /**
   * At open: every article still marked (a crash or a failed write came
   * between its annotation change and the count or index that follow from
   * it) gets its count recomputed and its search index rebuilt from its
   * file, which is the truth; the mark goes once both are written. An
   * article that cannot be read keeps its mark (its own notice says why).
   */
  async repairDerived(): Promise<void> {
    const { catalog, pending } = this.#deps
    for (const id of await pending.marked()) {
      if (!catalog.all.some((a) => a.id === id)) {
        await pending.clear(id)
        continue
      }
      if (await this.#catchUp(id, { quiet: true })) await pending.clear(id)
    }
  }

  /** Brings the count and the index of an article up to its file; true when both are written. */
  async #catchUp(articleId: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    const indexed = await this.#deps.search.indexArticle(articleId)
    if (!indexed.ok && !options.quiet)
      this.#warnBehind('messages.searchIndexBehind', articleId, indexed.error)
    const counted = await this.#updateCount(articleId)
    if (!counted.ok && !options.quiet) this.#warnBehind('messages.countBehind', articleId, counted.error)
    return indexed.ok && counted.ok
  }

  /**
   * Brings the library list's count of an article in line with its file. One
   * article's count updates take turns and each counts the file as it is
   * when its turn comes: two overlapping changes (an add and a delete) could
   * otherwise each compare against a list the other was about to write, and
   * leave it one off.
   */
  #updateCount(articleId: string): Promise<Outcome> {
    return runSerially(`annotation-count ${this.#deps.libraryDir} ${articleId}`, async () => {
      try {
        const file = (await this.#deps.files.store(articleId)).data
        await this.#deps.catalog.setAnnotationCount(
          articleId,
          (file.annotations ?? []).filter((a) => !a.deleted).length,
        )
        return { ok: true }
      } catch (error) {
        return { ok: false, error }
      }
    })
  }

  /** A notice that a change was saved but something derived from it (`key` says what) could not be written. */
  #warnBehind(key: LocalTextKey, articleId: string, error: unknown): void {
    const why: LocalText =
      writeFailureReason(error, this.#deps.libraryDir) ??
      localText('messages.writeFailedCode', { code: error instanceof Error ? error.name : 'unknown' })
    this.#deps.notices.addOnce(
      'warning',
      localText(key, { title: this.#deps.catalog.titleOf(articleId), why }),
    )
  }
}

/** Where annotation `id` is in the list; not-found when it is not there (or, for `live`, deleted). */
export function findAnnotation(annotations: Annotation[], id: string, options: { live: boolean }): number {
  const i = annotations.findIndex((a) => a.id === id)
  if (i < 0 || (options.live && annotations[i]!.deleted)) {
    throw new HamishError('not-found', localText('messages.annotationGone'))
  }
  return i
}
