import type { ArticleMeta } from './article-meta'
import type { LanguageSetting } from './i18n/ui-language'
import type { DigitsSetting } from './i18n/digits'
import type { LibraryColumn } from './library-columns'
import type { AnchoredAnnotation } from './annotation'
import type { DocNode } from './document'
import type { Direction } from './language'

/** What the library list shows of an article; kept in library.json. */
export interface ArticleSummary {
  id: string
  title: string
  /** File name or URL the article came from. */
  source: string
  /** When a page saved from its web address (`source`) was fetched (ISO 8601); absent for files. */
  fetched?: string
  /** The article's own date (YYYY-MM-DD) when known. */
  date: string | null
  /** When it was added to the library (ISO 8601). */
  added: string
  lang: string
  dir: Direction
  tags: string[]
  /** SHA-256 (hex) of the normalised plain text: the same article on any machine. */
  fingerprint: string
  /** Length of the plain text in code points. */
  chars: number
  annotationCount: number
  /** Set when the article is in the trash (ISO 8601); null otherwise. */
  trashed: string | null
  /** What a citation needs (authors, publication, date…), as far as the file said or the user filled in; absent when nothing is known. */
  meta?: ArticleMeta
}

/** An article as the reader opens it, with its live annotations anchored in the current text. */
export interface Article {
  summary: ArticleSummary
  doc: DocNode
  /** Not deleted, in document order, orphans (anchor: null) last. */
  annotations: AnchoredAnnotation[]
  /** Where each page of the source PDF starts in the plain text (articles imported from a PDF; docs/FORMATS.md). */
  pdfPages?: (number | null)[]
}

/** What an importer makes of one file, before the library gives it an id. */
export interface ImportedArticle {
  title: string
  date: string | null
  lang: string
  dir: Direction
  doc: DocNode
  /** What the file said about itself for a citation; absent when it said nothing. */
  meta?: ArticleMeta
}

/** `system` follows the OS's light or dark preference. */
export type Theme = 'system' | 'light' | 'dark' | 'sepia'
export type ReaderFont = 'amiri' | 'noto-naskh-arabic' | 'system'

/** Reading settings: persisted in library.json, applied to every article. */
export interface ReadingSettings {
  font: ReaderFont
  /** Font size in CSS pixels. */
  fontSize: number
  lineHeight: number
  /** Text column width in `ch`. */
  columnWidth: number
  theme: Theme
  /** The interface's language; `system` follows the OS. Articles keep their own. */
  language: LanguageSetting
  /** The digits the interface writes numbers in; `language` leaves it to the language (common/i18n/digits.ts). */
  digits: DigitsSetting
  /** The library table's optional columns the user chose to show (common/library-columns.ts), in table order. */
  libraryColumns: LibraryColumn[]
}

export const DEFAULT_SETTINGS: ReadingSettings = {
  font: 'amiri',
  fontSize: 20,
  lineHeight: 1.9,
  columnWidth: 70,
  theme: 'system',
  language: 'system',
  digits: 'language',
  libraryColumns: [],
}
