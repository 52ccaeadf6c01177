import type { LocalText } from '../i18n/local-text'
import { reason, rejection } from './reasons'
import { localText } from '../i18n/local-text'
import { repliedTo, type Annotation } from '../annotation'
import { HamishError } from '../errors'
import { asList, hasType, isObject, own, shown, single, type JsonObject } from './json-shape'
import type { ParsedFile, ParseOptions, Rejection } from './types'
import {
  checkAnnotation,
  checkItemCount,
  cleanTitle,
  settleDuplicateIds,
  type RawAnnotation,
} from './validate-incoming'

/** The file formats an annotation import understands. */
export type SharedFileFormat = 'w3c' | 'hypothesis' | 'unknown'

/**
 * Which reader a parsed file needs: a W3C AnnotationCollection (ours or
 * another tool's), a Hypothesis JSON export (the client's `{annotations: […]}`
 * export, the API's `{rows: […]}` search answer, or a bare array of rows), or
 * neither.
 */
export function detectFormat(json: unknown): SharedFileFormat {
  if (isObject(json) && hasType(own(json, 'type'), 'AnnotationCollection')) return 'w3c'
  const rows = hypothesisRows(json)
  if (!rows) return 'unknown'
  const first = rows[0]
  if (first === undefined) return 'hypothesis'
  return isObject(first) && (own(first, 'user') !== undefined || own(first, 'target') !== undefined)
    ? 'hypothesis'
    : 'unknown'
}

/** The rows of a Hypothesis export in any of its three shapes, or null. */
function hypothesisRows(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  if (!isObject(json)) return null
  const rows = own(json, 'rows') ?? own(json, 'annotations')
  return Array.isArray(rows) ? rows : null
}

/** Hypothesis annotation ids: 22 URL-safe base64 characters today; a little slack for other servers. */
const HYPOTHESIS_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Reads a Hypothesis JSON export. Each row that annotates a passage (with a
 * TextQuoteSelector; its TextPositionSelector is kept as a hint, since
 * Hypothesis counts in the web page's text) becomes a yellow annotation with
 * id `hypothesis:<id>` (so importing the same export twice changes nothing),
 * the row's Markdown `text` as note, its tags, its author (`acct:…` as the
 * author id, the display name or user name as name), `created` and
 * `updated`. A page note (no selector) becomes an article note; a reply
 * (`references`, the last its direct parent) a reply to the annotation with
 * that Hypothesis id, or an article note, with a line in `adjusted`, when
 * that annotation is not taken from the file. Rejected with a reason: rows
 * with a selector but no quote, and rows on another page than most of the
 * file's (a Hypothesis export can span pages; Hamish imports one article at
 * a time). The file
 * names no fingerprint: the article is found by its quotes or chosen by the
 * user.
 */
export function fromHypothesis(json: unknown, options: ParseOptions = {}): ParsedFile {
  const now = options.now ?? Date.now()
  const rows = hypothesisRows(json)
  if (!rows) {
    throw new HamishError('invalid-content', localText('messages.notHypothesis'))
  }
  checkItemCount(rows.length)
  const uri = mainUri(rows)
  const accepted: Annotation[] = []
  const rejected: Rejection[] = []
  let title = ''
  for (const row of rows) {
    const raw = readRow(row, uri)
    if ('reason' in raw) {
      rejected.push(rejection(raw.id, raw.reason))
      continue
    }
    const checked = checkAnnotation(raw, now)
    if (!checked.ok) {
      rejected.push(rejection(raw.id, checked.reason))
      continue
    }
    accepted.push(checked.annotation)
    if (!title && isObject(row)) title = documentTitle(row)
  }
  const { annotations, adjusted } = keepOrphanReplies(settleDuplicateIds(accepted, rejected))
  const parsed: ParsedFile = { kind: 'hypothesis', fingerprint: null, title, annotations, rejected }
  if (adjusted.length > 0) parsed.adjusted = adjusted
  if (uri !== null) parsed.uri = uri
  return parsed
}

/** The page most rows annotate (the first one seen on a tie), or null when no row names one. */
function mainUri(rows: unknown[]): string | null {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const uri = isObject(row) ? own(row, 'uri') : undefined
    if (typeof uri === 'string') counts.set(uri, (counts.get(uri) ?? 0) + 1)
  }
  let best: string | null = null
  let most = 0
  for (const [uri, n] of counts) {
    if (n > most) {
      best = uri
      most = n
    }
  }
  return best
}

