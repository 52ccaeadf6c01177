import type { LocalText } from '../i18n/local-text'
import { hasTag } from '../tags'
import { problem, reason, rejection, type FileProblem } from './reasons'
import { localText } from '../i18n/local-text'
import * as v from 'valibot'
import {
  HIGHLIGHT_COLORS,
  QUOTE_CONTEXT,
  type Annotation,
  type AnnotationAbout,
  type AnnotationTarget,
  type HighlightColor,
} from '../annotation'
import { ANNOTATION_ID } from './ids'
import { MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../contract/limits'
import { docSchema, MAX_DOCUMENT_CHARS, type DocNode } from '../document'
import { HamishError } from '../errors'
import { plainText } from '../plain-text'
import { sameAnnotation } from './canonical'
import {
  FUTURE_TOLERANCE_MS,
  MAX_CREATOR_ID,
  MAX_CREATOR_NAME,
  MAX_DOC_DEPTH,
  MAX_SHARED_ANNOTATIONS,
  MAX_SHARED_TITLE,
} from './limits'
import { shown } from './json-shape'
import { oneLineWithoutControls, withoutControls } from './control-chars'
import type { Rejection, SharedArticleBundle } from './types'

/**
 * The checks every incoming annotation passes, whatever the file format.
 * Each format reader (w3c-format.ts, hypothesis-format.ts) pulls the fields
 * out of its own shape, unchecked, into a RawAnnotation; checkAnnotation
 * turns that into an Annotation or a reason. A problem with the file as a
 * whole (too many items, a bad bundle) throws a HamishError and the import
 * changes nothing; a problem with one item rejects that item only.
 *
 * An article note or a reply (`about` set) has no passage: it is refused
 * if it quotes one, or if a reply names no usable annotation id or itself;
 * otherwise it is checked as a highlight is, without the quote's checks.
 *
 * What is refused, and what is only normalised:
 * - refused: no quote (TextQuoteSelector.exact empty or missing: without the
 *   quoted words Hamish cannot find the passage), a quote over 100,000
 *   characters, a note over 100,000, more than 100 tags or a tag over 64
 *   characters, an unknown colour, a missing or unparsable date, a date with
 *   no time zone, a date more than 5 minutes ahead of this machine's clock, a
 *   missing author, ids that collide within the file with different content
 *   (all of them).
 * - normalised: a position that is not two integers 0 ≤ start ≤ end becomes
 *   [0, 0) (unknown: the quote finds the passage); context beyond 32 code
 *   points either side is cut to 32; dates become ISO 8601 UTC with
 *   milliseconds; tags are trimmed, empty ones dropped, repeats removed;
 *   control characters (C0 but tab and newline, DEL, C1) are removed from
 *   quote, context and note, and from tags and the author's name, where
 *   whitespace controls become a space (control-chars.ts).
 * - kept as text: HTML or script in notes (notes are Markdown rendered
 *   without HTML, never as HTML).
 * Positions beyond the end of the local text need no check here: anchoring
 * treats them as a hint and finds the quote.
 */
export interface RawAnnotation {
  id: string
  /** The TextQuoteSelector's fields, or null when the item has none. */
  quote: { exact: unknown; prefix: unknown; suffix: unknown } | null
  position: { start: unknown; end: unknown } | null
  /**
   * Set for an article note or a reply: `kind` 'article' or 'reply', and for
   * a reply the id (as Hamish stores it, mapped from the file's IRI; null
   * when the IRI holds no usable id) of the annotation it answers.
   */
  about?: { kind: unknown; annotationId?: unknown }
  note: unknown
  tags: unknown[]
  color: unknown
  deleted: unknown
  creator: { id: unknown; name: unknown } | null
  created: unknown
  modified: unknown
}

export type Checked = { ok: true; annotation: Annotation } | { ok: false; reason: LocalText }

/** Checks one annotation pulled from a file (see RawAnnotation for the rules); `now` in ms since the epoch. */
export function checkAnnotation(raw: RawAnnotation, now: number): Checked {
  const fail = (why: LocalText): Checked => ({ ok: false, reason: why })
  let located: { target: AnnotationTarget } | { about: AnnotationAbout }
  if (raw.about !== undefined) {
    if (raw.quote) return fail(reason('aboutAndQuote'))
    const about = checkAbout(raw.about, raw.id)
    if ('key' in about) return fail(about)
    located = { about }
  } else {
    const target = checkTarget(raw)
    if ('key' in target) return fail(target)
    located = { target }
  }
  if (typeof raw.note !== 'string') return fail(reason('noteNotText'))
  const note = withoutControls(raw.note)
  if (note.length > MAX_NOTE_LENGTH) {
    return fail(reason('noteTooLong', { limit: MAX_NOTE_LENGTH }))
  }
  const tags = checkTags(raw.tags)
  if (!Array.isArray(tags)) return fail(tags)
  const color = raw.color === undefined ? 'yellow' : raw.color
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(color)) {
    return fail(reason('badColour', { value: shown(color, 40), colours: HIGHLIGHT_COLORS.join(', ') }))
  }
  const deleted = raw.deleted === undefined ? false : raw.deleted
  if (typeof deleted !== 'boolean') return fail(reason('deletedNotBoolean'))
  const creator = checkCreator(raw.creator)
  if ('key' in creator) return fail(creator)
  const created = checkDate(raw.created, 'created', now)
  if (!created.ok) return fail(created.reason)
  const modified = checkDate(raw.modified, 'modified', now)
  if (!modified.ok) return fail(modified.reason)
  return {
    ok: true,
    annotation: {
      id: raw.id,
      ...located,
      body: { color: color as HighlightColor, note, tags },
      creator,
      created: created.iso,
      modified: modified.iso,
      deleted,
    },
  }
}

