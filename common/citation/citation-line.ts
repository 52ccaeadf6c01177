import type { DateParts, Person } from '../article-meta'
import { citationIssued, citationUrl, type CitationSource } from './citation-source'

/**
 * The pieces of an article's one-line citation, each already in its final
 * words: the writers join them as plain text (Markdown) or wrap each in
 * its own bidi isolate (HTML, PDF), so a Latin URL or author inside an
 * Arabic citation keeps its place.
 */
export interface CitationParts {
  /** Each name as written: `given family`, or the single-string name. */
  authors?: string[]
  title: string
  container?: string
  date?: string
  /** `https://doi.org/DOI` when there is a DOI, else the article's URL. */
  address?: string
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/

function personName(person: Person): string {
  if ('literal' in person) return person.literal.trim()
  return [person.given, person.family].filter((p) => p && p.trim() !== '').join(' ')
}

const dateText = (parts: DateParts): string =>
  parts.map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-')

/** The parts of an article's citation, each left out when unknown (the title never is). */
export function citationParts(source: CitationSource): CitationParts {
  const meta = source.meta ?? {}
  const names = (meta.authors ?? []).map(personName).filter((n) => n !== '')
  const issued = citationIssued(source)
  const url = citationUrl(source)
  const parts: CitationParts = { title: source.title.replace(/\s+/g, ' ').trim() }
  if (names.length > 0) parts.authors = names
  if (meta.container?.trim()) parts.container = meta.container.replace(/\s+/g, ' ').trim()
  if (issued) parts.date = dateText(issued)
  if (meta.doi) parts.address = `https://doi.org/${meta.doi}`
  else if (url) parts.address = url
  return parts
}

/**
 * The direction a citation line reads in: the title's script decides it, as
 * it decides the line's punctuation in joinCitation, so an Arabic citation
 * shown on a page runs right to left whoever its first author is.
 */
export function citationDirection(parts: CitationParts): 'rtl' | 'ltr' {
  return ARABIC_SCRIPT.test(parts.title) ? 'rtl' : 'ltr'
}

/**
 * The parts joined with the line's punctuation; `wrap` is applied to each
 * part's text, each name on its own (the HTML writer escapes and isolates
 * it there). The title's script sets the line's punctuation: an Arabic
 * title gets «Title». and the Arabic comma, any other Chicago's “Title.”
 * and a comma — between every name too, whatever script each is in.
 */
export function joinCitation(parts: CitationParts, wrap: (text: string) => string): string {
  const arabic = ARABIC_SCRIPT.test(parts.title)
  const comma = arabic ? '، ' : ', '
  const pieces: string[] = []
  if (parts.authors) pieces.push(`${parts.authors.map(wrap).join(comma)}.`)
  pieces.push(arabic ? `«${wrap(parts.title)}».` : `“${wrap(parts.title)}.”`)
  const where = [parts.container, parts.date].filter((p): p is string => p !== undefined).map(wrap)
  if (where.length > 0) pieces.push(`${where.join(comma)}.`)
  if (parts.address) pieces.push(wrap(parts.address))
  return pieces.join(' ')
}

/**
 * One article's citation on one line, Chicago-like and the same in every
 * export: `Author, Author. “Title.” Container, 2025-12-24. https://…` —
 * so a printed or shared export says what it is a copy of. Names and
 * titles are kept as written (no transliteration, no reordering), the date
 * as numbers so no month name needs translating.
 */
export function citationLine(source: CitationSource): string {
  return joinCitation(citationParts(source), (text) => text)
}
