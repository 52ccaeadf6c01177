import type { ArticleSummary, ReadingSettings } from '../../common/article'
import { DEFAULT_SETTINGS } from '../../common/article'
import type { Annotation } from '../../common/annotation'
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
  /** Who writes this library's annotations; made on first use. */
  profile?: StoredProfile
}

/** The author identity kept in library.json; a null name means "the OS user name". */
export interface StoredProfile {
  authorId: string
  displayName: string | null
}

/** articles/<id>.json: one article's document and every annotation on it, tombstones included. */
export interface ArticleFile {
  version: 1
  id: string
  doc: DocNode
  /** Absent in files written before annotations existed; read as empty. */
  annotations?: Annotation[]
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
