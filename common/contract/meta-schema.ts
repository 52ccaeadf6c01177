import * as v from 'valibot'
import type { DateParts } from '../article-meta'
import { isDateParts, isMetaUrl, META_KINDS } from '../article-meta-check'
import { MAX_META_AUTHORS, MAX_META_TEXT_LENGTH } from './limits'

const metaText = (what: string) =>
  v.pipe(
    v.string(),
    v.check((s) => s.trim() === s && s.length > 0, `${what} is empty or has spaces around it`),
    v.maxLength(MAX_META_TEXT_LENGTH, `${what} is longer than ${MAX_META_TEXT_LENGTH} characters`),
  )

const person = v.union([
  v.strictObject({ literal: metaText('an author') }),
  v.strictObject({ family: metaText('a family name'), given: v.optional(metaText('a given name')) }),
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
  container: v.optional(metaText('the container')),
  publisher: v.optional(metaText('the publisher')),
  published: v.optional(
    v.custom<DateParts>(isDateParts, 'the date is not a real YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  language: v.optional(metaText('the language')),
  url: v.optional(v.custom<string>(isMetaUrl, 'the address is not an http(s) address')),
  doi: v.optional(metaText('the DOI')),
  pages: v.optional(metaText('the pages')),
  volume: v.optional(metaText('the volume')),
  issue: v.optional(metaText('the issue')),
  kind: v.optional(v.picklist(META_KINDS)),
})
