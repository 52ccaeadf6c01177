import type { Annotation } from './annotation'

/** An article's live annotations sorted into what is shown where: highlights, article notes, and threads of replies. */
export interface AnnotationThreads<A extends Annotation> {
  /** Annotations of a passage, in the order given. */
  highlights: A[]
  /** Notes about the whole article, oldest first. */
  articleNotes: A[]
  /**
   * The replies to each annotation, by its id, oldest first (a reply's own
   * replies under its id). A deleted reply that still has live replies
   * under it is here too, in its place (`deleted: true`), to be shown as a
   * placeholder: deleting the middle of a thread must not cut the rest off.
   */
  replies: ReadonlyMap<string, A[]>
  /**
   * Replies whose annotation is not among those given (deleted, or not
   * shared), oldest first, shown under "Replies to a deleted note" with
   * their own replies under them. Also any reply in a loop of replies (only
   * a hand-made file can hold one), so none is ever left out.
   */
  orphanReplies: A[]
}

/**
 * Sorts live annotations for the notes panel and the exports, so every one
 * is shown exactly once: a highlight where its passage is, an article note
 * at the top, a reply under what it answers (in order of creation), or,
 * when that is gone, under "Replies to a deleted note". Deleted ones are
 * left out, except a deleted reply with live replies under it, which keeps
 * its place in the thread as a placeholder (see `replies`).
 */
export function annotationThreads<A extends Annotation>(annotations: readonly A[]): AnnotationThreads<A> {
  const live = [...annotations.filter((a) => !a.deleted), ...replyPlaceholders(annotations)]
  const byCreation = (a: A, b: A): number =>
    a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  const highlights: A[] = []
  const articleNotes: A[] = []
  const replies = new Map<string, A[]>()
  const ids = new Set(live.map((a) => a.id))
  let orphanReplies: A[] = []
  for (const a of live) {
    if (a.about?.kind === 'reply') {
      const parent = a.about.annotationId
      const list = replies.get(parent)
      if (list) list.push(a)
      else replies.set(parent, [a])
      if (!ids.has(parent)) orphanReplies.push(a)
    } else if (a.about?.kind === 'article') {
      articleNotes.push(a)
    } else {
      highlights.push(a)
    }
  }
  for (const list of replies.values()) list.sort(byCreation)
  articleNotes.sort(byCreation)
  // Every reply must hang under something shown: those in a loop of replies are shown apart.
  const reached = new Set<string>()
  const stack = [...highlights, ...articleNotes, ...orphanReplies].map((a) => a.id)
  while (stack.length > 0) {
    const id = stack.pop()!
    if (reached.has(id)) continue
    reached.add(id)
    for (const r of replies.get(id) ?? []) stack.push(r.id)
  }
  for (const a of live) if (!reached.has(a.id) && a.about?.kind === 'reply') orphanReplies.push(a)
  orphanReplies = [...new Set(orphanReplies)].sort(byCreation)
  // A looped reply shown apart must not be shown again under another looped one.
  const apart = new Set(orphanReplies.map((a) => a.id))
  for (const [parent, list] of replies) {
    if (ids.has(parent))
      replies.set(
        parent,
        list.filter((r) => !apart.has(r.id)),
      )
  }
  return { highlights, articleNotes, replies, orphanReplies }
}

/** The replies under an annotation and under each of them, depth first in order of creation, with their depth (1 = a direct reply). */
export function threadOf<A extends Annotation>(
  threads: AnnotationThreads<A>,
  id: string,
): { reply: A; depth: number }[] {
  const out: { reply: A; depth: number }[] = []
  const seen = new Set<string>([id])
  const walk = (parent: string, depth: number): void => {
    for (const reply of threads.replies.get(parent) ?? []) {
      if (seen.has(reply.id)) continue
      seen.add(reply.id)
      out.push({ reply, depth })
      walk(reply.id, depth + 1)
    }
  }
  walk(id, 1)
  return out
}

/**
 * The deleted replies that still have a live reply somewhere under them and
 * still hang, through deleted replies only, under a live annotation: they
 * stay in the thread as "Deleted reply", so the replies below keep their
 * place instead of falling to "Replies to a deleted note". (Where the top
 * of the chain is gone too, the replies go there as before: a placeholder
 * with nothing above it says nothing.)
 */
export function replyPlaceholders<A extends Annotation>(annotations: readonly A[]): A[] {
  const liveIds = new Set<string>()
  const deletedReplies = new Map<string, A>()
  for (const a of annotations) {
    if (!a.deleted) liveIds.add(a.id)
    else if (a.about?.kind === 'reply') deletedReplies.set(a.id, a)
  }
  const needed = new Map<string, A>()
  for (const a of annotations) {
    if (a.deleted || a.about?.kind !== 'reply') continue
    // Up from each live reply through deleted ones (a loop only a hand-made file can hold stops it).
    const chain: A[] = []
    let parent: string | undefined = a.about.annotationId
    const seen = new Set<string>([a.id])
    while (parent !== undefined && !seen.has(parent) && !liveIds.has(parent)) {
      seen.add(parent)
      const stub = deletedReplies.get(parent)
      if (!stub) break
      chain.push(stub)
      parent = stub.about?.kind === 'reply' ? stub.about.annotationId : undefined
    }
    if (parent !== undefined && liveIds.has(parent)) for (const stub of chain) needed.set(stub.id, stub)
  }
  return [...needed.values()]
}