/** A highlight's passage, normalised (see RawAnnotation), or why it is refused. */
function checkTarget(raw: RawAnnotation): AnnotationTarget | LocalText {
  const q = raw.quote
  const exact = q && typeof q.exact === 'string' ? withoutControls(q.exact) : ''
  if (!q || exact.length === 0) return reason('noQuote')
  if (exact.length > MAX_QUOTE_LENGTH) return reason('quoteTooLong', { limit: MAX_QUOTE_LENGTH })
  if (!isOptionalString(q.prefix) || !isOptionalString(q.suffix)) return reason('quoteContextNotText')
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: lastCodePoints(withoutControls((q.prefix as string | undefined) ?? ''), QUOTE_CONTEXT),
      suffix: firstCodePoints(withoutControls((q.suffix as string | undefined) ?? ''), QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', ...checkPosition(raw.position) },
  }
}

/**
 * What an article note or a reply is about, or why it is refused: a reply
 * must name an annotation by an id Hamish can store, and not itself (a
 * thread must end somewhere). Its parent need not be in the file: a reply
 * to a note deleted since, or not shared, is kept and shown apart.
 */
function checkAbout(raw: NonNullable<RawAnnotation['about']>, id: string): AnnotationAbout | LocalText {
  if (raw.kind === 'article') return { kind: 'article' }
  if (raw.kind !== 'reply') return reason('aboutUnusable')
  const parent = raw.annotationId
  if (typeof parent !== 'string' || !ANNOTATION_ID.test(parent)) return reason('replyParentUnusable')
  if (parent === id) return reason('replyToItself')
  return { kind: 'reply', annotationId: parent }
}

function isOptionalString(x: unknown): boolean {
  return x === undefined || typeof x === 'string'
}

/** Tags trimmed, empty ones dropped, repeats (in any case) removed; or why they are refused. */
function checkTags(raw: unknown[]): string[] | LocalText {
  const out: string[] = []
  for (const t of raw) {
    if (typeof t !== 'string') return reason('tagNotText')
    const tag = oneLineWithoutControls(t).trim()
    if (!tag) continue
    if (tag.length > MAX_TAG_LENGTH) return reason('tagTooLong', { limit: MAX_TAG_LENGTH })
    if (!hasTag(out, tag)) out.push(tag)
    if (out.length > MAX_TAGS) return reason('tooManyTags', { limit: MAX_TAGS })
  }
  return out
}

