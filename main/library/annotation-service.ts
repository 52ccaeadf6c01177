import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationPatch,
  NewAnnotation,
  NewNote,
} from '../../common/annotation'
import type { AnchorText } from '../../common/anchoring'
import { replyPlaceholders } from '../../common/annotation-threads'
import type { DocNode } from '../../common/document'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import type { AnnotationCounts } from './annotation-counts'
import type { AnnotationDraft, AnnotationLog } from './annotation-log'
import type { AnnotationLogs } from './annotation-logs'
import { moveAnnotationsToLog } from './annotation-migration'
import {
  anchored,
  anchorLive,
  createAnnotation,
  createNote,
  patchAnnotation,
  withDeleted,
} from './annotations'
import type { ArticleFiles } from './article-files'
import type { Catalog } from './catalog'
import type { ChangeFeed } from './change-feed'
import type { ReaderSettings } from './reader-settings'
import { retriedAnnotation, retriedNote } from './retried-add'
import { notSavedError } from './write-failure'

/**
 * A change to an article's annotations: puts new versions into the draft
 * (new annotations, or new objects replacing them — never an edit in place,
 * never a removal: a deleted annotation stays as a tombstone), returns what
 * the caller answers.
 */
export type AnnotationChange<T> = (draft: AnnotationDraft, text: AnchorText) => T

/** What the annotation service works with. */
export interface AnnotationDeps {
  libraryDir: string
  now: () => Date
  catalog: Catalog
  files: ArticleFiles
  logs: AnnotationLogs
  counts: AnnotationCounts
  settings: ReaderSettings
  feed: ChangeFeed
}

/**
 * An article's annotations: highlights, notes, their edits and deletions.
 * A change is one flushed append to the article's annotation log: its one
 * commit point. What follows from it (the library list's count, the search
 * index) follows the change feed, off the save path, and is checked against
 * the log at the next open.
 */
/**
 * Whether this library may change an annotation of an article (a team
 * library: only its own member's, as in a Zotero group). Null: any.
 */
export type EditRights = (articleId: string, annotation: Annotation) => boolean

export class AnnotationService {
  readonly #deps: AnnotationDeps
  #editRights: EditRights | null = null

  /** Sets who may change what (the team service, for shared articles). */
  setEditRights(rights: EditRights | null): void {
    this.#editRights = rights
  }

  /** The annotation, when this library may change it; forbidden otherwise (a colleague's, in a team). */
  #mayChange(articleId: string, annotation: Annotation): Annotation {
    if (this.#editRights && !this.#editRights(articleId, annotation))
      throw new HamishError(
        'forbidden',
        localText('messages.notYourAnnotation', { author: annotation.creator.name }),
      )
    return annotation
  }

  constructor(deps: AnnotationDeps) {
    this.#deps = deps
  }

  /**
   * The live annotations of an article, anchored afresh in its text, and
   * the tombstones of deleted replies that still have live replies under
   * them: the reader and the exports show those as "Deleted reply" in
   * their place, so a thread survives the deletion of its middle (and a
   * reload).
   */
  async live(articleId: string): Promise<AnchoredAnnotation[]> {
    const { prepared, log } = await this.#opened(articleId)
    const all = log.all()
    return [...anchorLive(prepared, all), ...replyPlaceholders(all).map((a) => anchored(prepared, a))]
  }

  /** Every annotation of an article, tombstones included on request (the CLI, sharing). */
  async list(articleId: string, options: { includeDeleted?: boolean } = {}): Promise<AnchoredAnnotation[]> {
    this.#deps.catalog.summary(articleId)
    const { prepared, log } = await this.#opened(articleId)
    const all = log.all()
    if (!options.includeDeleted) return anchorLive(prepared, all)
    return all.map((a) => anchored(prepared, a))
  }

  /** Every annotation as stored, tombstones included, with the article's text (sharing writes them out). */
  async stored(articleId: string): Promise<{ doc: DocNode; text: AnchorText; annotations: Annotation[] }> {
    const { doc, prepared, log } = await this.#opened(articleId)
    return { doc, text: prepared, annotations: log.all() }
  }

  /**
   * Saves a new highlight; resolves after its log append is flushed. A
   * retry (the same request id) returns the highlight the first request
   * saved, without writing anything.
   */
  async add(req: NewAnnotation): Promise<AnchoredAnnotation> {
    const { catalog, settings } = this.#deps
    catalog.summary(req.articleId)
    // The first highlight of a library saves its author identity first.
    const profile = await settings.getProfile()
    const { prepared, log } = await this.#opened(req.articleId)
    const saved = retriedAnnotation((id) => log.get(id), req)
    if (saved) return anchored(prepared, saved)
    return this.change(req.articleId, (draft, text) => {
      // A retry sent while the first request was still being written.
      const again = retriedAnnotation(draft.get, req)
      if (again) return anchored(text, again)
      const made = createAnnotation(
        text,
        req,
        { id: profile.authorId, name: profile.displayName },
        this.#deps.now(),
      )
      draft.put(made)
      return anchored(text, made)
    })
  }

