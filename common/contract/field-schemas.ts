import type { DateParts } from '../article-meta'
import { isDateParts, isMetaIsbn, isMetaLanguage, isMetaUrl, META_KINDS } from '../article-meta-check'
import * as v from 'valibot'
import { ANNOTATION_ID } from '../sharing/ids'
import {
  MAX_ARTICLE_ID_LENGTH,
  MAX_META_AUTHORS,
  MAX_META_TEXT_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_FILE_NAME_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
  MAX_FOLDER_PATH_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_SEARCH_QUERY_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  MAX_VERSION_LENGTH,
} from './limits'

/**
 * The argument fields the methods share, each with the limit it takes from
 * limits.ts and a message that names it: schemas.ts puts them together per
 * method. Imports valibot, so neither the renderer nor preload may import
 * it (eslint-rules/contract-schemas.js).
 */

/** Counts a limit the way the messages spell it (100,000). */
const count = (n: number): string => n.toLocaleString('en-US')

/** A text trimmed, then held between 1 and `max` characters; `what` names it in the messages. */
const trimmedText = (what: string, max: number) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.trim()),
    v.minLength(1, `${what} is empty`),
    v.maxLength(max, `${what} is longer than ${count(max)} characters`),
  )

export const articleId = v.pipe(
  v.string(),
  v.regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${MAX_ARTICLE_ID_LENGTH - 1}}$`), 'not an article id'),
)
export const annotationId = v.pipe(v.string(), v.regex(ANNOTATION_ID, 'not an annotation id'))
export const title = trimmedText('the title', MAX_TITLE_LENGTH)
export const displayName = trimmedText('the name', MAX_DISPLAY_NAME_LENGTH)
export const tag = trimmedText('a tag', MAX_TAG_LENGTH)
export const tags = v.pipe(v.array(tag), v.maxLength(MAX_TAGS, `more than ${count(MAX_TAGS)} tags`))
export const note = v.pipe(
  v.string(),
  v.maxLength(MAX_NOTE_LENGTH, `the note is longer than ${count(MAX_NOTE_LENGTH)} characters`),
)
export const quote = v.pipe(
  v.string(),
  v.minLength(1, 'the selection is empty'),
  v.maxLength(MAX_QUOTE_LENGTH, `the selection is longer than ${count(MAX_QUOTE_LENGTH)} characters`),
)
export const searchQuery = v.pipe(
  v.string(),
  v.maxLength(
    MAX_SEARCH_QUERY_LENGTH,
    `the search is longer than ${count(MAX_SEARCH_QUERY_LENGTH)} characters`,
  ),
)
/** A `modified` time as stored (ISO 8601), naming the version an edit was made on. */
export const version = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_VERSION_LENGTH))
/** The id of one version kept beside an annotation (common/sharing/lineage.ts versionId). */
export const versionId = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'not a version id'))
export const requestId = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a request id (a UUID)'),
)
/** A ticket main gave a planned import (a UUID, like a request id). */
export const importTicket = requestId
/** A code-point offset into an article's plain text. */
export const offset = v.pipe(v.number(), v.integer(), v.minValue(0))
/** A folder's path typed by the user (the preview's team folder): trimmed, not empty, no NUL. */
export const folderPath = v.pipe(
  trimmedText('the folder', MAX_FOLDER_PATH_LENGTH),
  v.check((s) => !s.includes('\0'), 'the folder holds a NUL character'),
)
/** A web address to save a page from; main checks that it is http(s) and says so in the user's language. */
export const webAddress = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_WEB_ADDRESS_LENGTH))
export const fileName = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FILE_NAME_LENGTH))
export const fileBytes = v.pipe(
  v.instance(Uint8Array),
  v.check(
    (b) => b.byteLength <= MAX_IMPORT_BYTES,
    `the file is larger than ${count(MAX_IMPORT_BYTES / 1024 / 1024)} MB`,
  ),
)
/** A number within one of SETTINGS_LIMITS' ranges. */
export const range = (limits: { min: number; max: number }) =>
  v.pipe(v.number(), v.finite(), v.minValue(limits.min), v.maxValue(limits.max))

const metaField = (what: string) =>
  v.pipe(
    v.string(),
    v.check((s) => s.trim() === s && s.length > 0, `${what} is empty or has spaces around it`),
    v.maxLength(MAX_META_TEXT_LENGTH, `${what} is longer than ${MAX_META_TEXT_LENGTH} characters`),
  )

const person = v.union([
  v.strictObject({ literal: metaField('an author') }),
  v.strictObject({ family: metaField('a family name'), given: v.optional(metaField('a given name')) }),
])

/**
 * An article's metadata as `setArticleMeta` takes it: the same rules as
 * library.json's check (common/article-meta-check.ts), so what the API
 * accepts a reopen never drops.
 */
export const articleMeta = v.strictObject({
  authors: v.optional(
    v.pipe(v.array(person), v.maxLength(MAX_META_AUTHORS, `more than ${MAX_META_AUTHORS} authors`)),
  ),
  container: v.optional(metaField('the container')),
  publisher: v.optional(metaField('the publisher')),
  published: v.optional(
    v.custom<DateParts>(isDateParts, 'the date is not a real YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  language: v.optional(
    v.custom<string>(isMetaLanguage, 'the language is not a language tag such as ar or en-GB'),
  ),
  url: v.optional(v.custom<string>(isMetaUrl, 'the address is not an http(s) address')),
  doi: v.optional(metaField('the DOI')),
  isbn: v.optional(
    v.custom<string>(isMetaIsbn, 'the ISBN is not an ISBN-10 or ISBN-13 with a right check digit'),
  ),
  pages: v.optional(metaField('the pages')),
  volume: v.optional(metaField('the volume')),
  issue: v.optional(metaField('the issue')),
  kind: v.optional(v.picklist(META_KINDS)),
})
