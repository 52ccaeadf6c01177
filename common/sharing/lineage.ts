import type { Annotation, AnnotationVersion } from '../annotation'
import { canonicalAnnotation, compareVersions, modifiedTime } from './canonical'
import { hash128 } from './ids'

/**
 * Lineage: how a merge tells "they edited the version I have" from "we both
 * edited the same version" (issue 10 item 1). Each version of an annotation
 * has an id, the hash of its canonical content (versionId). A version made by
 * editing another lists that one's id in `lineage`; an annotation as stored
 * (or shared) is a state: its current version, the concurrent versions kept
 * beside it (`others`, "their version"), and what it has replaced (`replaced`,
 * `replacedUpTo`). A version is dropped only when it is known to be replaced:
 * its id is among the replaced ones, or it has no lineage (an older Hamish,
 * another tool) and a version without lineage newer than it was seen — the
 * old rule "the later modified wins", kept for files that cannot say more.
 * Every other version stays. Replaced ids and that time only grow, so a merge
 * (union of versions, union of replaced ids, latest time, then drop what is
 * replaced) is commutative, associative and idempotent. Hamish makes every
 * version later than the one it edits, so lineages never form a ring; when
 * they do (a hand-made file) or colleagues settle one conflict in opposite
 * ways, every version is replaced and `settle` keeps one: the merge stays
 * commutative and idempotent, but which version stays can depend on the
 * grouping (a version an earlier merge set aside is gone).
 */
export interface LineageState {
  /** Versions not known to be replaced, by versionId. */
  heads: Map<string, AnnotationVersion>
  replaced: Set<string>
  /** Milliseconds: versions without lineage modified before this are replaced. */
  upTo: number
}

/** The id of a version: a 128-bit hash of its canonical content (the same on every machine). */
export function versionId(a: Annotation | AnnotationVersion): string {
  return hash128(canonicalAnnotation(a))
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('')
}

/** One version without the state's fields (others, replaced, replacedUpTo). */
export function versionOf(a: Annotation | AnnotationVersion): AnnotationVersion {
  const { others: _o, replaced: _r, replacedUpTo: _u, ...version } = a as Annotation
  return version
}

/** The state an annotation holds: its current version and the others, with what it has replaced. */
export function stateOf(a: Annotation): LineageState {
  const state: LineageState = { heads: new Map(), replaced: new Set(a.replaced ?? []), upTo: -Infinity }
  const upTo = a.replacedUpTo === undefined ? NaN : Date.parse(a.replacedUpTo)
  if (!Number.isNaN(upTo)) state.upTo = upTo
  for (const v of [versionOf(a), ...(a.others ?? [])]) addVersion(state, v)
  return settle(state)
}

/** Adds a version's own claims (its lineage, or its time when it has none) and the version. */
function addVersion(state: LineageState, v: AnnotationVersion): void {
  const id = versionId(v)
  if (v.lineage) {
    for (const parent of v.lineage) if (parent !== id) state.replaced.add(parent)
  } else {
    state.upTo = Math.max(state.upTo, modifiedTime(v as Annotation))
  }
  const known = state.heads.get(id)
  state.heads.set(id, known ? sameVersionJoined(known, v) : v)
}

/** Two copies of one version: lineage is the union of what either says (none only when neither has any). */
function sameVersionJoined(a: AnnotationVersion, b: AnnotationVersion): AnnotationVersion {
  if (!a.lineage && !b.lineage) return a
  const lineage = [...new Set([...(a.lineage ?? []), ...(b.lineage ?? [])])].sort()
  return { ...a, lineage }
}

/** Whether a version is known to be replaced in this state. */
function isReplaced(state: LineageState, v: AnnotationVersion, id: string): boolean {
  return state.replaced.has(id) || (!v.lineage && modifiedTime(v as Annotation) < state.upTo)
}

