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

/** The biblatex entry type for each CSL kind: what a LaTeX style and Pandoc's reader expect. */
const ENTRY_TYPES: Record<CitationKind, string> = {
  article: 'article',
  'article-journal': 'article',
  'article-newspaper': 'article',
  'article-magazine': 'article',
  book: 'book',
  chapter: 'incollection',
  webpage: 'online',
  report: 'report',
  thesis: 'thesis',
  manuscript: 'unpublished',
  document: 'misc',
}

/** biblatex's `entrysubtype` for the @article kinds that are not journals (Pandoc reads it back as the CSL type). */
const SUBTYPES: Partial<Record<CitationKind, string>> = {
  'article-newspaper': 'newspaper',
  'article-magazine': 'magazine',
}

/** biblatex's `langid` (babel/polyglossia names) for the languages Hamish's readers most often cite. */
const LANGIDS: Record<string, string> = {
  ar: 'arabic',
  en: 'english',
  fa: 'persian',
  ur: 'urdu',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  tr: 'turkish',
  he: 'hebrew',
}

/** The ten characters (La)TeX reads as syntax, each written as text. */
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
}

/**
 * A field value as BibTeX text: the specials escaped so `&` or `%` in a
 * title cannot break the file, line breaks as spaces (a field is one
 * line here); every other character — Arabic included — written as itself,
 * for the file is UTF-8.
 */
export function bibtexText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~]/g, (c) => SPECIALS[c]!)
}

/**
 * A URL or DOI, which biblatex reads verbatim: nothing is escaped, but the
 * braces that would end the field and any white space are percent-encoded.
 */
function verbatim(text: string): string {
  return text.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * One name for BibTeX's `author` list. A single-string name is wrapped in
 * braces so BibTeX takes it whole (an Arabic name such as «محمد بن علي»
 * would otherwise be split into first and last names, and its «بن» read
 * as a particle); family and given are written `{Family}, {Given}`.
 */
function bibtexName(person: Person): string {
  if ('literal' in person) return `{${bibtexText(person.literal)}}`
  const family = `{${bibtexText(person.family)}}`
  return person.given ? `${family}, {${bibtexText(person.given)}}` : family
}

const isoDate = (parts: DateParts): string =>
  parts.map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-')

/** The article's fields in biblatex's names (date, urldate, journaltitle…), unknown ones left out. */
function fields(source: CitationSource): [string, string | undefined][] {
  const meta = source.meta ?? {}
  const kind = citationKind(source)
  const type = ENTRY_TYPES[kind]
  const issued = citationIssued(source)
  const accessed = citationAccessed(source)
  const container = meta.container === undefined ? undefined : bibtexText(meta.container)
  const lang = citationLanguage(source)
  return [
    ['entrysubtype', SUBTYPES[kind]],
    ['author', meta.authors?.length ? meta.authors.map(bibtexName).join(' and ') : undefined],
    ['title', bibtexText(source.title)],
    ['journaltitle', type === 'article' ? container : undefined],
    ['booktitle', type === 'incollection' ? container : undefined],
    ['organization', type === 'online' || type === 'misc' ? container : undefined],
    ['publisher', meta.publisher === undefined ? undefined : bibtexText(meta.publisher)],
    ['date', issued && isoDate(issued)],
    ['volume', meta.volume === undefined ? undefined : bibtexText(meta.volume)],
    ['number', meta.issue === undefined ? undefined : bibtexText(meta.issue)],
    ['pages', meta.pages === undefined ? undefined : bibtexText(meta.pages).replace(/\s*[-–]+\s*/g, '--')],
    ['doi', meta.doi === undefined ? undefined : verbatim(meta.doi)],
    ['isbn', meta.isbn === undefined ? undefined : bibtexText(meta.isbn)],
    [
      'url',
      (() => {
        const url = citationUrl(source)
        return url === undefined ? undefined : verbatim(url)
      })(),
    ],
    ['urldate', accessed && isoDate(accessed)],
    ['langid', lang === undefined ? undefined : LANGIDS[lang.toLowerCase().split('-')[0]!]],
  ]
}

/** One article as a biblatex entry under the given key. */
export function toBibtexEntry(source: CitationSource, key: string): string {
  const type = ENTRY_TYPES[citationKind(source)]
  const lines = fields(source)
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}},`)
  return `@${type}{${key},\n${lines.join('\n')}\n}\n`
}

/**
 * A BibTeX file (biblatex fields, UTF-8) for the given articles, each
 * under the same `author-year-word` key the CSL-JSON export gives it, so a
 * document cites the same keys from either file.
 */
export function toBibtex(sources: readonly CitationSource[]): string {
  const keys = citationKeys(sources)
  return sources.map((s, i) => toBibtexEntry(s, keys[i]!)).join('\n')
}
