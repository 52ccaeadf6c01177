import type { Annotation } from '../annotation'
import { anchor, type AnchorText } from '../anchoring'

/**
 * The ids, among `ids` (all by default), of live annotations that cannot be
 * found in the local text, with the full anchoring (position, exact, folded,
 * fuzzy): after a merge, these are the colleague's annotations that are kept
 * but listed as orphaned. Tombstones are never orphans (they are not shown).
 */
export function orphanedAfterMerge(
  prepared: AnchorText,
  annotations: readonly Annotation[],
  ids?: Iterable<string>,
): string[] {
  const wanted = ids ? new Set(ids) : null
  const out: string[] = []
  for (const a of annotations) {
    // An article note or a reply marks no passage: it is never an orphan.
    if (a.deleted || !a.target || (wanted && !wanted.has(a.id))) continue
    if (!anchor(prepared, a.target)) out.push(a.id)
  }
  return out
}
