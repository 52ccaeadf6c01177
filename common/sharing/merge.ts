import { englishText, type LocalText } from '../i18n/local-text'
import { reason } from './reasons'
import type { Annotation } from '../annotation'
import { canonicalAnnotation, compareVersions, modifiedTime } from './canonical'

/** What a merge did to each id; every id of the incoming side is in exactly one of the first four lists. */
export interface MergeReport {
  /** Ids new to the local side (tombstones included: they are stored so the annotation never comes back). */
  added: string[]
  /** Ids whose incoming version was newer and replaced the local one. */
  updated: string[]
  /** Ids whose incoming version was identical to, or older than, the local one: the local one stays. */
  unchanged: string[]
  /** Same id, same `modified`, different content: one kept by the fixed rule of compareVersions, and listed. */
  conflicts: { id: string; kept: 'local' | 'incoming'; reason: string; text: LocalText }[]
  /** Of the above, the ids whose merged version is a tombstone and whose local one was not (deleted by a colleague). */
  deleted: string[]
  /** Of `unchanged`, the ids whose incoming version was older than the local one and was set aside. */
  older: string[]
}

export interface MergeResult {
  /** Every annotation of either side, one version per id, ordered by id. */
  merged: Annotation[]
  report: MergeReport
}

/**
 * Merges a colleague's annotations into ours, by id: a new id is added; for a
 * known id the newer `modified` wins, a tombstone wins over older edits and
 * loses to newer ones, and equal times with different content are settled by
 * compareVersions the same way on every machine and reported as conflicts.
 * Nothing present on either side is dropped (deleted ones stay as
 * tombstones), creators are kept as they are, and the result is ordered by id,
 * so merging the same sets in any order or grouping, any number of times,
 * gives the same list.
 */
export function mergeAnnotations(local: readonly Annotation[], incoming: readonly Annotation[]): MergeResult {
  const byId = new Map<string, Annotation>()
  for (const a of local) keepGreater(byId, a)
  const localById = new Map(byId)
  const report: MergeReport = { added: [], updated: [], unchanged: [], conflicts: [], deleted: [], older: [] }
  const incomingById = new Map<string, Annotation>()
  for (const a of incoming) keepGreater(incomingById, a)

  for (const [id, theirs] of incomingById) {
    const ours = localById.get(id)
    if (!ours) {
      byId.set(id, theirs)
      report.added.push(id)
      if (theirs.deleted) report.deleted.push(id)
      continue
    }
    const order = compareVersions(theirs, ours)
    if (order === 0) {
      report.unchanged.push(id)
      continue
    }
    const winner = order > 0 ? theirs : ours
    byId.set(id, winner)
    if (modifiedTime(theirs) === modifiedTime(ours)) {
      report.conflicts.push({
        id,
        kept: order > 0 ? 'incoming' : 'local',
        ...conflictReason(ours, theirs),
      })
    } else if (order > 0) {
      report.updated.push(id)
    } else {
      report.unchanged.push(id)
      report.older.push(id)
    }
    if (winner.deleted && !ours.deleted) report.deleted.push(id)
  }
  const merged = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { merged, report }
}

/** Keeps, per id, the greater version (several versions of one id on one side merge among themselves). */
function keepGreater(byId: Map<string, Annotation>, a: Annotation): void {
  const known = byId.get(a.id)
  if (!known || compareVersions(a, known) > 0) byId.set(a.id, a)
}

/** Words for a conflict: what differs between the two versions saved at the same instant. */
function conflictReason(ours: Annotation, theirs: Annotation): { reason: string; text: LocalText } {
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
  const text = reason('conflict', { time: ours.modified, parts, kept })
  return { reason: englishText(text), text }
}

function sameTarget(a: Annotation, b: Annotation): boolean {
  const [qa, qb, pa, pb] = [a.target.quote, b.target.quote, a.target.position, b.target.position]
  return (
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix &&
    pa.start === pb.start &&
    pa.end === pb.end
  )
}
