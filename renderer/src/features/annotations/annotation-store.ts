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
  private readonly pendings = new Map<string, PendingHighlight>()
  private readonly listeners = new Set<(change: StoreChange) => void>()

  constructor(
    readonly articleId: string,
    initial: AnchoredAnnotation[],
  ) {
    this.list = inDocumentOrder(initial.filter((a) => !a.deleted))
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
    this.list = inDocumentOrder([...this.list.filter((a) => a.id !== annotation.id), annotation])
    this.emit({ type: 'put', annotation })
  }

  remove(id: string): void {
    if (!this.list.some((a) => a.id === id)) return
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
