import type { Annotation } from '../annotation'

/**
 * Every field of an annotation that the user or a merge can tell apart, as
 * one JSON string in a fixed order. Two annotations are "the same" exactly
 * when these strings are equal, and the strings' order (UTF-16 code units,
 * the same in every JavaScript engine) is the tie-break of last resort, so
 * two machines merging the same files always keep the same version. Fields a
 * caller may have added (an anchor, say) are not part of it.
 */
export function canonicalAnnotation(a: Annotation): string {
  const common = [
    a.id,
    a.modified,
    a.deleted,
    a.created,
    a.creator.id,
    a.creator.name,
    a.body.color,
    a.body.note,
    a.body.tags,
  ]
  if (!a.target) {
    // An article note or a reply: what it is about instead of a passage. The array is shorter
    // than a highlight's, so no note can have a highlight's string; a highlight's is unchanged,
    // so its version ids (lineage) are those every earlier Hamish computed.
    const about = a.about?.kind === 'reply' ? ['reply', a.about.annotationId] : ['article']
    return JSON.stringify([...common, ...about])
  }
  const { quote, position } = a.target
  return JSON.stringify([...common, quote.exact, quote.prefix, quote.suffix, position.start, position.end])
}

/** Whether two annotations hold the same content (see canonicalAnnotation). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonicalAnnotation(a) === canonicalAnnotation(b)
}

/** Milliseconds of an annotation's `modified`; an unreadable date counts as the oldest possible. */
export function modifiedTime(a: Annotation): number {
  const t = Date.parse(a.modified)
  return Number.isNaN(t) ? -Infinity : t
}

/**
 * The merge order on two versions of one annotation: positive when `a` wins.
 * 1. the later `modified` wins (a deletion is a modification, so a tombstone
 *    beats older edits and loses to newer ones);
 * 2. same instant: the tombstone wins (the deletion was deliberate, and the
 *    tombstone keeps its content, so the note can still be restored);
 * 3. otherwise the greater canonical string wins.
 * It is a total order on annotation values, so the merge, which keeps the
 * greatest version of each id, is commutative, associative and idempotent.
 */
export function compareVersions(a: Annotation, b: Annotation): number {
  const dt = modifiedTime(a) - modifiedTime(b)
  if (dt !== 0 && !Number.isNaN(dt)) return dt
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1
  const ca = canonicalAnnotation(a)
  const cb = canonicalAnnotation(b)
  return ca === cb ? 0 : ca > cb ? 1 : -1
}
