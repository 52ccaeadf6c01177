import type {
  AnchoredAnnotation,
  AnnotationAbout,
  AnnotationPatch,
  HighlightColor,
} from '../../../../common/annotation'
import { sameTags } from '../../../../common/tags'
import type { HamishApi } from '../../../../common/contract/methods'
import type { ConflictChoice } from '../../../../common/sharing/resolve-conflict'
import { HamishError } from '../../../../common/errors'
import { errorMessage } from '../../ui/error-message'
import { strings } from '../../ui/strings'
import type { AnnotationStore } from './annotation-store'
import type { History } from './history'
import type { TextRange } from './selection-range'

/** The API calls annotations need (the article, to read again an annotation changed elsewhere). */
export type AnnotationApi = Pick<
  HamishApi,
  | 'addAnnotation'
  | 'addNote'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'resolveAnnotationConflict'
  | 'getArticleAnnotations'
>

/** Either it worked, or the sentence to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

let pendingCounter = 0

/** The label of an edit, for "Undone: …" messages. */
function editLabel(patch: AnnotationPatch): string {
  if (patch.note !== undefined) return strings.historyNote
  if (patch.tags !== undefined) return strings.historyTags
  return strings.historyRecolor
}

/**
 * Everything the user can do to annotations, each as one acknowledged API
 * call: the store changes only with main's answer (so the page never shows
 * as saved what is not on disk), and every success is pushed on the history
 * with its inverse. Failures come back as a sentence; nothing is thrown.
 */
export class AnnotationActions {
  /**
   * The request id of the last add that failed, and what it asked for: trying
   * the same highlight again sends the same id, so if the failed call had in
   * fact been saved (its answer lost on the way), main returns that highlight
   * instead of making a second one.
   */
  private failedAdd: { key: string; requestId: string } | null = null
  /** Per annotation, the end of its last edit: edits run one after another (see `serially`). */
  private readonly edits = new Map<string, Promise<unknown>>()

  constructor(
    private readonly api: AnnotationApi,
    private readonly store: AnnotationStore,
    private readonly history: History,
  ) {}

  /** Saves a new highlight over `range`; drawn as pending until main has written it. */
  async create(range: TextRange, color: HighlightColor, note?: string): Promise<Outcome<AnchoredAnnotation>> {
    const pendingId = `pending-${++pendingCounter}`
    this.store.addPending({ id: pendingId, start: range.start, end: range.end, color })
    const key = JSON.stringify([range.start, range.end, range.quote, color, note ?? ''])
    const requestId = this.failedAdd?.key === key ? this.failedAdd.requestId : crypto.randomUUID()
    let created: AnchoredAnnotation
    try {
      created = await this.api.addAnnotation({
        articleId: this.store.articleId,
        start: range.start,
        end: range.end,
        quote: range.quote,
        color,
        ...(note ? { note } : {}),
        requestId,
      })
    } catch (err) {
      this.failedAdd = { key, requestId }
      this.store.settle(pendingId)
      return { ok: false, message: strings.highlightSaveFailed + errorMessage(err) }
    }
    this.failedAdd = null
    this.store.settle(pendingId)
    this.store.put(created)
    const id = created.id
    this.history.push({
      label: strings.historyCreate,
      undo: async () => {
        await this.api.deleteAnnotation(this.store.articleId, id)
        this.store.remove(id)
      },
      redo: async () => this.store.put(await this.api.restoreAnnotation(this.store.articleId, id)),
    })
    return { ok: true, value: created }
  }

  /**
   * Saves a note about the article, or a reply, once main has written it;
   * undo deletes it. A retry of a failed save sends the same request id,
   * so a save whose answer was lost is not made twice.
   */
  async createNote(about: AnnotationAbout, note: string): Promise<Outcome<AnchoredAnnotation>> {
    const key = JSON.stringify(['note', about, note])
    const requestId = this.failedAdd?.key === key ? this.failedAdd.requestId : crypto.randomUUID()
    let created: AnchoredAnnotation
    try {
      created = await this.api.addNote({ articleId: this.store.articleId, about, note, requestId })
    } catch (err) {
      this.failedAdd = { key, requestId }
      return { ok: false, message: strings.notesNoteSaveFailed + errorMessage(err) }
    }
    this.failedAdd = null
    this.store.put(created)
    const id = created.id
    this.history.push({
      label: strings.historyAddNote,
      undo: async () => {
        await this.api.deleteAnnotation(this.store.articleId, id)
        this.store.remove(id)
      },
      redo: async () => this.store.put(await this.api.restoreAnnotation(this.store.articleId, id)),
    })
    return { ok: true, value: created }
  }

  /** Changes colour, note or tags; a patch that changes nothing is not sent. */
  update(id: string, patch: AnnotationPatch): Promise<Outcome<AnchoredAnnotation>> {
    return this.serially(id, () => this.updateNow(id, patch))
  }

