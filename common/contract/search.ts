/** One match of a library search, in the article's plain text (code points, end exclusive). */
export interface SearchMatch {
  start: number
  end: number
  /** The original text matched (diacritics and letter forms as the article has them). */
  text: string
  /** Where it was found: the article's text, its title, or an annotation's quote, note or tags. */
  field: 'text' | 'title' | 'quote' | 'note' | 'tag'
  /** For quote/note/tag matches: the annotation. */
  annotationId?: string
  /** A short excerpt around the match, for the result list. */
  snippet: { before: string; match: string; after: string }
}

export interface SearchResult {
  articleId: string
  title: string
  matches: SearchMatch[]
}

export interface SearchOptions {
  /** Ignore diacritics and letter variants (default true). */
  folded?: boolean
  /** Whole words only, with Arabic-aware word boundaries (default false). */
  wholeWord?: boolean
  /** Most matches returned per article (default DEFAULT_MATCHES_PER_ARTICLE, at most MAX_MATCHES_PER_ARTICLE: limits.ts). */
  limitPerArticle?: number
}
