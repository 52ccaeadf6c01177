import type { ArticleSummary, ReadingSettings } from '../../common/article'
import { DEFAULT_SETTINGS } from '../../common/article'
import type { DocNode } from '../../common/document'

/** library.json: everything the library list needs, without any article's text. */
export interface LibraryData {
  version: 1
  articles: ArticleSummary[]
  settings: ReadingSettings
  /** Last reading position per article id: a code-point offset into its plain text. */
  positions: Record<string, number>
  /** Set once the sample article has been offered, so deleting it is respected. */
  sampleSeeded: boolean
}

/** articles/<id>.json: one article's document (and, later, its annotations). */
export interface ArticleFile {
  version: 1
  id: string
  doc: DocNode
}

export const emptyLibrary = (): LibraryData => ({
  version: 1,
  articles: [],
  settings: { ...DEFAULT_SETTINGS },
  positions: {},
  sampleSeeded: false,
})

/**
 * A cheap shape check used when reading library.json: a file that parses but
 * is not ours (or was cut by a bug) is treated like a corrupt one.
 */
export function isLibraryData(data: unknown): data is LibraryData {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Partial<LibraryData>
  return (
    d.version === 1 &&
    Array.isArray(d.articles) &&
    d.articles.every((a) => typeof a === 'object' && a !== null && typeof a.id === 'string') &&
    typeof d.settings === 'object' &&
    d.settings !== null &&
    typeof d.positions === 'object' &&
    d.positions !== null
  )
}

/** Same for an article file: its id must match the file it was read from. */
export function isArticleFile(id: string) {
  return (data: unknown): data is ArticleFile => {
    if (typeof data !== 'object' || data === null) return false
    const d = data as Partial<ArticleFile>
    return (
      d.version === 1 && d.id === id && typeof d.doc === 'object' && d.doc !== null && d.doc.type === 'doc'
    )
  }
}
