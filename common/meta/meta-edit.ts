import type { ArticleMeta, Person } from '../article-meta'
import { isDateParts, isMetaUrl, META_KINDS, META_TEXT_FIELDS } from '../article-meta-check'
import { MAX_META_AUTHORS } from '../contract/limits'
import { metaDoi, metaIsbn, metaLanguage, metaText } from './meta-values'

/** The keys a user may set, in the order they are shown and printed. */
export const META_KEYS = [
  'authors',
  'container',
  'publisher',
  'published',
  'language',
  'url',
  'doi',
  'isbn',
  'pages',
  'volume',
  'issue',
  'kind',
] as const
export type MetaKey = (typeof META_KEYS)[number]

/** Why a typed value was refused: the key and what it should look like. */
export class MetaValueError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message)
  }
}

export const isMetaKey = (key: string): key is MetaKey => (META_KEYS as readonly string[]).includes(key)

/** A date typed as YYYY, YYYY-MM or YYYY-MM-DD, as date-parts; nothing if it is not a real date. */
export function typedDate(value: string): ArticleMeta['published'] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim())
  const parts = m ? [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number) : []
  return isDateParts(parts) ? parts : undefined
}

/** Authors typed as one line, separated by «;» (or the Arabic «؛»): each kept as written. */
export function typedAuthors(value: string): Person[] {
  return value
    .split(/[;؛]/)
    .map((name) => metaText(name))
    .filter((name): name is string => name !== undefined)
    .map((literal) => ({ literal }))
}

/**
 * `meta` with `key` set from the text a user typed (CLI `--set key=value`,
 * the info panel's fields); an empty value removes the field. Throws
 * MetaValueError, naming the key and the expected form, for a value that
 * is not one, so nothing is half-applied.
 */
export function withTypedValue(meta: ArticleMeta, key: string, value: string): ArticleMeta {
  if (!isMetaKey(key)) throw new MetaValueError(key, `unknown key ${key} (known: ${META_KEYS.join(', ')})`)
  const next: ArticleMeta = { ...meta }
  if (value.trim() === '') {
    delete next[key]
    return next
  }
  const bad = (form: string) => new MetaValueError(key, `${key}: «${value}» is not ${form}`)
  if (key === 'authors') {
    const authors = typedAuthors(value)
    if (authors.length === 0 || authors.length > MAX_META_AUTHORS)
      throw bad(`a list of up to ${MAX_META_AUTHORS} names separated by ;`)
    next.authors = authors
  } else if (key === 'published') {
    next.published = typedDate(value) ?? throwIt(bad('a date as YYYY, YYYY-MM or YYYY-MM-DD'))
  } else if (key === 'url') {
    if (!isMetaUrl(value.trim())) throw bad('an http:// or https:// address')
    next.url = value.trim()
  } else if (key === 'doi') {
    next.doi = metaDoi(value) ?? throwIt(bad('a DOI such as 10.1000/xyz123'))
  } else if (key === 'isbn') {
    next.isbn = metaIsbn(value) ?? throwIt(bad('an ISBN-10 or ISBN-13 with a right check digit'))
  } else if (key === 'language') {
    next.language = metaLanguage(value) ?? throwIt(bad('a language tag such as ar or en-GB'))
  } else if (key === 'kind') {
    if (!META_KINDS.includes(value.trim() as never)) throw bad(`one of ${META_KINDS.join(', ')}`)
    next.kind = value.trim() as ArticleMeta['kind']
  } else if ((META_TEXT_FIELDS as readonly string[]).includes(key)) {
    next[key as (typeof META_TEXT_FIELDS)[number]] =
      metaText(value) ?? throwIt(bad('a text of at most 500 characters'))
  }
  return next
}

function throwIt(error: Error): never {
  throw error
}

/** A field as a line of text (the CLI's `hamish meta ID`, the panel's inputs): authors joined by «; », dates as YYYY-MM-DD. */
export function typedValue(meta: ArticleMeta, key: MetaKey): string {
  if (key === 'authors')
    return (meta.authors ?? [])
      .map((p) => ('literal' in p ? p.literal : p.given ? `${p.given} ${p.family}` : p.family))
      .join('; ')
  if (key === 'published')
    return (meta.published ?? []).map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-')
  return meta[key] ?? ''
}
