import { foldQuery } from '../../../../common/arabic-fold'
import type { ArticleSummary } from '../../../../common/article'
import type { DateParts, Person } from '../../../../common/article-meta'
import type { LibraryColumn } from '../../../../common/library-columns'

/** Columns the library can be sorted by: the built-in ones and each optional column. */
export type SortKey = 'title' | 'date' | 'added' | LibraryColumn
/** Named as `aria-sort` names them, so the header can say it as is. */
export type SortOrder = 'ascending' | 'descending'

/** How the library is sorted now. */
export interface SortState {
  key: SortKey
  order: SortOrder
}

/** Newest additions first: what a reader usually wants after an import. */
export const DEFAULT_SORT: SortState = { key: 'added', order: 'descending' }

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * A title or query reduced for a forgiving "contains" test: the same folding
 * as library search and find in the article (common/arabic-fold.ts), so a
 * title found by searching "اسلاميه" is also kept by the filter; diacritics,
 * tatweel, alef forms, alef maqsura, taa marbuta and hamza carriers are all
 * one, and runs of spaces are one.
 */
export function foldForFilter(s: string): string {
  return foldQuery(s).trim()
}

/** An author's name as one line, however it is stored: as written, or given then family. */
function authorName(p: Person): string {
  return 'literal' in p ? p.literal : p.given ? `${p.given} ${p.family}` : p.family
}

/** An article's authors as the library shows them, in order, each as one line. */
export function authorNames(article: ArticleSummary): string[] {
  return (article.meta?.authors ?? []).map(authorName)
}

/** What an article sorts by in an optional column; undefined when unknown (sorted last). */
function metaValue(a: ArticleSummary, key: LibraryColumn): string | DateParts | undefined {
  if (key === 'authors') return authorNames(a)[0]
  if (key === 'container') return a.meta?.container
  return a.meta?.published
}

/** Earlier first; a year alone before any day of that year. */
function compareParts(a: DateParts, b: DateParts): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The articles whose title, an author's name or the container (the
 * publication, site or book) contains the query, each folded alike; every
 * article when it is blank. Researchers look an article up by who wrote it
 * or where it appeared as often as by its title.
 */
export function filterArticles(articles: ArticleSummary[], query: string): ArticleSummary[] {
  const q = foldForFilter(query)
  if (!q) return articles
  return articles.filter((a) =>
    [a.title, ...(a.meta?.authors ?? []).map(authorName), a.meta?.container ?? ''].some((field) =>
      foldForFilter(field).includes(q),
    ),
  )
}

/**
 * A sorted copy. Articles without a date (or without the author, publication
 * or published date sorted by) sort after the others whichever the order;
 * ties fall back to the title so the order is stable.
 */
export function sortArticles(articles: ArticleSummary[], sort: SortState): ArticleSummary[] {
  const sign = sort.order === 'ascending' ? 1 : -1
  const byTitle = (a: ArticleSummary, b: ArticleSummary): number => collator.compare(a.title, b.title)
  const key = sort.key
  return [...articles].sort((a, b) => {
    if (key === 'title') return sign * byTitle(a, b) || a.id.localeCompare(b.id)
    if (key === 'authors' || key === 'container' || key === 'published') {
      const ma = metaValue(a, key)
      const mb = metaValue(b, key)
      if (ma === undefined || mb === undefined) return ma === mb ? byTitle(a, b) : ma === undefined ? 1 : -1
      const c =
        typeof ma === 'string' ? collator.compare(ma, mb as string) : compareParts(ma, mb as DateParts)
      return sign * c || byTitle(a, b)
    }
    const va = key === 'date' ? a.date : a.added
    const vb = key === 'date' ? b.date : b.added
    if (va === vb) return byTitle(a, b)
    if (!va) return 1
    if (!vb) return -1
    return sign * (va < vb ? -1 : 1)
  })
}
