import { checkArticleMeta } from '../article-meta-check'
import type { ArticleMeta } from '../article-meta'
import type { LocalText } from '../i18n/local-text'
import { problem, reason, rejection, type FileProblem } from './reasons'
import { localText } from '../i18n/local-text'
import {
  repliedTo,
  type Annotation,
  type AnnotationTarget,
  type AnnotationVersion,
  type HighlightColor,
} from '../annotation'
import { anchor, describeSelection, type AnchorText } from '../anchoring'
import { readLineage } from './read-lineage'
import type { DocNode } from '../document'
import { HamishError } from '../errors'
import type { Direction } from '../language'
import { annotationIdFromIri, annotationIri, derivedUuid } from './ids'
import { asList, hasType, isObject, own, shown, single, type JsonObject } from './json-shape'
import {
  checkAnnotation,
  checkBundle,
  checkItemCount,
  cleanTitle,
  settleDuplicateIds,
  type RawAnnotation,
} from './validate-incoming'
import type { ParsedFile, ParseOptions, Rejection, SharedArticle, SharedArticleBundle } from './types'

/** The Web Annotation JSON-LD context; every collection and annotation names it (W3C MUST). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The namespace of Hamish's one extension property. */
export const HAMISH_NAMESPACE = 'https://hamish.app/ns#'

/** The one key under which everything Hamish-specific travels, on the collection and on each annotation. */
export const EXTENSION_KEY = 'hamish:extension'

/** Version of what is inside EXTENSION_KEY; a reader refuses a file with a newer one. */
export const SHARED_FORMAT_VERSION = 1

/**
 * `@context` of a file and of each of its annotations: the W3C context, then
 * the `hamish` prefix and `hamish:extension` as a JSON literal (`@json`,
 * JSON-LD 1.1), so a JSON-LD processor keeps the extension's content as an
 * opaque value instead of dropping its undefined keys. Each annotation
 * repeats it so that it is a complete Web Annotation on its own.
 */
export const SHARED_CONTEXT = [
  ANNO_CONTEXT,
  { '@version': 1.1, hamish: HAMISH_NAMESPACE, [EXTENSION_KEY]: { '@type': '@json' } },
] as const

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelectorJson {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextualBodyJson {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: 'text/markdown'
}

/** One annotation as written in a file. */
export interface W3CAnnotation {
  '@context': typeof SHARED_CONTEXT
  id: string
  type: 'Annotation'
  /** `replying` for a reply; `commenting` for an article note or a highlight with a note. */
  motivation: 'highlighting' | 'commenting' | 'replying'
  created: string
  modified: string
  creator: { id: string; type: 'Person'; name?: string }
  body?: TextualBodyJson[]
  /**
   * A highlight: the article and its passage. An article note: the
   * article's IRI itself. A reply: the IRI (the `id`) of the annotation it answers.
   */
  target: { source: string; selector: [TextQuoteSelectorJson, TextPositionSelectorJson] } | string
  [EXTENSION_KEY]: AnnotationExtension
}

/** A version kept beside the current one ("their version"), as it travels in the extension. */
export interface OtherVersionJson {
  created: string
  modified: string
  creator: { id: string; name: string }
  note: string
  tags: string[]
  color: HighlightColor
  deleted: boolean
  /** A highlight's version: its selectors. */
  quote?: { exact: string; prefix: string; suffix: string }
  position?: { start: number; end: number }
  /** An article note's or a reply's version: what it is about (a reply's annotation as its IRI). */
  about?: { kind: 'article' } | { kind: 'reply'; annotation: string }
  lineage?: string[]
}

/** What an annotation's extension holds (docs/FORMATS.md). */
export interface AnnotationExtension {
  color: HighlightColor
  deleted: boolean
  /** Ids of the versions this one was made from (absent: written without lineage). */
  lineage?: string[]
  others?: OtherVersionJson[]
  replaced?: string[]
  replacedUpTo?: string
  /**
   * The selectors as the annotation's author made them, when the ones in
   * `target` were re-described for this file's article (another edition of
   * the text): what identifies the annotation and comes back on import.
   */
  original?: {
    quote: { exact: string; prefix: string; suffix: string }
    position: { start: number; end: number }
  }
  /** Not found in this file's article: `target` holds the author's selectors as they were. */
  orphan?: true
}

/** What the collection's extension holds: the article's identity and, in a bundle, its document. */
export interface CollectionExtension {
  version: typeof SHARED_FORMAT_VERSION
  article: SharedArticle
  document?: DocNode
  /** In a team folder's annotation file: the member and device that wrote it (its one writer). */
  writer?: { member: string; device: string }
}

/** A whole `*.hamish.json` file: a W3C AnnotationCollection with its one page inline. */
export interface W3CAnnotationCollection {
  '@context': typeof SHARED_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  generator: { id: string; type: 'Software'; name: string }
  generated: string
  [EXTENSION_KEY]: CollectionExtension
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] }
}

