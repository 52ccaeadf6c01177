import type { ArticleMeta, DateParts, Person } from './article-meta'
import { MAX_META_AUTHORS, MAX_META_TEXT_LENGTH, MAX_WEB_ADDRESS_LENGTH } from './contract/limits'

/** The kinds an ArticleMeta may name, as a list to check stored and imported values against. */
export const META_KINDS: readonly NonNullable<ArticleMeta['kind']>[] = [
  'article',
  'article-journal',
  'article-newspaper',
  'article-magazine',
  'book',
  'chapter',
  'webpage',
  'report',
  'thesis',
  'manuscript',
]

/** The text fields of ArticleMeta, each a trimmed non-empty string within MAX_META_TEXT_LENGTH. */
export const META_TEXT_FIELDS = [
  'container',
  'publisher',
  'language',
  'doi',
  'pages',
  'volume',
  'issue',
] as const

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

const isMetaText = (x: unknown, max = MAX_META_TEXT_LENGTH): x is string =>
  typeof x === 'string' && x.trim() === x && x.length > 0 && x.length <= max

/** One author as stored: exactly a `literal`, or a `family` with an optional `given`, each a bounded text. */
export function isPerson(x: unknown): x is Person {
  if (!isObject(x)) return false
  const keys = Object.keys(x)
  if ('literal' in x) return keys.length === 1 && isMetaText(x.literal)
  return (
    isMetaText(x.family) &&
    (x.given === undefined || isMetaText(x.given)) &&
    keys.every((k) => k === 'family' || k === 'given')
  )
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A CSL date-parts value that names a real year (1–9999), month and day. */
export function isDateParts(x: unknown): x is DateParts {
  if (!Array.isArray(x) || x.length < 1 || x.length > 3) return false
  if (!x.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) return false
  const [year, month, day] = x as [number, number?, number?]
  if (year < 1 || year > 9999) return false
  if (month === undefined) return true
  if (month < 1 || month > 12) return false
  return day === undefined || (day >= 1 && day <= daysIn(year, month))
}

// A scheme, a host, no spaces or control characters (common/ has no URL parser; the scheme is what matters).
const WEB_ADDRESS = /^https?:\/\/[^\s/?#\u0000-\u001f\u007f]+([/?#][^\s\u0000-\u001f\u007f]*)?$/i

/** A web address worth citing: http(s) only, so a `javascript:` link from a file is never kept. */
export function isMetaUrl(x: unknown): x is string {
  return isMetaText(x, MAX_WEB_ADDRESS_LENGTH) && WEB_ADDRESS.test(x)
}

/**
 * A BCP 47 language tag (`ar`, `en-GB`, `ar-Latn-EG`): what CSL's
 * `language` and BibTeX's `langid` are read from, so a word such as
 * «arabic language» typed there would silently cost the citation its
 * language. Checked on what is typed and imported; library.json keeps an
 * older free text it already holds.
 */
export function isMetaLanguage(x: unknown): x is string {
  return isMetaText(x, 35) && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(x)
}

/**
 * An ISBN-10 or ISBN-13 as people write it (hyphens or spaces between the
 * groups, an X as ISBN-10's check digit) whose check digit is right: a
 * number a library catalogue will find, not a typo that cites another book.
 */
export function isMetaIsbn(x: unknown): x is string {
  if (!isMetaText(x, 20) || !/^[0-9][0-9 -]*[0-9Xx]$/.test(x) || /[ -]{2}/.test(x)) return false
  const digits = x.replace(/[ -]/g, '').toUpperCase()
  if (digits.length === 13 && /^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0)
    return sum % 10 === 0
  }
  if (digits.length === 10 && /^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((s, d, i) => s + (d === 'X' ? 10 : Number(d)) * (10 - i), 0)
    return sum % 11 === 0
  }
  return false
}

/**
 * Stored metadata checked field by field, so one bad field (edited by hand,
 * written by a future version) costs that field and never the article:
 * returns what is good and the names of what was dropped, for the notice
 * that tells the user. Unknown fields are dropped too, since nothing reads them.
 */
export function checkArticleMeta(raw: unknown): { meta: ArticleMeta | undefined; dropped: string[] } {
  if (raw === undefined) return { meta: undefined, dropped: [] }
  if (!isObject(raw)) return { meta: undefined, dropped: ['meta'] }
  const meta: ArticleMeta = {}
  const dropped: string[] = []
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'authors') {
      if (Array.isArray(value) && value.length <= MAX_META_AUTHORS && value.every(isPerson))
        meta.authors = value.map((p) => ({ ...p }))
      else dropped.push(key)
    } else if (key === 'published') {
      if (isDateParts(value)) meta.published = [...value] as DateParts
      else dropped.push(key)
    } else if (key === 'url') {
      if (isMetaUrl(value)) meta.url = value
      else dropped.push(key)
    } else if (key === 'isbn') {
      if (isMetaIsbn(value)) meta.isbn = value
      else dropped.push(key)
    } else if (key === 'kind') {
      if (META_KINDS.includes(value as never)) meta.kind = value as ArticleMeta['kind']
      else dropped.push(key)
    } else if ((META_TEXT_FIELDS as readonly string[]).includes(key)) {
      if (isMetaText(value)) meta[key as (typeof META_TEXT_FIELDS)[number]] = value
      else dropped.push(key)
    } else dropped.push(key)
  }
  return { meta: Object.keys(meta).length > 0 ? meta : undefined, dropped }
}