function checkCreator(raw: RawAnnotation['creator']): Annotation['creator'] | LocalText {
  if (!raw || typeof raw.id !== 'string' || raw.id.trim() === '') return reason('noAuthor')
  const id = raw.id.trim()
  if (id.length > MAX_CREATOR_ID || /[\u0000-\u001f\u007f]/.test(id)) return reason('authorIdUnusable')
  if (raw.name !== undefined && typeof raw.name !== 'string') return reason('authorNameNotText')
  const name = oneLineWithoutControls(raw.name ?? '').trim()
  if (name.length > MAX_CREATOR_NAME) return reason('authorNameTooLong', { limit: MAX_CREATOR_NAME })
  return { id, name }
}

/** xsd:dateTime with a time zone, as W3C asks; up to 9 digits of fractions of a second. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

type CheckedDate = { ok: true; iso: string } | { ok: false; reason: LocalText }

/** A date from a file as ISO 8601 UTC with milliseconds, or why it is refused. */
export function checkDate(value: unknown, which: 'created' | 'modified', now: number): CheckedDate {
  const field = reason(which)
  if (value === undefined || value === null) return { ok: false, reason: reason('noDate', { field }) }
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null
  if (!m) return { ok: false, reason: reason('dateNotDateTime', { field, value: shown(value, 60) }) }
  const fraction = m[2] ? m[2].slice(0, 4).padEnd(4, '0') : '.000'
  const t = Date.parse(`${m[1]}${fraction}${m[3]}`)
  const iso = Number.isNaN(t) ? '' : new Date(t).toISOString()
  if (!iso || !sameWallClock(m[1]!, t, iso, m[3]!)) {
    return { ok: false, reason: reason('dateNotReal', { field, value: shown(value, 60) }) }
  }
  if (t > now + FUTURE_TOLERANCE_MS) {
    return {
      ok: false,
      reason: reason('dateInFuture', {
        field,
        value: shown(value, 60),
        minutes: FUTURE_TOLERANCE_MS / 60_000,
      }),
    }
  }
  return { ok: true, iso }
}

/** Date.parse rolls 2026-02-30 over to March in some engines: check the written date and time survived. */
function sameWallClock(written: string, t: number, iso: string, zone: string): boolean {
  if (zone === 'Z') return iso.startsWith(written)
  const minutes = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
  return new Date(t + minutes * 60_000).toISOString().startsWith(written)
}

/** A usable position, or [0, 0) meaning "unknown" (anchoring then goes by the quote alone). */
function checkPosition(raw: RawAnnotation['position']): { start: number; end: number } {
  if (!raw) return { start: 0, end: 0 }
  const { start, end } = raw
  if (
    typeof start === 'number' &&
    typeof end === 'number' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= MAX_DOCUMENT_CHARS
  ) {
    return { start, end }
  }
  return { start: 0, end: 0 }
}

function lastCodePoints(s: string, n: number): string {
  if (s.length <= n) return s
  const cps = Array.from(s)
  return cps.length <= n ? s : cps.slice(cps.length - n).join('')
}

function firstCodePoints(s: string, n: number): string {
  if (s.length <= n) return s
  const cps = Array.from(s)
  return cps.length <= n ? s : cps.slice(0, n).join('')
}

/** Refuses a file with more items than MAX_SHARED_ANNOTATIONS, before any item is looked at. */
export function checkItemCount(count: number): void {
  if (count > MAX_SHARED_ANNOTATIONS) {
    throw new HamishError(
      'invalid-content',
      localText('messages.tooManyAnnotations', { count, limit: MAX_SHARED_ANNOTATIONS }),
    )
  }
}