/**
 * Drops replaced versions. Should every version be replaced (lineages that
 * name each other, which only a hand-made file has, or colleagues who
 * settled one conflict in opposite ways), the greatest one by
 * compareVersions stays, so an annotation never vanishes. It stays as a
 * version known to be replaced and claiming nothing (lineage `[]`, its id
 * among the replaced, what its lineage said already there too): which
 * copies of it a merge still held, with or without lineage, depended on the
 * order the files came in, and must not show in the result.
 */
function settle(state: LineageState): LineageState {
  const all = [...state.heads.entries()]
  const live = all.filter(([id, v]) => !isReplaced(state, v, id))
  if (live.length > 0) return { ...state, heads: new Map(live) }
  const [id, greatest] = all.reduce((best, x) =>
    compareVersions(x[1] as Annotation, best[1] as Annotation) > 0 ? x : best,
  )
  const replaced = new Set(state.replaced).add(id)
  return { ...state, replaced, heads: new Map([[id, { ...greatest, lineage: [] }]]) }
}

/** Two states of one annotation joined (see the module comment). */
export function joinStates(a: LineageState, b: LineageState): LineageState {
  const state: LineageState = {
    heads: new Map(a.heads),
    replaced: new Set([...a.replaced, ...b.replaced]),
    upTo: Math.max(a.upTo, b.upTo),
  }
  for (const v of b.heads.values()) addVersion(state, v)
  return settle(state)
}

/**
 * A state as the annotation stored and shared: the greatest version (by
 * compareVersions, the same on every machine) is the current one, the rest
 * are `others` in that order; `replaced` and `replacedUpTo` hold only what
 * the versions themselves do not already say, so an annotation that never
 * met a concurrent edit looks as it always did.
 */
export function annotationOf(state: LineageState): Annotation {
  const versions = [...state.heads.values()].sort((x, y) => compareVersions(y as Annotation, x as Annotation))
  const [main, ...others] = versions
  const out: Annotation = { ...(main as Annotation) }
  if (others.length > 0) out.others = others
  const said = new Set(versions.flatMap((v) => v.lineage ?? []))
  const replaced = [...state.replaced].filter((id) => !said.has(id)).sort()
  if (replaced.length > 0) out.replaced = replaced
  const newestWithout = Math.max(
    -Infinity,
    ...versions.filter((v) => !v.lineage).map((v) => modifiedTime(v as Annotation)),
  )
  if (Number.isFinite(state.upTo) && state.upTo > newestWithout)
    out.replacedUpTo = new Date(state.upTo).toISOString()
  return out
}

/**
 * The next version of an annotation after a local change: it descends from
 * the current one (whose id joins its lineage), keeps the concurrent versions
 * beside it (the user has not chosen yet) and everything already replaced.
 * Being the newest, it is normally the one shown; should a concurrent version
 * carry a later time, the merge order decides, as it would on any machine.
 */
export function succeed(previous: Annotation, next: Annotation): Annotation {
  const state = stateOf(previous)
  const current = versionOf(previous)
  const made: AnnotationVersion = { ...versionOf(next), lineage: [versionId(current)] }
  state.replaced.add(versionId(current))
  state.heads.delete(versionId(current))
  addVersion(state, made)
  return annotationOf(settle(state))
}

/**
 * The annotation with the version `id` shown and the others beside it (when
 * that version is among them): a merge into your own annotation keeps yours
 * shown whatever the file's clock says.
 */
export function showingVersion(a: Annotation, id: string): Annotation {
  const all = [versionOf(a), ...(a.others ?? [])]
  const shown = all.find((v) => versionId(v) === id)
  if (!shown || versionId(a) === id) return a
  const out: Annotation = { ...(shown as Annotation) }
  const others = all.filter((v) => v !== shown)
  if (others.length > 0) out.others = others
  if (a.replaced) out.replaced = a.replaced
  if (a.replacedUpTo) out.replacedUpTo = a.replacedUpTo
  return out
}
