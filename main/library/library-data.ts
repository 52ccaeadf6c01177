import * as v from 'valibot'
import type { ArticleSummary, ReaderFont, ReadingSettings, Theme } from '../../common/article'
import { DEFAULT_SETTINGS } from '../../common/article'
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../../common/i18n/ui-language'
import { DIGITS_SETTINGS, type DigitsSetting } from '../../common/i18n/digits'
import type { Direction } from '../../common/language'
import type { Annotation } from '../../common/annotation'
import type { DocNode } from '../../common/document'
import { MAX_ARTICLE_ID_LENGTH } from '../../common/contract/limits'
import { articleFileSchema } from './article-file-schema'

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
  /**
   * 'logs' once every article's annotations were moved out of its article
   * file into annotations/<id>.jsonl (main/library/annotation-migration.ts);
   * absent in a library from before, which is converted at its next open.
   */
  annotationsIn?: 'logs'
}

/** The author identity kept in library.json; a null name means "the OS user name". */
export interface StoredProfile {
  authorId: string
  displayName: string | null
}

/** articles/<id>.json: one article's document, written once at import. */
export interface ArticleFile {
  version: 1
  id: string
  doc: DocNode
  /**
   * For an article imported from a PDF: for page N (index N-1), the
   * code-point offset in the article's plain text where that page's text
   * starts, or null for a page none of whose text was kept; so an export can
   * cite "p. N" of the PDF. Absent for every other article.
   */
  pdfPages?: (number | null)[]
  /**
   * Where a library from before annotation logs kept the article's
   * annotations (tombstones included); moved to its log at the first open.
   */
  annotations?: Annotation[]
}

export const emptyLibrary = (): LibraryData => ({
  version: 1,
  articles: [],
  settings: { ...DEFAULT_SETTINGS },
  positions: {},
  sampleSeeded: false,
})

/** An article id as the API accepts it (common/contract/field-schemas.ts): also safe as a file name on every platform. */
const ARTICLE_ID = new RegExp(`^[a-z0-9][a-z0-9-]{0,${MAX_ARTICLE_ID_LENGTH - 1}}$`)
const FINGERPRINT = /^[0-9a-f]{64}$/
const FONTS: readonly unknown[] = ['amiri', 'noto-naskh-arabic', 'system'] satisfies ReaderFont[]
const THEMES: readonly unknown[] = ['system', 'light', 'dark', 'sepia'] satisfies Theme[]
const DIRECTIONS: readonly unknown[] = ['rtl', 'ltr'] satisfies Direction[]

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)
const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
const isMoment = (x: unknown): boolean => typeof x === 'string' && !Number.isNaN(Date.parse(x))

/**
 * Reading positions as stored (library.json's before positions.json, and
 * positions.json's): article ids to code-point offsets, each a safe
 * non-negative integer.
 */
export function isReadingPositions(positions: unknown): positions is Record<string, number> {
  if (!isObject(positions)) return false
  return Object.entries(positions).every(([id, offset]) => ARTICLE_ID.test(id) && isCount(offset))
}

/** One entry of `articles`: every field of `ArticleSummary`, each of its type (extra fields are let through). */
export function isArticleSummary(a: unknown): a is ArticleSummary {
  return (
    isObject(a) &&
    typeof a.id === 'string' &&
    ARTICLE_ID.test(a.id) &&
    typeof a.title === 'string' &&
    typeof a.source === 'string' &&
    (a.date === null || typeof a.date === 'string') &&
    isMoment(a.added) &&
    typeof a.lang === 'string' &&
    DIRECTIONS.includes(a.dir) &&
    Array.isArray(a.tags) &&
    a.tags.every((t) => typeof t === 'string') &&
    typeof a.fingerprint === 'string' &&
    FINGERPRINT.test(a.fingerprint) &&
    isCount(a.chars) &&
    isCount(a.annotationCount) &&
    (a.fetched === undefined || isMoment(a.fetched)) &&
    (a.trashed === null || isMoment(a.trashed))
  )
}

/**
 * Reading settings as stored: a setting may be absent (older files lack
 * `language`, `digits` and `libraryColumns`; absent ones read as their default), but
 * one that is present must be a value the app could have written (a
 * column list: short names, whichever they are).
 */
function isStoredSettings(s: unknown): boolean {
  if (!isObject(s)) return false
  const size = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x) && x > 0)
  return (
    (s.font === undefined || FONTS.includes(s.font)) &&
    size(s.fontSize) &&
    size(s.lineHeight) &&
    size(s.columnWidth) &&
    (s.theme === undefined || THEMES.includes(s.theme)) &&
    (s.language === undefined || LANGUAGE_SETTINGS.includes(s.language as LanguageSetting)) &&
    (s.digits === undefined || DIGITS_SETTINGS.includes(s.digits as DigitsSetting)) &&
    // Names only, not which: a later Hamish's column this one lacks is ignored (knownColumns), not damage.
    (s.libraryColumns === undefined ||
      (Array.isArray(s.libraryColumns) &&
        s.libraryColumns.length <= 50 &&
        s.libraryColumns.every((c) => typeof c === 'string' && c.length <= 50)))
  )
}

/**
 * The shape check used when reading library.json: a file that parses but is
 * not ours (cut by a bug, edited by hand) is treated like a corrupt one —
 * moved aside, its last good backup restored — instead of failing later in
 * whatever code first trusts a field. Every field is checked: each article
 * summary's (ids well formed and unique, counts finite non-negative
 * integers), the settings, the reading positions (finite non-negative
 * integers, keyed by article ids) and the profile.
 */
export function isLibraryData(data: unknown): data is LibraryData {
  if (!isObject(data) || data.version !== 1) return false
  if (!Array.isArray(data.articles) || !data.articles.every(isArticleSummary)) return false
  const ids = new Set(data.articles.map((a) => a.id))
  if (ids.size !== data.articles.length) return false
  if (!isStoredSettings(data.settings)) return false
  const { positions, profile } = data
  if (!isReadingPositions(positions)) return false
  if (typeof data.sampleSeeded !== 'boolean') return false
  if (data.annotationsIn !== undefined && data.annotationsIn !== 'logs') return false
  return (
    profile === undefined ||
    (isObject(profile) &&
      typeof profile.authorId === 'string' &&
      profile.authorId.length > 0 &&
      (profile.displayName === null || typeof profile.displayName === 'string'))
  )
}

/**
 * The full check of an article file before it is trusted (opened, restored
 * from a backup, listed again): its document and every annotation
 * (`articleFileSchema`), and its id must be the one of the file it was read
 * from. A file that fails is damaged: moved aside, its backup restored.
 */
export function isArticleFile(id: string) {
  return (data: unknown): data is ArticleFile => v.is(articleFileSchema, data) && data.id === id
}
