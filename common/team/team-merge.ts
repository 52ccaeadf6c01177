import type { Annotation } from '../annotation'
import { mergeAnnotations } from '../sharing/merge'
import { authorIdOf } from './layout'

/** One device's annotation file (or a conflict copy of it), parsed: who wrote it, and what it holds. */
export interface TeamInput {
  /** The file's path in the team folder, for the report. */
  file: string
  /** The member and device the file's name and its content both say wrote it. */
  member: string
  device: string
  annotations: readonly Annotation[]
}

/** Why an input was not merged. */
export interface RefusedInput {
  file: string
  why: string
}

/**
 * Edit rights, as in a Zotero group: a device's file may only carry its own
 * member's annotations. A file holding another member's (a hostile file, or
 * a bug) is refused whole, so nobody can change or delete a colleague's
 * notes through their own file.
 */
export function refusalOf(input: TeamInput): string | null {
  const author = authorIdOf(input.member)
  const foreign = input.annotations.find((a) => a.creator.id.toLowerCase() !== author)
  return foreign
    ? `it holds an annotation by another member (${foreign.creator.id}), which only that member's files may hold`
    : null
}

/**
 * The union of every accepted input's annotations, merged by the sharing
 * merge (lineage, tombstones, conflicts kept beside): the merge is
 * commutative, associative and idempotent, so how the annotations were split
 * across files and copies does not change the result.
 */
export function mergeTeamInputs(inputs: readonly TeamInput[]): Annotation[] {
  let merged: Annotation[] = []
  for (const input of inputs) merged = mergeAnnotations(merged, input.annotations).merged
  return merged
}
