import type { ArticleMeta } from '../article-meta'
import type { LocalText } from '../i18n/local-text'
import type { Annotation } from '../annotation'
import type { DocNode } from '../document'
import type { Direction } from '../language'

/** Which kind of file an import read: ours, another program's W3C collection, or a Hypothesis export. */
export type SharedFileKind = 'hamish' | 'w3c' | 'hypothesis'

/** One item of a file that was not taken, with words the user can act on. */
export interface Rejection {
  /** The annotation's id as Hamish would store it, else as the file wrote it; null when it had none. */
  id: string | null
  /** In English (the CLI's words); `text` is the same for the interface's language. */
  reason: string
  text?: LocalText
}

/** The article a bundle carries, so a colleague who lacks it gets it with the annotations. */
export interface SharedArticleBundle {
  doc: DocNode
  lang: string
  dir: Direction
  source: string
  date: string | null
}

/**
 * An annotation file after parsing and checking, before anything is merged:
 * what main needs to find the article (fingerprint, title, quotes) and the
 * annotations that passed every check. Every item left out is in `rejected`
 * with its reason; nothing is dropped silently.
 */
export interface ParsedFile {
  kind: SharedFileKind
  /** SHA-256 (hex) of the article's normalised plain text; null when the file does not say (Hypothesis, foreign W3C). */
  fingerprint: string | null
  /** The article's title as the file gives it ('' when it gives none). */
  title: string
  /** The address of the annotated page, when the file names one (Hypothesis `uri`). */
  uri?: string
  /** Present only in a bundle (`--bundle`): the article itself, already checked against docSchema. */
  bundle?: SharedArticleBundle
  /** The article's metadata as a Hamish file carries it, its bad fields left out (common/article-meta-check.ts). */
  meta?: ArticleMeta
  annotations: Annotation[]
  rejected: Rejection[]
  /** Items taken, but changed on the way, each with why (a Hypothesis reply whose annotation is not in the file, kept as an article note). */
  adjusted?: Rejection[]
}

/** The article metadata an export carries next to the annotations. */
export interface SharedArticle {
  fingerprint: string
  title: string
  lang: string
  dir: Direction
  source: string
  date: string | null
  /** What cites the article (authors, publication, date…), when it has any; checked field by field on reading. */
  meta?: ArticleMeta
}

/** Options of every file reader. */
export interface ParseOptions {
  /** This machine's clock in ms (dates more than FUTURE_TOLERANCE_MS after it are refused); Date.now() by default. */
  now?: number
}
