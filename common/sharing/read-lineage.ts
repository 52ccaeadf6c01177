import type { Annotation, AnnotationVersion } from '../annotation'
import type { LocalText } from '../i18n/local-text'
import { isObject, own, type JsonObject } from './json-shape'
import { MAX_OTHER_VERSIONS, MAX_REPLACED_VERSIONS } from './limits'
import { reason } from './reasons'
import { annotationIdFromIri } from './ids'
import { checkAnnotation, checkDate, type Checked } from './validate-incoming'

/** A version id as lineage.ts makes them: 128 bits in hex. */
const VERSION_ID = /^[0-9a-f]{32}$/

/**
 * An annotation's lineage from its extension (lineage, the versions kept
 * beside it, what it replaced), checked as strictly as the annotation
 * itself: every version beside it passes checkAnnotation, every id is a
 * version id, lists are bounded. Anything wrong rejects the item with a
 * reason; a file without these fields reads as before (no lineage).
 */
export function readLineage(a: Annotation, ext: unknown, now: number): Checked {
  if (!isObject(ext)) return { ok: true, annotation: a }
  const fail = (why: LocalText): Checked => ({ ok: false, reason: why })
  const out: Annotation = { ...a }
  const lineage = versionIds(own(ext, 'lineage'), MAX_OTHER_VERSIONS)
  if (lineage === null) return fail(reason('lineageUnusable'))
  if (lineage) out.lineage = lineage
  const replaced = versionIds(own(ext, 'replaced'), MAX_REPLACED_VERSIONS)
  if (replaced === null) return fail(reason('lineageUnusable'))
  if (replaced && replaced.length > 0) out.replaced = replaced
  const upTo = own(ext, 'replacedUpTo')
  if (upTo !== undefined) {
    const date = checkDate(upTo, 'modified', now)
    if (!date.ok) return fail(date.reason)
    out.replacedUpTo = date.iso
  }
  const others = own(ext, 'others')
  if (others !== undefined) {
    if (!Array.isArray(others) || others.length > MAX_OTHER_VERSIONS) return fail(reason('lineageUnusable'))
    const versions: AnnotationVersion[] = []
    for (const raw of others) {
      const v = otherVersion(a.id, raw, now)
      if (!v.ok) return fail(reason('otherVersionUnusable', { detail: v.reason }))
      versions.push(v.annotation)
    }
    if (versions.length > 0) out.others = versions
  }
  return { ok: true, annotation: out }
}

/** A list of version ids: undefined when absent, null when unusable. */
function versionIds(raw: unknown, limit: number): string[] | undefined | null {
  if (raw === undefined) return undefined
  if (!Array.isArray(raw) || raw.length > limit) return null
  if (!raw.every((x) => typeof x === 'string' && VERSION_ID.test(x))) return null
  return [...new Set(raw as string[])].sort()
}

/** A kept version's `about` (a reply's parent as an IRI), for checkAnnotation to judge. */
function readAbout(raw: unknown): { kind: unknown; annotationId?: unknown } {
  if (!isObject(raw)) return { kind: undefined }
  const parent = own(raw, 'annotation')
  return {
    kind: own(raw, 'kind'),
    annotationId: typeof parent === 'string' ? annotationIdFromIri(parent) : null,
  }
}

/** One version kept beside the current one, through the same checks as any incoming annotation. */
function otherVersion(id: string, raw: unknown, now: number): Checked {
  if (!isObject(raw)) return { ok: false, reason: reason('notObject') }
  const o = raw as JsonObject
  const q = own(o, 'quote')
  const p = own(o, 'position')
  const creator = own(o, 'creator')
  const tags = own(o, 'tags')
  const about = own(o, 'about')
  const checked = checkAnnotation(
    {
      id,
      ...(about === undefined ? {} : { about: readAbout(about) }),
      quote: isObject(q)
        ? { exact: own(q, 'exact'), prefix: own(q, 'prefix'), suffix: own(q, 'suffix') }
        : null,
      position: isObject(p) ? { start: own(p, 'start'), end: own(p, 'end') } : null,
      note: own(o, 'note'),
      tags: Array.isArray(tags) ? tags : [],
      color: own(o, 'color'),
      deleted: own(o, 'deleted'),
      creator: isObject(creator) ? { id: own(creator, 'id'), name: own(creator, 'name') } : null,
      created: own(o, 'created'),
      modified: own(o, 'modified'),
    },
    now,
  )
  if (!checked.ok) return checked
  const lineage = versionIds(own(o, 'lineage'), MAX_OTHER_VERSIONS)
  if (lineage === null) return { ok: false, reason: reason('lineageUnusable') }
  return { ok: true, annotation: lineage ? { ...checked.annotation, lineage } : checked.annotation }
}