function documentTitle(row: JsonObject): string {
  const doc = own(row, 'document')
  return isObject(doc) ? cleanTitle(asList(own(doc, 'title'))[0]) : ''
}

type ReadRow = RawAnnotation | { id: string | null; reason: LocalText }

/** One row's fields, unchecked (checkAnnotation checks them), or why the row is not an annotation of a passage. */
function readRow(row: unknown, uri: string | null): ReadRow {
  if (!isObject(row)) return { id: null, reason: reason('notObject') }
  const rawId = own(row, 'id')
  if (typeof rawId !== 'string' || !HYPOTHESIS_ID.test(rawId)) {
    return {
      id: typeof rawId === 'string' ? rawId.slice(0, 200) : null,
      reason: reason('badHypothesisId', { value: shown(rawId) }),
    }
  }
  const id = `hypothesis:${rawId}`
  const rowUri = own(row, 'uri')
  if (uri !== null && typeof rowUri === 'string' && rowUri !== uri) {
    return { id, reason: reason('otherPage', { page: shown(rowUri), filePage: shown(uri) }) }
  }
  const tags = own(row, 'tags')
  if (tags !== undefined && !Array.isArray(tags)) return { id, reason: reason('tagsNotList') }
  const text = own(row, 'text')
  const fields = {
    id,
    note: text === undefined || text === null ? '' : text,
    tags: tags ?? [],
    color: 'yellow',
    deleted: false,
    creator: readUser(own(row, 'user'), own(row, 'user_info')),
    created: own(row, 'created'),
    modified: own(row, 'updated') ?? own(row, 'created'),
  }
  // A reply lists the thread's ids from its root down; the last is the annotation it answers.
  const references = asList(own(row, 'references'))
  if (references.length > 0) {
    const parent = references[references.length - 1]
    const annotationId =
      typeof parent === 'string' && HYPOTHESIS_ID.test(parent) ? `hypothesis:${parent}` : null
    return { ...fields, quote: null, position: null, about: { kind: 'reply', annotationId } }
  }
  const targets = asList(own(row, 'target'))
  const target = targets.find((t) => isObject(t) && asList(own(t, 'selector')).length > 0)
  // A page note: about the page as a whole.
  if (!isObject(target)) return { ...fields, quote: null, position: null, about: { kind: 'article' } }
  let quote: RawAnnotation['quote'] = null
  let position: RawAnnotation['position'] = null
  for (const s of asList(own(target, 'selector'))) {
    if (!isObject(s)) continue
    if (!quote && own(s, 'type') === 'TextQuoteSelector') {
      quote = { exact: own(s, 'exact'), prefix: own(s, 'prefix'), suffix: own(s, 'suffix') }
    } else if (!position && own(s, 'type') === 'TextPositionSelector') {
      position = { start: own(s, 'start'), end: own(s, 'end') }
    }
  }
  return { ...fields, quote, position }
}

/**
 * Replies whose annotation is not among those taken from the file (not in
 * the export, or refused) become article notes, each with a line saying so:
 * kept, never dropped, and never pointing at nothing.
 */
function keepOrphanReplies(annotations: Annotation[]): { annotations: Annotation[]; adjusted: Rejection[] } {
  const ids = new Set(annotations.map((a) => a.id))
  const adjusted: Rejection[] = []
  const out = annotations.map((a) => {
    const parent = repliedTo(a)
    if (parent === null || ids.has(parent)) return a
    adjusted.push(
      rejection(a.id, reason('replyKeptAsArticleNote', { parent: parent.slice('hypothesis:'.length) })),
    )
    return { ...a, about: { kind: 'article' as const } }
  })
  return { annotations: out, adjusted }
}

/** `acct:name@hypothes.is` as the author id; the display name, else the user name, as name. */
function readUser(user: unknown, info: unknown): RawAnnotation['creator'] {
  if (typeof user !== 'string') return null
  const display = isObject(info) ? single(own(info, 'display_name')) : undefined
  if (typeof display === 'string' && display.trim()) return { id: user, name: display }
  const m = /^acct:([^@]+)@/.exec(user)
  return { id: user, name: m ? m[1] : user }
}
