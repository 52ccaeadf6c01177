import type { DateParts, Person } from '../article-meta'
import { citationKeys } from './citation-keys'
import {
  citationAccessed,
  citationIssued,
  citationKind,
  citationLanguage,
  citationUrl,
  type CitationKind,
  type CitationSource,
} from './citation-source'

/** A CSL name: family/given parts, or one literal string kept as written. */
export type CslName = { family: string; given?: string } | { literal: string }

/** A CSL date (csl-data.json's date-variable, date-parts form). */
export interface CslDate {
  'date-parts': [DateParts]
}

/** The CSL-JSON fields Hamish writes (docs/FORMATS.md, Exports). */
export interface CslItem {
  id: string
  type: CitationKind
  title: string
  author?: CslName[]
  'container-title'?: string
  publisher?: string
  issued?: CslDate
  accessed?: CslDate
  language?: string
  URL?: string
  DOI?: string
  ISBN?: string
  page?: string
  volume?: string
  issue?: string
}

function cslName(person: Person): CslName {
  if ('literal' in person) return { literal: person.literal }
  return person.given ? { family: person.family, given: person.given } : { family: person.family }
}

const cslDate = (parts: DateParts | undefined): CslDate | undefined =>
  parts ? { 'date-parts': [parts] } : undefined

/**
 * One article as a CSL-JSON item under the given key: the field names and
 * shapes of the CSL data schema, so Zotero, Pandoc's citeproc and any CSL
 * processor read it. Absent fields are left out rather than written empty.
 */
export function toCslItem(source: CitationSource, id: string): CslItem {
  const meta = source.meta ?? {}
  const item: CslItem = {
    id,
    type: citationKind(source),
    title: source.title,
    author: meta.authors?.length ? meta.authors.map(cslName) : undefined,
    'container-title': meta.container,
    publisher: meta.publisher,
    issued: cslDate(citationIssued(source)),
    accessed: cslDate(citationAccessed(source)),
    language: citationLanguage(source),
    URL: citationUrl(source),
    DOI: meta.doi,
    ISBN: meta.isbn,
    page: meta.pages,
    volume: meta.volume,
    issue: meta.issue,
  }
  for (const k of Object.keys(item) as (keyof CslItem)[]) if (item[k] === undefined) delete item[k]
  return item
}

/**
 * A CSL-JSON file (an array of items) for the given articles, each under
 * its own `author-year-word` key (citation-keys.ts), pretty-printed and
 * ending in a newline; Arabic is written as itself, not as \u escapes.
 */
export function toCslJson(sources: readonly CitationSource[]): string {
  const keys = citationKeys(sources)
  return `${JSON.stringify(
    sources.map((s, i) => toCslItem(s, keys[i]!)),
    null,
    2,
  )}\n`
}
