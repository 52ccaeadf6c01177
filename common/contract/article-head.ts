import type { AnchoredAnnotation } from '../annotation'
import type { Article, ArticleSummary } from '../article'
import type { DocumentOutline } from '../outline/document-outline'

/**
 * What the reader gets of a long article (SECTIONS_FROM code points or
 * more, limits.ts) when it opens it: everything but the text. The text
 * stays in main, and the reader asks for the top-level blocks it lays out
 * (`getArticleBlocks`); the block table lets it map every offset of the
 * whole text without holding it.
 */
export interface ArticleHead {
  summary: ArticleSummary
  /** Not deleted, in document order, orphans last (as Article's). */
  annotations: AnchoredAnnotation[]
  /** Per top-level block: its first code point in the whole plain text. */
  blockStarts: number[]
  /** Per top-level block: its length in code points (its text blocks joined as in the plain text). */
  blockLengths: number[]
  /** Headings, chapter markers and printed pages, computed in main from the whole text. */
  outline: DocumentOutline
}

/** An article as the reader opens it: a short one whole (as `getArticle`), a long one as its head. */
export type OpenedArticle = { kind: 'whole'; article: Article } | { kind: 'sections'; head: ArticleHead }
