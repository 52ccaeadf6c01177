import type { CitationSource } from './citation-source'
import { citationIssued } from './citation-source'

/** Title words too common to tell two articles apart (English and Arabic). */
const SKIPPED_WORDS = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'and', 'في', 'من', 'على', 'عن', 'إلى'])

/** A name or word as key letters: lower case, marks (tashkeel, accents, the hamza on an alef: NFKD) dropped, letters and digits only. */
function keyWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The first author's family name, or the first word of a single-string name. */
function authorWord(source: CitationSource): string {
  const first = source.meta?.authors?.[0]
  if (!first) return ''
  const name = 'literal' in first ? (first.literal.trim().split(/\s+/)[0] ?? '') : first.family
  return keyWord(name)
}

function titleWord(title: string): string {
  for (const word of title.split(/\s+/)) {
    const k = keyWord(word)
    if (k && !SKIPPED_WORDS.has(k)) return k
  }
  return ''
}

/**
 * The citation key of one article, `author-year-word` (e.g.
 * `shaibani-2025-lavrov`): what a writer types in `[@key]` or `\cite{key}`,
 * so it is made from what the reader knows of the article rather than its
 * random id, and is the same every time the same article is exported.
 * Arabic names stay in Arabic letters (Pandoc and Biber read Unicode keys).
 */
export function citationKey(source: CitationSource): string {
  const year = citationIssued(source)?.[0]
  const parts = [authorWord(source), year === undefined ? 'nd' : String(year), titleWord(source.title)]
  const key = parts.filter((p) => p !== '').join('-')
  return /\p{L}/u.test(key) ? key : `hamish-${source.id}`
}

/**
 * Keys for the articles of one file, in order: two articles with the same
 * key (same author, year and first word) get `-2`, `-3`… after the first,
 * since a bibliography with a repeated key cites the wrong entry.
 */
export function citationKeys(sources: readonly CitationSource[]): string[] {
  const used = new Set<string>()
  return sources.map((source) => {
    const base = citationKey(source)
    let key = base
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`
    used.add(key)
    return key
  })
}
