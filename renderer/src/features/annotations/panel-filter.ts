import type { AnchoredAnnotation, HighlightColor } from '../../../../common/annotation'
import { foldQuery } from '../../../../common/arabic-fold'

/** What the notes panel is narrowed to; empty fields match everything. */
export interface NotesFilter {
  colors: HighlightColor[]
  tag: string
  /** Creator ids whose annotations are hidden (in the panel and in the text). */
  hiddenAuthors: string[]
  text: string
}

export const EMPTY_FILTER: NotesFilter = { colors: [], tag: '', hiddenAuthors: [], text: '' }

/**
 * Text as the panel's search compares it: folded the way anchoring folds
 * (common/arabic-fold.ts: no diacritics or tatweel, one alef, ى → ي, lower
 * case, one space per run), so "الشيبانى" finds "الشَّيباني".
 */
export function searchKey(text: string): string {
  return foldQuery(text)
}

export function isFiltering(filter: NotesFilter): boolean {
  return (
    filter.colors.length > 0 ||
    filter.tag !== '' ||
    filter.hiddenAuthors.length > 0 ||
    filter.text.trim() !== ''
  )
}

/**
 * Whether an annotation passes the filter: every set field must match (the
 * colour any of those chosen); the text is looked for in the quote, the
 * note's Markdown, the tags and the author's name.
 */
export function matches(a: AnchoredAnnotation, filter: NotesFilter): boolean {
  // An article note or a reply has no colour: a colour filter shows highlights only.
  if (filter.colors.length > 0 && (!a.target || !filter.colors.includes(a.body.color))) return false
  if (filter.tag && !a.body.tags.includes(filter.tag)) return false
  if (filter.hiddenAuthors.includes(a.creator.id)) return false
  const query = searchKey(filter.text.trim())
  if (!query) return true
  const haystack = [a.target?.quote.exact ?? '', a.body.note, a.body.tags.join(' '), a.creator.name]
  return haystack.some((text) => searchKey(text).includes(query))
}

/** The tags and authors present, for the filter's menus (sorted, each once). */
export function facets(list: readonly AnchoredAnnotation[]): {
  tags: string[]
  authors: { id: string; name: string }[]
} {
  const tags = new Set<string>()
  const authors = new Map<string, string>()
  for (const a of list) {
    for (const t of a.body.tags) tags.add(t)
    if (!authors.has(a.creator.id)) authors.set(a.creator.id, a.creator.name)
  }
  return {
    tags: [...tags].sort((x, y) => x.localeCompare(y)),
    authors: [...authors].map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name)),
  }
}