/**
 * Settles ids that occur more than once in one file. Copies with identical
 * content are one annotation. Otherwise the file contradicts itself about
 * that annotation and no copy can be trusted: every copy is rejected, and so
 * is any accepted copy of an id whose other copy was rejected for another
 * reason.
 */
export function settleDuplicateIds(accepted: Annotation[], rejected: Rejection[]): Annotation[] {
  const byId = new Map<string, Annotation[]>()
  for (const a of accepted) {
    const list = byId.get(a.id)
    if (list) list.push(a)
    else byId.set(a.id, [a])
  }
  const rejectedIds = new Set(rejected.map((r) => r.id).filter((id): id is string => id !== null))
  const out: Annotation[] = []
  for (const [id, copies] of byId) {
    const first = copies[0]!
    if (copies.length > 1 && copies.some((c) => !sameAnnotation(c, first))) {
      for (let i = 0; i < copies.length; i++) {
        rejected.push(rejection(id, reason('idConflict', { count: copies.length })))
      }
    } else if (rejectedIds.has(id)) {
      rejected.push(rejection(id, reason('idSiblingRejected')))
    } else {
      out.push(first)
    }
  }
  return out
}

/**
 * The article a bundle carries, checked as strictly as an imported file:
 * the document must pass docSchema (the reader's schema, safe links only)
 * and hold text; the metadata must be of the right kinds. Anything wrong
 * refuses the whole file, since the annotations would otherwise land on an
 * article that cannot be stored.
 */
export function checkBundle(raw: {
  doc: unknown
  lang: unknown
  dir: unknown
  source: unknown
  date: unknown
}): SharedArticleBundle {
  const refuse = (why: FileProblem, values?: LocalText['values']): never => {
    throw new HamishError(
      'invalid-content',
      localText('messages.bundleInvalid', { detail: problem(why, values) }),
    )
  }
  if (depthOver(raw.doc, MAX_DOC_DEPTH)) refuse('tooDeep', { limit: MAX_DOC_DEPTH })
  let result: v.SafeParseResult<typeof docSchema>
  try {
    result = v.safeParse(docSchema, raw.doc)
  } catch {
    refuse('unreadableDocument')
  }
  if (!result!.success) {
    const issue = result!.issues[0]
    const where = issue ? v.getDotPath(issue) : null
    refuse('unreadableDocumentAt', {
      detail: `${issue?.message ?? 'wrong shape'}${where ? ` at ${where}` : ''}`,
    })
  }
  const doc = result!.output as DocNode
  const text = plainText(doc)
  if (!text.trim()) refuse('noText')
  if (text.length > MAX_DOCUMENT_CHARS) refuse('tooLong', { limit: MAX_DOCUMENT_CHARS / 1024 / 1024 })
  if (typeof raw.lang !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(raw.lang)) {
    refuse('noLanguage')
  }
  if (raw.dir !== 'rtl' && raw.dir !== 'ltr') refuse('noDirection')
  if (typeof raw.source !== 'string' || raw.source.length > 1024) refuse('noSource')
  if (raw.date !== null && (typeof raw.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.date))) {
    refuse('badDate')
  }
  return {
    doc,
    lang: raw.lang as string,
    dir: raw.dir as 'rtl' | 'ltr',
    source: oneLineWithoutControls(raw.source as string),
    date: raw.date as string | null,
  }
}

/** Whether a parsed JSON value nests deeper than `limit` (explicit stack: no recursion on hostile input). */
function depthOver(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > limit) return true
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}

/** A title from a file: text on one line without controls, trimmed, at most MAX_SHARED_TITLE characters ('' when absent or not text). */
export function cleanTitle(raw: unknown): string {
  if (typeof raw !== 'string') return ''
  const t = oneLineWithoutControls(raw).replace(/\s+/g, ' ').trim()
  return t.length <= MAX_SHARED_TITLE ? t : Array.from(t).slice(0, MAX_SHARED_TITLE).join('').trim()
}
