import type { AnchoredAnnotation } from '../annotation'
import { annotationThreads, threadOf } from '../annotation-threads'

/** A reply as an export writes it: the reply and how deep it sits (1 = it answers the annotation itself). */
export interface ThreadEntry {
  reply: AnchoredAnnotation
  depth: number
}

/** What the export writers add beside the highlights: the article notes, and the replies that have lost their annotation. */
export interface ExportNotes {
  /** Notes about the whole article, oldest first, each with its thread. */
  articleNotes: { note: AnchoredAnnotation; thread: ThreadEntry[] }[]
  /** Replies whose annotation was deleted (or never shared), each with its own thread. */
  orphanReplies: { note: AnchoredAnnotation; thread: ThreadEntry[] }[]
}

/** Each live annotation's thread of replies, for the writers that meet it deep in the text (footnotes). */
const threads = new WeakMap<AnchoredAnnotation, ThreadEntry[]>()

/**
 * Sorts an export's annotations (annotationThreads) and remembers each
 * one's replies for `repliesOf`: the writers call it once, first, so a
 * highlight with replies but no note still gets its footnote, and every
 * reply is written under what it answers or in "Replies to a deleted note".
 */
export function exportNotes(annotations: readonly AnchoredAnnotation[]): ExportNotes {
  const sorted = annotationThreads(annotations)
  const withThread = (note: AnchoredAnnotation) => ({ note, thread: threadOf(sorted, note.id) })
  for (const a of sorted.highlights) threads.set(a, threadOf(sorted, a.id))
  return {
    articleNotes: sorted.articleNotes.map(withThread),
    orphanReplies: sorted.orphanReplies.map(withThread),
  }
}

/** The replies under an annotation (see exportNotes), oldest first, depth first; none when it has none. */
export function repliesOf(a: AnchoredAnnotation): readonly ThreadEntry[] {
  return threads.get(a) ?? []
}