export interface CollectionInput {
  article: SharedArticle
  /** Every annotation of the article, tombstones included (so a colleague's merge deletes them too). */
  annotations: readonly Annotation[]
  /** Present for a bundle: the article's document travels with the annotations. */
  bundle?: { doc: DocNode }
  /** A team folder's file names its writer (common/team). */
  writer?: { member: string; device: string }
  /** Name and version of the program, e.g. "Hamish 0.1.0". */
  generator: string
  /** When the file was made (ISO 8601). */
  exportedAt: string
  /** The collection's IRI; by default a UUID derived from the article and the export time. */
  id?: string
  /**
   * The article's plain text, prepared: each annotation's selectors are then
   * described in this text (where it anchors), so the file agrees with its
   * own `source`; without it the stored selectors are written as they are.
   */
  text?: AnchorText
}

/** Where the Hamish program is described; the generator's id. */
const GENERATOR_ID = 'https://hamish.app/'

/**
 * An article's annotations as a W3C Web Annotation AnnotationCollection
 * (JSON-LD) that passes the W3C test suite's MUST schemas for collections,
 * pages and annotations. Lossless: fromAnnotationCollection gives back the
 * same annotations, so files can go back and forth between libraries.
 */
export function toAnnotationCollection(input: CollectionInput): W3CAnnotationCollection {
  const { article } = input
  const id = input.id ?? `urn:uuid:${derivedUuid(`collection ${article.fingerprint} ${input.exportedAt}`)}`
  // Only these fields travel: a caller may pass its whole ArticleSummary, whose local id, tags and
  // dates are nobody else's business.
  const shared: SharedArticle = {
    fingerprint: article.fingerprint,
    title: article.title,
    lang: article.lang,
    dir: article.dir,
    source: article.source,
    date: article.date,
  }
  // What cites the article travels with it (an earlier Hamish ignores the field).
  if (article.meta && Object.keys(article.meta).length > 0) shared.meta = article.meta
  const extension: CollectionExtension = { version: SHARED_FORMAT_VERSION, article: shared }
  if (input.bundle) extension.document = input.bundle.doc
  if (input.writer) extension.writer = { ...input.writer }
  const source = `urn:sha256:${article.fingerprint}`
  return {
    '@context': SHARED_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: article.title,
    total: input.annotations.length,
    generator: { id: GENERATOR_ID, type: 'Software', name: input.generator },
    generated: input.exportedAt,
    [EXTENSION_KEY]: extension,
    first: {
      id: `urn:uuid:${derivedUuid(`page ${id}`)}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: input.annotations.map((a) => toW3CAnnotation(a, source, input.text)),
    },
  }
}

/**
 * One annotation in W3C form; `source` is the article's `urn:sha256:` IRI.
 * With the article's text, the selectors describe where the annotation
 * anchors in it (a colleague's note made on another edition gets this text's
 * quote and positions, its own kept as `original`); one that does not anchor
 * keeps its selectors and is marked `orphan`.
 */
export function toW3CAnnotation(a: Annotation, source: string, text?: AnchorText): W3CAnnotation {
  const body: TextualBodyJson[] = []
  if (a.body.note !== '') {
    body.push({ type: 'TextualBody', value: a.body.note, format: 'text/markdown', purpose: 'commenting' })
  }
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  const ext: AnnotationExtension = { color: a.body.color, deleted: a.deleted }
  const common = {
    '@context': SHARED_CONTEXT,
    id: annotationIri(a.id),
    type: 'Annotation' as const,
    created: a.created,
    modified: a.modified,
    creator: a.creator.name
      ? { id: a.creator.id, type: 'Person' as const, name: a.creator.name }
      : { id: a.creator.id, type: 'Person' as const },
    ...(body.length > 0 ? { body } : {}),
  }
  if (!a.target) {
    withLineage(ext, a)
    const parent = repliedTo(a)
    const { body: notes, ...head } = common
    return {
      '@context': head['@context'],
      id: head.id,
      type: head.type,
      motivation: parent === null ? 'commenting' : 'replying',
      created: head.created,
      modified: head.modified,
      creator: head.creator,
      ...(notes ? { body: notes } : {}),
      target: parent === null ? source : annotationIri(parent),
      [EXTENSION_KEY]: ext,
    }
  }
  let { quote, position } = a.target
  if (text) {
    const found = anchor(text, a.target)
    if (!found) {
      if (!a.deleted) ext.orphan = true
    } else {
      const here = describeSelection(text, found.start, found.end)
      if (!sameSelectors(here, a.target)) {
        ext.original = selectorsJson(a.target)
        ;({ quote, position } = here)
      }
    }
  }
  withLineage(ext, a)
  return {
    '@context': common['@context'],
    id: common.id,
    type: common.type,
    motivation: a.body.note !== '' ? 'commenting' : 'highlighting',
    created: common.created,
    modified: common.modified,
    creator: common.creator,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
    [EXTENSION_KEY]: ext,
  }
}

/** The lineage fields of the extension, in the order every earlier Hamish wrote them. */
function withLineage(ext: AnnotationExtension, a: Annotation): void {
  if (a.lineage) ext.lineage = [...a.lineage]
  if (a.others && a.others.length > 0) ext.others = a.others.map(otherVersionJson)
  if (a.replaced && a.replaced.length > 0) ext.replaced = [...a.replaced]
  if (a.replacedUpTo) ext.replacedUpTo = a.replacedUpTo
}

function sameSelectors(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  )
}

function selectorsJson(t: AnnotationTarget): NonNullable<AnnotationExtension['original']> {
  return {
    quote: { exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix },
    position: { start: t.position.start, end: t.position.end },
  }
}

function otherVersionJson(v: AnnotationVersion): OtherVersionJson {
  const out: OtherVersionJson = {
    created: v.created,
    modified: v.modified,
    creator: { id: v.creator.id, name: v.creator.name },
    note: v.body.note,
    tags: [...v.body.tags],
    color: v.body.color,
    deleted: v.deleted,
  }
  if (v.target) Object.assign(out, selectorsJson(v.target))
  else {
    const parent = repliedTo(v)
    out.about = parent === null ? { kind: 'article' } : { kind: 'reply', annotation: annotationIri(parent) }
  }
  if (v.lineage) out.lineage = [...v.lineage]
  return out
}

/**
 * Reads an AnnotationCollection: a Hamish file, or one written by another
 * W3C tool. Refuses the whole file (HamishError, nothing imported) when it is
 * not a single-page collection, holds more than 50,000 items, says `total` is
 * something else than what it holds, comes from a newer Hamish, or bundles an
 * article that fails the document schema. Each item that fails a check is
 * rejected with its reason (validate-incoming.ts) and the rest are returned.
 */
export function fromAnnotationCollection(json: unknown, options: ParseOptions = {}): ParsedFile {
  const now = options.now ?? Date.now()
  const refuse = (why: FileProblem, values?: LocalText['values']): never => {
    throw new HamishError(
      'invalid-content',
      localText('messages.notAnnotationFile', { detail: problem(why, values) }),
    )
  }
  if (!isObject(json) || !hasType(own(json, 'type'), 'AnnotationCollection')) refuse('notCollection')
  const collection = json as JsonObject
  if (!asList(own(collection, '@context')).includes(ANNO_CONTEXT)) {
    refuse('wrongContext', { context: ANNO_CONTEXT })
  }
  const ext = readCollectionExtension(own(collection, EXTENSION_KEY))
  const page = single(own(collection, 'first'))
  if (typeof page === 'string') refuse('remoteAnnotations')
  if (!isObject(page) || !Array.isArray(own(page, 'items'))) refuse('noPage')
  const items = own(page as JsonObject, 'items') as unknown[]
  if (own(page as JsonObject, 'next') !== undefined) {
    refuse('morePages')
  }
  checkItemCount(items.length)
  const total = single(own(collection, 'total'))
  if (total !== undefined && total !== items.length) {
    refuse('wrongTotal', { total: shown(total), count: items.length })
  }

  const fingerprint = ext?.article.fingerprint ?? null
  const bundle: SharedArticleBundle | undefined =
    ext && ext.document !== undefined
      ? checkBundle({
          doc: ext.document,
          lang: ext.article.lang,
          dir: ext.article.dir,
          source: ext.article.source,
          date: ext.article.date,
        })
      : undefined

  const accepted: Annotation[] = []
  const rejected: Rejection[] = []
  for (const item of items) {
    const raw = readItem(item, fingerprint)
    if ('reason' in raw) {
      rejected.push(rejection(raw.id, raw.reason))
      continue
    }
    const checked = checkAnnotation(raw, now)
    const withLineage = checked.ok
      ? readLineage(checked.annotation, own(item as JsonObject, EXTENSION_KEY), now)
      : checked
    if (withLineage.ok) accepted.push(withLineage.annotation)
    else rejected.push(rejection(raw.id, withLineage.reason))
  }
  const parsed: ParsedFile = {
    kind: ext ? 'hamish' : 'w3c',
    fingerprint,
    title: cleanTitle(own(collection, 'label')) || cleanTitle(ext?.article.title),
    annotations: settleDuplicateIds(accepted, rejected),
    rejected,
  }
  if (bundle) parsed.bundle = bundle
  if (ext?.meta) parsed.meta = ext.meta
  return parsed
}

interface ReadExtension {
  article: {
    fingerprint: string
    title: unknown
    lang: unknown
    dir: unknown
    source: unknown
    date: unknown
  }
  meta: ArticleMeta | undefined
  document: unknown
}

/** The collection's Hamish extension, checked; undefined for another tool's file. */
function readCollectionExtension(raw: unknown): ReadExtension | undefined {
  if (raw === undefined) return undefined
  const damaged = (why: FileProblem): never => {
    throw new HamishError(
      'invalid-content',
      localText('messages.extensionDamaged', { section: EXTENSION_KEY, detail: problem(why) }),
    )
  }
  if (!isObject(raw)) damaged('notObject')
  const ext = raw as JsonObject
  const version = own(ext, 'version')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) damaged('noVersion')
  if ((version as number) > SHARED_FORMAT_VERSION) {
    throw new HamishError(
      'invalid-content',
      localText('messages.newerFormat', { version: version as number }),
    )
  }
  const article = own(ext, 'article')
  if (!isObject(article)) return damaged('noArticle')
  const fingerprint = own(article, 'fingerprint')
  if (typeof fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(fingerprint)) {
    damaged('noFingerprint')
  }
  return {
    article: {
      fingerprint: fingerprint as string,
      title: own(article, 'title'),
      lang: own(article, 'lang'),
      dir: own(article, 'dir') as Direction,
      source: own(article, 'source'),
      date: own(article, 'date'),
    },
    meta: checkArticleMeta(own(article, 'meta')).meta,
    document: own(ext, 'document'),
  }
}

type ReadItem = RawAnnotation | { id: string | null; reason: LocalText }

/** Pulls one item's fields out of its W3C shape, unchecked (checkAnnotation checks them). */
function readItem(item: unknown, fingerprint: string | null): ReadItem {
  if (!isObject(item)) return { id: null, reason: reason('notObject') }
  const rawId = single(own(item, 'id'))
  if (typeof rawId !== 'string' || rawId === '') return { id: null, reason: reason('noId') }
  const id = annotationIdFromIri(rawId)
  if (id === null) return { id: rawId.slice(0, 200), reason: reason('badId', { value: shown(rawId) }) }
  if (!hasType(own(item, 'type'), 'Annotation')) return { id, reason: reason('notAnnotationType') }

  const targets = asList(own(item, 'target'))
  if (targets.length !== 1) {
    return { id, reason: reason(targets.length ? 'severalTargets' : 'noTarget') }
  }
  const target = targets[0]
  let quote: RawAnnotation['quote'] = null
  let position: RawAnnotation['position'] = null
  const ext = own(item, EXTENSION_KEY)
  if (ext !== undefined && !isObject(ext))
    return { id, reason: reason('extensionNotObject', { key: EXTENSION_KEY }) }
  // The author's own selectors, when this file re-described them for its article: they identify the annotation.
  const original = ext ? own(ext as JsonObject, 'original') : undefined
  if (original !== undefined) {
    if (!isObject(original) || !isObject(own(original, 'quote')) || !isObject(own(original, 'position')))
      return { id, reason: reason('originalUnusable') }
    const q = own(original, 'quote') as JsonObject
    const p = own(original, 'position') as JsonObject
    quote = { exact: own(q, 'exact'), prefix: own(q, 'prefix'), suffix: own(q, 'suffix') }
    position = { start: own(p, 'start'), end: own(p, 'end') }
  }
  const about = noteAbout(item, target, original !== undefined)
  if (about) {
    if (about.kind === 'article' && fingerprint && about.iri !== `urn:sha256:${fingerprint}`) {
      return { id, reason: reason('otherArticle', { value: shown(about.iri) }) }
    }
  } else if (isObject(target)) {
    const source = single(own(target, 'source'))
    if (fingerprint && typeof source === 'string' && source !== `urn:sha256:${fingerprint}`) {
      return { id, reason: reason('otherArticle', { value: shown(source) }) }
    }
    for (const s of asList(own(target, 'selector'))) {
      if (!isObject(s)) continue
      const type = own(s, 'type')
      if (original !== undefined) break
      if (!quote && hasType(type, 'TextQuoteSelector')) {
        quote = { exact: own(s, 'exact'), prefix: own(s, 'prefix'), suffix: own(s, 'suffix') }
      } else if (!position && hasType(type, 'TextPositionSelector')) {
        position = { start: own(s, 'start'), end: own(s, 'end') }
      }
    }
  }

  const notes: string[] = []
  const tags: unknown[] = []
  const bodyValue = own(item, 'bodyValue')
  if (bodyValue !== undefined) {
    if (typeof bodyValue !== 'string') return { id, reason: reason('bodyValueNotText') }
    notes.push(bodyValue)
  }
  for (const body of asList(own(item, 'body'))) {
    const value = isObject(body) ? own(body, 'value') : undefined
    if (!isObject(body) || typeof value !== 'string') {
      return { id, reason: reason('bodyNotText') }
    }
    if (hasType(own(body, 'purpose'), 'tagging')) tags.push(value)
    else notes.push(value)
  }

  const creator = single(own(item, 'creator'))
  const modified = single(own(item, 'modified'))
  const created = single(own(item, 'created'))
  return {
    id,
    quote,
    position,
    ...(about
      ? {
          about: about.kind === 'reply' ? { kind: 'reply', annotationId: about.parent } : { kind: 'article' },
        }
      : {}),
    note: notes.join('\n\n'),
    tags,
    color: ext ? own(ext as JsonObject, 'color') : undefined,
    deleted: ext ? own(ext as JsonObject, 'deleted') : undefined,
    creator: readCreator(creator),
    created,
    modified: modified === undefined ? created : modified,
  }
}

/**
 * Whether an item is an article note or a reply rather than a highlight: a
 * reply is `motivation: "replying"` whose target is the IRI of the
 * annotation it answers (its parent's id as Hamish stores it, or null when
 * that IRI holds none); an article note's target is the article itself, an
 * IRI or a resource without selectors. Anything with selectors (or the
 * author's `original` ones) is a highlight, as before.
 */
function noteAbout(
  item: JsonObject,
  target: unknown,
  hasOriginal: boolean,
): { kind: 'article'; iri: unknown } | { kind: 'reply'; parent: string | null } | null {
  const iri =
    typeof target === 'string'
      ? target
      : isObject(target) && asList(own(target, 'selector')).length === 0 && !hasOriginal
        ? (single(own(target, 'source')) ?? single(own(target, 'id')))
        : undefined
  if (hasType(own(item, 'motivation'), 'replying')) {
    return { kind: 'reply', parent: typeof iri === 'string' ? annotationIdFromIri(iri) : null }
  }
  return iri === undefined ? null : { kind: 'article', iri }
}

/** A W3C creator: an Agent object (id, name or nickname) or a bare IRI. */
function readCreator(raw: unknown): RawAnnotation['creator'] {
  if (typeof raw === 'string') return { id: raw, name: undefined }
  if (!isObject(raw)) return null
  const name = single(own(raw, 'name'))
  return { id: single(own(raw, 'id')), name: name === undefined ? single(own(raw, 'nickname')) : name }
}