  private async updateNow(id: string, patch: AnnotationPatch): Promise<Outcome<AnchoredAnnotation>> {
    const current = this.store.get(id)
    if (!current) return { ok: false, message: strings.annotationUpdateFailed + strings.unexpectedError }
    const before: AnnotationPatch = {}
    const after: AnnotationPatch = {}
    if (patch.color !== undefined && patch.color !== current.body.color) {
      before.color = current.body.color
      after.color = patch.color
    }
    if (patch.note !== undefined && patch.note !== current.body.note) {
      before.note = current.body.note
      after.note = patch.note
    }
    if (patch.tags !== undefined && !sameTags(patch.tags, current.body.tags)) {
      before.tags = [...current.body.tags]
      after.tags = [...patch.tags]
    }
    if (Object.keys(after).length === 0) return { ok: true, value: current }
    let updated: AnchoredAnnotation
    try {
      updated = await this.send(id, after)
    } catch (err) {
      const prefix = after.note !== undefined ? strings.noteSaveFailed : strings.annotationUpdateFailed
      return { ok: false, message: prefix + errorMessage(err) }
    }
    this.store.put(updated)
    this.history.push({
      label: editLabel(after),
      undo: () => this.serially(id, async () => this.store.put(await this.send(id, before))),
      redo: () => this.serially(id, async () => this.store.put(await this.send(id, after))),
    })
    return { ok: true, value: updated }
  }

  /**
   * Sends an edit made on the version this page holds. Main refuses it when
   * the annotation changed since (another window, an import): the page then
   * reads the current version, so what it shows (and the next edit's base)
   * is main's again, and the refusal goes on to be shown.
   */
  private async send(id: string, patch: AnnotationPatch): Promise<AnchoredAnnotation> {
    // An annotation this page no longer holds: a base no version has, so main refuses and the page reloads it.
    const basedOn = this.store.get(id)?.modified ?? 'none'
    try {
      return await this.api.updateAnnotation(this.store.articleId, id, patch, basedOn)
    } catch (err) {
      if (err instanceof HamishError && (err.code === 'conflict' || err.code === 'not-found'))
        await this.reload(id)
      throw err
    }
  }

  /**
   * Another window changed these annotations: this page's copies are
   * replaced with main's (gone where main no longer has them live), after any
   * edit of theirs still on its way here.
   */
  async syncFromMain(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.edits.get(id)))
    try {
      const annotations = await this.api.getArticleAnnotations(this.store.articleId)
      const live = new Map(annotations.map((a) => [a.id, a]))
      for (const id of ids) {
        const current = live.get(id)
        if (current) this.store.put(current)
        else if (this.store.get(id)) this.store.remove(id)
      }
    } catch {
      // The page keeps what it had; the next edit of a stale copy is refused and reloads it.
    }
  }

  /** Replaces this page's copy of one annotation with main's (gone, if main no longer has it live). */
  private async reload(id: string): Promise<void> {
    try {
      const annotations = await this.api.getArticleAnnotations(this.store.articleId)
      const current = annotations.find((a) => a.id === id)
      if (current) this.store.put(current)
      else this.store.remove(id)
    } catch {
      // The refusal is shown all the same; the page keeps the copy it had.
    }
  }

  /**
   * Runs the edits of one annotation one after another, each reading the
   * version the one before saved: two quick edits (a colour while a note is
   * being saved) must not both claim the same base and the second be
   * refused as stale.
   */
  private serially<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (this.edits.get(id) ?? Promise.resolve()).then(task)
    const settled = run.catch(() => undefined)
    this.edits.set(id, settled)
    void settled.then(() => {
      if (this.edits.get(id) === settled) this.edits.delete(id)
    })
    return run
  }

  /** Deletes (main keeps a tombstone); undo restores it. */
  async remove(id: string): Promise<Outcome<void>> {
    try {
      await this.api.deleteAnnotation(this.store.articleId, id)
    } catch (err) {
      return { ok: false, message: strings.annotationDeleteFailed + errorMessage(err) }
    }
    this.store.remove(id)
    this.history.push({
      label: strings.historyDelete,
      undo: async () => this.store.put(await this.api.restoreAnnotation(this.store.articleId, id)),
      redo: async () => {
        await this.api.deleteAnnotation(this.store.articleId, id)
        this.store.remove(id)
      },
    })
    return { ok: true, value: undefined }
  }

  /**
   * Settles "their version" of an annotation (Use theirs / Keep mine / Keep
   * both). Not on the undo history: the choice travels to colleagues, and
   * their version stays in the file's backups.
   */
  async resolve(id: string, versionId: string, choice: ConflictChoice): Promise<Outcome<void>> {
    try {
      const done = await this.api.resolveAnnotationConflict(this.store.articleId, id, versionId, choice)
      this.store.put(done.annotation)
      if (done.added) this.store.put(done.added)
    } catch (err) {
      return { ok: false, message: strings.theirVersionFailed + errorMessage(err) }
    }
    return { ok: true, value: undefined }
  }
}
