import { englishText, type LocalText } from '../i18n/local-text'
import { reason } from './reasons'
import { repliedTo, type Annotation, type AnnotationVersion, type HighlightColor } from '../annotation'
import { canonicalAnnotation, compareVersions, modifiedTime } from './canonical'
import { annotationOf, joinStates, showingVersion, stateOf, versionId, type LineageState } from './lineage'

/** One side of a conflict as the report shows it: enough to see the text that was kept beside the other. */
export interface ConflictSide {
  /** The passage it highlights, so the report names the note in words and not only by id. */
  quote: string
  note: string
  color: HighlightColor
  tags: string[]
  deleted: boolean
  author: string
  modified: string
}

/** What a merge did to each id; every id of the incoming side is in exactly one of the first four lists. */
export interface MergeReport {
  /** Ids new to the local side (tombstones included: they are stored so the annotation never comes back). */
  added: string[]
  /** Ids whose incoming version replaced the local one (an edit of it, or, without lineage, a later one). */
  updated: string[]
  /** Ids whose incoming version was identical to, or replaced by, the local one: the local one stays. */
  unchanged: string[]
  /**
   * Versions of one annotation that replace neither the other: both sides
   * changed it since their common version (or saved different content at
   * the same instant, or the file changes your own annotation). Both are
   * kept: `kept` says which is shown, the other is its "their version"
   * until the user chooses.
   */
  conflicts: {
    id: string
    kept: 'local' | 'incoming'
    reason: string
    text: LocalText
    ours: ConflictSide
    theirs: ConflictSide
    /**
     * Who the file's version is by, as a display name: its creator, or, where
     * that is this library's author (an edit keeps the note's author, and a
     * version names no modifier), the file's author (the name most of the
     * file's annotations by others carry). Null when the file names no one.
     */
    changedBy: string | null
  }[]
  /** Of the above, the ids whose merged version is a tombstone and whose local one was not (deleted by a colleague). */
  deleted: string[]
  /** Of `unchanged`, the ids whose incoming version was one the local one replaced, set aside. */
  older: string[]
}

export interface MergeResult {
  /** Every annotation of either side, one state per id, ordered by id. */
  merged: Annotation[]
  report: MergeReport
}

export interface MergeOptions {
  /**
   * This library's author id. An incoming version of an annotation whose
   * current local version is by this author never replaces it: its lineage
   * is ignored and it is kept beside yours as a conflict for you to accept.
   */
  owner?: string
  /**
   * Keep showing each annotation's local version while it is still kept, so
   * "their version" is always the colleague's in this library (the library
   * sets it; which version is shown is not part of the merged state).
   */
  showLocal?: boolean
}

/**
 * Merges a colleague's annotations into ours, by id (common/sharing/lineage.ts):
 * a new id is added; a version that descends from ours replaces it; one ours
 * descends from is set aside; two that descend from neither (both edited the
 * same version) are both kept, the greater by compareVersions shown and the
 * other as "their version", and reported as a conflict with both texts.
 * Versions without lineage (older files) fall back to "the later modified
 * wins". Nothing present on either side is dropped unless a version that
 * replaces it is kept (deleted ones stay as tombstones), creators are kept
 * as they are, and the result is ordered by id, so merging the same sets in
 * any order or grouping, any number of times, gives the same list (without
 * `owner`, which makes the merge favour one side on purpose; and, for an
 * annotation whose every version is replaced, the grouping can change which
 * version stays: common/sharing/lineage.ts).
 */