  /**
   * Saves a new note about the whole article, or a reply to one of its
   * annotations (anyone's, a reply too), like a highlight: one flushed
   * append, the change feed told, a retry answered with the saved note.
   */
  async addNote(req: NewNote): Promise<AnchoredAnnotation> {
    const { catalog, settings } = this.#deps
    catalog.summary(req.articleId)
    const profile = await settings.getProfile()
    const { log } = await this.#opened(req.articleId)
    const saved = retriedNote((id) => log.get(id), req)
    if (saved) return { ...saved, anchor: null }
    return this.change(req.articleId, (draft) => {
      const again = retriedNote(draft.get, req)
      if (again) return { ...again, anchor: null }
      const made = createNote(
        req,
        { id: profile.authorId, name: profile.displayName },
        this.#deps.now(),
        (id) => draft.get(id) !== undefined,
      )
      draft.put(made)
      return { ...made, anchor: null }
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
    return this.change(articleId, (draft, prepared) => {
      const current = this.#mayChange(articleId, findAnnotation(draft, annotationId, { live: true }))
      if (basedOn !== undefined && current.modified !== basedOn)
        throw new HamishError('conflict', localText('messages.annotationChangedElsewhere'))
      const next = patchAnnotation(current, patch, this.#deps.now())
      draft.put(next)
      return anchored(prepared, next)
    })
  }

  async delete(articleId: string, annotationId: string): Promise<void> {
    await this.change(articleId, (draft) => {
      const current = this.#mayChange(articleId, findAnnotation(draft, annotationId, { live: true }))
      draft.put(withDeleted(current, true, this.#deps.now()))
    })
  }

  restore(articleId: string, annotationId: string): Promise<AnchoredAnnotation> {
    return this.change(articleId, (draft, prepared) => {
      const restored = withDeleted(
        findAnnotation(draft, annotationId, { live: false }),
        false,
        this.#deps.now(),
      )
      draft.put(restored)
      return anchored(prepared, restored)
    })
  }

  /**
   * Runs one change on an article's annotations as one flushed append to its
   * log: if that fails nothing was saved, and the error says so and why (a
   * full disk is named). Once it is flushed the change is saved and published
   * on the feed, which the count and the search index follow.
   */
  async change<T>(articleId: string, change: AnnotationChange<T>): Promise<T> {
    const { catalog, feed, counts } = this.#deps
    catalog.summary(articleId)
    const { prepared, log } = await this.#opened(articleId)
    let outcome: { result: T; changed: Annotation[] }
    try {
      outcome = await log.change((draft) => change(draft, prepared))
    } catch (error) {
      throw notSavedError(error, this.#deps.libraryDir)
    }
    if (outcome.changed.length > 0) {
      counts.changed(articleId, log.liveCount())
      feed.publish({
        kind: 'annotations-changed',
        articleId,
        annotationIds: outcome.changed.map((a) => a.id),
      })
    }
    return outcome.result
  }

  /**
   * An article's text and annotation log; an article file still holding
   * annotations (restored from a backup older than the conversion, or
   * unreadable when it ran) has them moved to its log first.
   */
  async #opened(articleId: string): Promise<{ doc: DocNode; prepared: AnchorText; log: AnnotationLog }> {
    const { files, logs } = this.#deps
    let store = await files.store(articleId)
    if (store.data.annotations !== undefined) {
      await moveAnnotationsToLog(articleId, files, logs)
      store = await files.store(articleId)
      const moved = (await logs.log(articleId)).all()
      if (moved.length > 0) {
        this.#deps.counts.changed(articleId, moved.filter((a) => !a.deleted).length)
        this.#deps.feed.publish({
          kind: 'annotations-changed',
          articleId,
          annotationIds: moved.map((a) => a.id),
        })
      }
    }
    const doc = store.data.doc
    return { doc, prepared: files.prepared(articleId, doc), log: await logs.log(articleId) }
  }
}

/** Annotation `id` of the draft; not-found when it is not there (or, for `live`, deleted). */
export function findAnnotation(draft: AnnotationDraft, id: string, options: { live: boolean }): Annotation {
  const found = draft.get(id)
  if (!found || (options.live && found.deleted)) {
    throw new HamishError('not-found', localText('messages.annotationGone'))
  }
  return found
}
