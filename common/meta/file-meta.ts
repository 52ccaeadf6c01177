import type { ArticleMeta, Person } from '../article-meta'
import { literalPerson, metaDate, metaDoi, metaIsbn, metaLanguage, metaText } from './meta-values'

/** The pieces of metadata a package or file declares as plain strings (EPUB OPF, DOCX core.xml, a PDF's Info). */
export interface DeclaredFields {
  creators?: readonly string[]
  publisher?: string | null
  date?: string | null
  language?: string | null
  identifiers?: readonly string[]
}

const people = (names: readonly string[]): Person[] =>
  names
    .slice(0, 100)
    .map(literalPerson)
    .filter((p): p is Person => p !== undefined)

/**
 * A book's or document's own declaration as ArticleMeta: creators in order
 * and each kept as written, the date as date-parts, a DOI and an ISBN
 * among the identifiers. `kind` says what sort of file declared it.
 */
export function declaredMeta(fields: DeclaredFields, kind?: ArticleMeta['kind']): ArticleMeta {
  return {
    authors: people(fields.creators ?? []),
    publisher: metaText(fields.publisher),
    published: metaDate(fields.date),
    language: metaLanguage(fields.language),
    doi: (fields.identifiers ?? []).map(metaDoi).find(Boolean),
    isbn: (fields.identifiers ?? []).map(metaIsbn).find(Boolean),
    kind,
  }
}

/**
 * Names in one field separated by semicolons (how Word and Pandoc write
 * several authors in core.xml, and PDF tools in /Author); commas are left
 * alone, since «Smith, John» is one name.
 */
export function splitNames(field: string | null | undefined): string[] {
  return (field ?? '')
    .split(/[;؛]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** A PDF date (`D:20231015120000+03'00'`) as ISO text for metaDate, or null. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value.trim())
  if (!m) return null
  return [m[1], m[2], m[3]].filter(Boolean).join('-')
}
