import type { ArticleSummary } from '../article'
import type { ArticleMeta, DateParts } from '../article-meta'

/**
 * What the citation writers read of an article: its summary (title, source,
 * dates, language) and the metadata beside it. A narrow pick, so a citation
 * can be made from a library entry without opening the article's text.
 */
export type CitationSource = Pick<ArticleSummary, 'id' | 'title' | 'source' | 'date' | 'added' | 'lang'> &
  Partial<Pick<ArticleSummary, 'fetched'>> & { meta?: ArticleMeta }

/** The CSL item type used when the user has not said what kind of thing the article is. */
export type CitationKind = NonNullable<ArticleMeta['kind']> | 'document'

const WEB_ADDRESS = /^https?:\/\//i

/**
 * The article's address for a citation: the one its metadata names, else the
 * web page it was saved from. A file name is not an address a reader can
 * follow, so a file's source is never cited.
 */
export function citationUrl(source: CitationSource): string | undefined {
  if (source.meta?.url) return source.meta.url
  return WEB_ADDRESS.test(source.source) ? source.source : undefined
}

/**
 * When it was published: the metadata's date-parts, else the summary's own
 * YYYY-MM-DD date (what the importer found), so an article with only a date
 * line still cites its year.
 */
export function citationIssued(source: CitationSource): DateParts | undefined {
  if (source.meta?.published) return source.meta.published
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(source.date ?? '')
  if (!m) return undefined
  const parts = [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number)
  return parts as DateParts
}

/**
 * When the user read it: the day a web page was fetched, else the day the
 * file was added to the library — the "accessed" date style guides ask for.
 */
export function citationAccessed(source: CitationSource): DateParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(source.fetched ?? source.added)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined
}

/** The article's language as a BCP 47 tag, or undefined when unknown ('und'). */
export function citationLanguage(source: CitationSource): string | undefined {
  const lang = source.meta?.language ?? source.lang
  return lang && lang !== 'und' ? lang : undefined
}

/**
 * The CSL type: the user's (or the importer's) kind when set; otherwise
 * guessed from what is known, because a style formats a journal article,
 * a newspaper piece and a web page differently. A container with volume,
 * issue or DOI is a journal; a container on the web is most often a news or
 * magazine site; a page with no container is a web page; a file with
 * neither is a document.
 */
export function citationKind(source: CitationSource): CitationKind {
  const meta = source.meta ?? {}
  if (meta.kind) return meta.kind
  const url = citationUrl(source)
  if (meta.container) {
    if (meta.volume || meta.issue || meta.doi) return 'article-journal'
    return url ? 'article-newspaper' : 'article'
  }
  if (url) return 'webpage'
  return meta.publisher ? 'book' : 'document'
}
