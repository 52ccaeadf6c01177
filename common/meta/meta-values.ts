import type { DateParts, Person } from '../article-meta'
import { isDateParts, isMetaIsbn, isMetaLanguage, isMetaUrl } from '../article-meta-check'
import { MAX_META_TEXT_LENGTH } from '../contract/limits'

/**
 * A value a file gave, as a metadata text: control characters gone, spaces
 * collapsed, trimmed; nothing for a non-string, an empty one or one longer
 * than any real name or title (a hostile file's megabyte stays out).
 */
export function metaText(x: unknown): string | undefined {
  if (typeof x !== 'string' || x.length > MAX_META_TEXT_LENGTH * 4) return undefined
  const text = x
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 0 && text.length <= MAX_META_TEXT_LENGTH ? text : undefined
}

/**
 * A date as files write it (ISO 8601 with or without a time, Highwire's
 * 2025/12/24, a bare year or year-month) as CSL date-parts; the time and
 * zone are dropped, since a citation names the day the publisher printed.
 */
export function metaDate(x: unknown): DateParts | undefined {
  if (typeof x !== 'string') return undefined
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T\s].*)?$/.exec(x.slice(0, 100))
  if (!m) return undefined
  const parts = [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number)
  return isDateParts(parts) ? (parts as DateParts) : undefined
}

/** A DOI however it was written (doi:…, https://doi.org/…, bare) without its prefix, or nothing if it is not one. */
export function metaDoi(x: unknown): string | undefined {
  const text = metaText(x)
  if (!text) return undefined
  const bare = text.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '')
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare : undefined
}

/**
 * An ISBN however it was written (`urn:isbn:…`, `ISBN 978-…`, bare digits)
 * without its prefix, or nothing when it is not one with a right check
 * digit (an EPUB's other identifiers — UUIDs, a publisher's own numbers —
 * are not ISBNs).
 */
export function metaIsbn(x: unknown): string | undefined {
  const text = metaText(x)
  if (!text) return undefined
  const bare = text.replace(/^(?:urn:isbn:|isbn(?:-1[03])?:?\s*)/i, '')
  return isMetaIsbn(bare) ? bare : undefined
}

/** A language tag as files write it (`ar`, `en_GB`), or nothing when it is not one («Arabic», a sentence). */
export function metaLanguage(x: unknown): string | undefined {
  const text = metaText(x)?.replace(/_/g, '-')
  return isMetaLanguage(text) ? text : undefined
}

/** An http(s) address, or nothing (a `javascript:` or relative one from a file is never kept). */
export function metaUrl(x: unknown): string | undefined {
  const text = typeof x === 'string' ? x.trim() : undefined
  return isMetaUrl(text) ? text : undefined
}

/** A name as the source wrote it, kept whole (Arabic names are not split into family and given). */
export function literalPerson(x: unknown): Person | undefined {
  const literal = metaText(x)
  return literal ? { literal } : undefined
}
