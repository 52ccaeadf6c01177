import { inDocumentOrder, type AnchoredAnnotation, type HighlightColor } from '../../../../common/annotation'

/** A highlight whose write main has not acknowledged yet. */
export interface PendingHighlight {
  id: string
  start: number
  end: number
  color: HighlightColor
}

/** What changed, so the view can redraw one highlight instead of all of them. */
export type StoreChange =
  | { type: 'put'; annotation: AnchoredAnnotation }
  | { type: 'remove'; id: string }
  | { type: 'pending'; pending: PendingHighlight }
  | { type: 'settled'; id: string }

/**
 * The renderer's copy of one article's live annotations, kept in document
 * order with orphans (anchor null) last, as main returns them. Main stays
 * the truth: every entry here is an answer from main (getArticleAnnotations, or what
 * add/update/restore resolved with), never an optimistic guess; guesses are
 * the separate pending highlights, drawn as such until the write is done.
 */
export class AnnotationStore {
  private list: AnchoredAnnotation[]
  /** Deleted replies, kept so a thread can show them as "Deleted reply" in their place (annotationThreads). */
  private readonly deletedReplies = new Map<string, AnchoredAnnotation>()
  private readonly pendings = new Map<string, PendingHighlight>()
  private readonly listeners = new Set<(change: StoreChange) => void>()

  constructor(
    readonly articleId: string,
    initial: AnchoredAnnotation[],
  ) {
    this.list = inDocumentOrder(initial.filter((a) => !a.deleted))
    for (const a of initial) if (a.deleted && a.about?.kind === 'reply') this.deletedReplies.set(a.id, a)
  }

  /** The deleted replies known here (main sends those with live replies under them; this page adds those it deleted). */
  get placeholders(): readonly AnchoredAnnotation[] {
    return [...this.deletedReplies.values()]
  }

  /** Live annotations: anchored ones in document order, then orphans. */
  get all(): readonly AnchoredAnnotation[] {
    return this.list
  }

  /** Anchored annotations only, in document order. */
  get anchored(): AnchoredAnnotation[] {
    return this.list.filter((a) => a.anchor !== null)
  }

  get(id: string): AnchoredAnnotation | undefined {
    return this.list.find((a) => a.id === id)
  }

  /** Adds or replaces an annotation with main's copy of it. */
  put(annotation: AnchoredAnnotation): void {
    if (annotation.deleted) {
      // Main's copy of one deleted since: a tombstone is never a live annotation here.
      if (annotation.about?.kind === 'reply') this.deletedReplies.set(annotation.id, annotation)
      this.remove(annotation.id)
      return
    }
    this.deletedReplies.delete(annotation.id)
    this.list = inDocumentOrder([...this.list.filter((a) => a.id !== annotation.id), annotation])
    this.emit({ type: 'put', annotation })
  }

  remove(id: string): void {
    const gone = this.list.find((a) => a.id === id)
    if (!gone) return
    if (gone.about?.kind === 'reply') this.deletedReplies.set(id, { ...gone, deleted: true })
    this.list = this.list.filter((a) => a.id !== id)
    this.emit({ type: 'remove', id })
  }

  addPending(pending: PendingHighlight): void {
    this.pendings.set(pending.id, pending)
    this.emit({ type: 'pending', pending })
  }

  settle(id: string): void {
    if (this.pendings.delete(id)) this.emit({ type: 'settled', id })
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
