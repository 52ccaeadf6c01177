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
  /** Every match in the article (text, title, quotes, notes, tags), however few `matches` holds. */
  total: number
  /** The matches asked for: from the `offset`-th, at most `limitPerArticle`, in the order title, tags, text, annotations; none for an article outside the page asked for (`articleOffset`, `articleLimit`). */
  matches: SearchMatch[]
}

export interface SearchOptions {
  /** Ignore diacritics and letter variants (default true). */
  folded?: boolean
  /** Whole words only, with Arabic-aware word boundaries (default false). */
  wholeWord?: boolean
  /** Most matches returned per article (default DEFAULT_MATCHES_PER_ARTICLE, at most MAX_MATCHES_PER_ARTICLE: limits.ts). */
  limitPerArticle?: number
  /** Matches of each article to pass over before `matches` starts (default 0): the next page of one article's matches. */
  offset?: number
  /** Only this article (the search page's "Show more" asks for one article's next page). */
  articleId?: string
  /**
   * Matching articles to pass over before those that get their `matches` (default 0): with
   * `articleLimit`, a page of results. Every matching article is in the answer with its `total`.
   */
  articleOffset?: number
  /**
   * Most matching articles, from `articleOffset`, that get their `matches` (default: all); the
   * others come with their `total` and no matches. The search page asks for a page at a time,
   * so a word in every article does not cut snippets for every match in the library.
   */
  articleLimit?: number
}