export function mergeAnnotations(
  local: readonly Annotation[],
  incoming: readonly Annotation[],
  options: MergeOptions = {},
): MergeResult {
  const localStates = statesById(local)
  // Each id's version as shown here (the first entry of an id, as stored).
  const localCurrent = new Map<string, Annotation>()
  for (const a of local) if (!localCurrent.has(a.id)) localCurrent.set(a.id, a)
  const isOwned = (a: Annotation) => options.owner !== undefined && a.creator.id === options.owner
  const incomingStates = statesById(incoming)
  const byId = new Map<string, LineageState | Annotation>(localStates)
  const report: MergeReport = { added: [], updated: [], unchanged: [], conflicts: [], deleted: [], older: [] }
  let fileAuthor: string | null | undefined

  for (const [id, theirs] of incomingStates) {
    const ours = localStates.get(id)
    if (!ours) {
      byId.set(id, theirs)
      report.added.push(id)
      if (annotationOf(theirs).deleted) report.deleted.push(id)
      continue
    }
    const oursNow = localCurrent.get(id)!
    const owned = isOwned(oursNow)
    const joined = joinStates(ours, owned ? claimless(theirs) : theirs)
    const merged =
      owned || options.showLocal
        ? showingVersion(annotationOf(joined), versionId(oursNow))
        : annotationOf(joined)
    byId.set(id, merged)
    const fresh = [...joined.heads.keys()].filter((v) => !ours.heads.has(v))
    const stayed = [...joined.heads.keys()].filter((v) => ours.heads.has(v))
    const dropped = [...ours.heads.keys()].some((v) => !joined.heads.has(v))
    if (fresh.length === 0 && !dropped) {
      report.unchanged.push(id)
      if ([...theirs.heads.keys()].some((v) => !joined.heads.has(v))) report.older.push(id)
    } else if (stayed.length === 0 || fresh.length === 0) {
      // Theirs replaced yours, or settled a conflict you had (one of your versions is replaced).
      report.updated.push(id)
    } else {
      const kept = ours.heads.has(versionId(merged)) ? 'local' : 'incoming'
      const mine = ours.heads.get(stayed.find((v) => v === versionId(merged)) ?? stayed[0]!)!
      const other = joined.heads.get(fresh.find((v) => v === versionId(merged)) ?? fresh[0]!)!
      report.conflicts.push({
        id,
        kept,
        ...conflictReason(mine as Annotation, other as Annotation, owned),
        ours: sideOf(mine),
        theirs: sideOf(other),
        changedBy:
          other.creator.id !== options.owner
            ? other.creator.name || null
            : (fileAuthor ??= authorOf(incoming, options.owner)),
      })
    }
    if (merged.deleted && !oursNow.deleted) report.deleted.push(id)
  }
  const merged = [...byId.entries()]
    .map(([id, x]) => {
      if (!('heads' in x)) return x
      // Your own annotation stays shown as you left it, even where no file touched it.
      const current = localCurrent.get(id)
      return current && (isOwned(current) || options.showLocal)
        ? showingVersion(annotationOf(x), versionId(current))
        : annotationOf(x)
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { merged, report }
}

/** The states of a list, by id (several entries of one id on one side are joined among themselves). */
function statesById(list: readonly Annotation[]): Map<string, LineageState> {
  const byId = new Map<string, LineageState>()
  for (const a of list) {
    const state = stateOf(a)
    const known = byId.get(a.id)
    byId.set(a.id, known ? joinStates(known, state) : state)
  }
  return byId
}

/**
 * An incoming state stripped of every claim to replace something: its
 * versions come with empty lineage and no replaced ids, so they can only be
 * added beside yours (or be set aside if you already replaced them).
 */
function claimless(state: LineageState): LineageState {
  const heads = new Map<string, AnnotationVersion>()
  for (const [id, v] of state.heads) heads.set(id, { ...v, lineage: [] })
  return { heads, replaced: new Set(), upTo: -Infinity }
}

/**
 * The name most annotations of a file carry, among authors other than
 * `besides` (this library's): a file says who wrote each annotation but not
 * who exported it or who edited a note someone else wrote.
 */
function authorOf(list: readonly Annotation[], besides: string | undefined): string | null {
  const counts = new Map<string, number>()
  for (const a of list)
    if (a.creator.name && a.creator.id !== besides)
      counts.set(a.creator.name, (counts.get(a.creator.name) ?? 0) + 1)
  let best: string | null = null
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name
  return best
}

function sideOf(v: AnnotationVersion): ConflictSide {
  return {
    // An article note or a reply marks no passage: its side shows its note alone.
    quote: v.target?.quote.exact ?? '',
    note: v.body.note,
    color: v.body.color,
    tags: [...v.body.tags],
    deleted: v.deleted,
    author: v.creator.name || v.creator.id,
    modified: v.modified,
  }
}

/** Words for a conflict: what differs between the two versions saved at the same instant. */
function conflictReason(
  ours: Annotation,
  theirs: Annotation,
  owned: boolean,
): { reason: string; text: LocalText } {
  const parts: LocalText[] = []
  if (ours.deleted !== theirs.deleted) parts.push(reason('differsDeleted'))
  if (ours.body.note !== theirs.body.note) parts.push(reason('differsNote'))
  if (ours.body.color !== theirs.body.color) parts.push(reason('differsColour'))
  if (JSON.stringify(ours.body.tags) !== JSON.stringify(theirs.body.tags)) parts.push(reason('differsTags'))
  if (!sameTarget(ours, theirs)) parts.push(reason('differsPassage'))
  if (ours.creator.id !== theirs.creator.id || ours.creator.name !== theirs.creator.name)
    parts.push(reason('differsAuthor'))
  if (ours.created !== theirs.created) parts.push(reason('differsCreated'))
  if (parts.length === 0 && canonicalAnnotation(ours) !== canonicalAnnotation(theirs))
    parts.push(reason('differsDates'))
  const kept = reason(compareVersions(theirs, ours) > 0 ? 'conflictKeptTheirs' : 'conflictKeptOurs')
  const text = owned
    ? reason('conflictYours', { parts })
    : modifiedTime(ours) === modifiedTime(theirs)
      ? reason('conflict', { time: ours.modified, parts, kept })
      : reason('conflictConcurrent', { parts, kept })
  return { reason: englishText(text), text }
}

function sameTarget(a: Annotation, b: Annotation): boolean {
  if (!a.target || !b.target) return !a.target && !b.target && repliedTo(a) === repliedTo(b)
  const [qa, qb, pa, pb] = [a.target.quote, b.target.quote, a.target.position, b.target.position]
  return (
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix &&
    pa.start === pb.start &&
    pa.end === pb.end
  )
}
