/**
 * What a citation needs to know about an article, beyond its title: kept in
 * library.json beside the summary (optional, so older files read as "nothing
 * known"), filled on import from what the file says and editable by the user.
 */

/** One author or editor: a single name as written (common for Arabic names) or family/given parts. */
export type Person = { literal: string } | { family: string; given?: string }

/** A partial date as CSL's date-parts: year, or year-month, or year-month-day. */
export type DateParts = [number] | [number, number] | [number, number, number]

/** Every field optional: an article knows what its file said, and the user fills the rest. */
export interface ArticleMeta {
  /** In the order the source gives them. */
  authors?: Person[]
  /** The publication, site or book the article is part of. */
  container?: string
  publisher?: string
  published?: DateParts
  /** BCP 47 tag of the article's language as the source declares it. */
  language?: string
  /** The article's web address (its canonical URL when the page names one). */
  url?: string
  /** Without the https://doi.org/ prefix, e.g. 10.1000/xyz123. */
  doi?: string
  /** A book's ISBN-10 or ISBN-13 as written (hyphens kept), its check digit right. */
  isbn?: string
  /** A page range in the container, e.g. "12-34". */
  pages?: string
  volume?: string
  issue?: string
  /** CSL item type: what kind of thing it is (article-newspaper, book, article-journal, webpage…). */
  kind?:
    | 'article'
    | 'article-journal'
    | 'article-newspaper'
    | 'article-magazine'
    | 'book'
    | 'chapter'
    | 'webpage'
    | 'report'
    | 'thesis'
    | 'manuscript'
}
