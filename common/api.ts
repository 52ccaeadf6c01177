import * as v from 'valibot'
import type { WireResult } from './errors'
import type { LocalText } from './i18n/local-text'
import { LANGUAGE_SETTINGS } from './i18n/ui-language'
import type { AnchoredAnnotation, AnnotationPatch, NewAnnotation, Profile } from './annotation'
import type { ConflictSide } from './sharing/merge'
import type { ConflictChoice } from './sharing/resolve-conflict'
import { colorSchema, MAX_QUOTE_LENGTH, noteSchema, tagsSchema } from './annotation'
import type { Article, ArticleSummary, ReadingSettings } from './article'
import type { LibraryChange } from './library-changes'
import { SETTINGS_LIMITS } from './article'
import { EXPORT_FORMATS, MAX_IMPORT_BYTES, type ExportFormat } from './api-constants'

export {
  API_METHODS,
  EXPORT_FORMATS,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  tooLargeText,
  type ExportFormat,
} from './api-constants'

/** One file handed to the library by the renderer: its name and bytes, never a path. */
export interface ImportFile {
  name: string
  bytes: Uint8Array
}

/** What happened to one imported file. */
export interface ImportOutcome {
  name: string
  status: 'added' | 'duplicate' | 'rejected'
  /** A sentence for the user, in English. */
  message: string
  /** The same sentence as a message key and values, for the interface's language. */
  text?: LocalText
  /** The new article, or the one already in the library for a duplicate. */
  article: ArticleSummary | null
}

export interface ExportRequest {
  articleId: string
  format: ExportFormat
  /** notes-md: group the notes under a heading per colour. */
  groupByColor?: boolean
  /** pdf: paper size (default A4). */
  paper?: 'A4' | 'Letter'
}

/**
 * What became of an export. In Electron main asks where to save and writes
 * the file itself (`saved`); in the browser preview the page is handed the
 * bytes and saves them as a download (`download`).
 */
export type ExportResult =
  | { status: 'saved'; fileName: string; location: string }
  | { status: 'download'; fileName: string; mimeType: string; bytes: Uint8Array }
  | { status: 'cancelled' }

/** What an annotation import did, item by item (issue 5): nothing is dropped without a line here. */
export interface AnnotationImportReport {
  articleId: string
  articleTitle: string
  /** The article was created from a bundle that carried it. */
  articleCreated: boolean
  added: string[]
  updated: string[]
  unchanged: string[]
  /** Of `unchanged`: the file's version was older than yours, so yours was kept and the file's set aside. */
  older: string[]
  /** Annotations the merge deleted here because the file holds a newer deletion of them (or a new deleted one). */
  deleted: string[]
  /**
   * Versions that replace neither the other (both sides edited the note since
   * their common version, saved different content at the same instant, or
   * the file changes your own annotation): both kept, `kept` shown and the
   * other as its "their version"; `ours` and `theirs` show both texts.
   */
  conflicts: {
    id: string
    kept: 'local' | 'incoming'
    reason: string
    text?: LocalText
    ours?: ConflictSide
    theirs?: ConflictSide
    /** Who the file's version is by (common/sharing/merge.ts); null or absent: the file names no one. */
    changedBy?: string | null
  }[]
  /** Annotations dated ahead of this computer's clock (within the few minutes allowed): taken, and told. */
  ahead: string[]
  /** Imported but not found in this copy of the text: kept and listed as orphans. */
  orphaned: string[]
  /** `reason` in English; `text`, when present, the same for the interface's language. */
  rejected: { id: string | null; reason: string; text?: LocalText }[]
}

/**
 * An annotation file handed to main: its name and bytes (the renderer never
 * sends a path). `articleId` is the user's choice when the file's fingerprint
 * matches no article here.
 */
export interface AnnotationImportRequest {
  name: string
  bytes: Uint8Array
  articleId?: string
  /** Import into the chosen article even though none of the file's passages is found in it. */
  confirmOrphans?: boolean
}

/**
 * An import that could not find its article: the file's title and the best
 * local candidates (by title and quotes), for the user to pick from.
 */
export interface ArticleChoiceNeeded {
  status: 'needs-article'
  fileTitle: string
  candidates: { articleId: string; title: string; score: number }[]
}

/**
 * The article the user chose holds none of the file's passages: every note
 * would be unplaced. Nothing was imported; the user is asked first, and
 * `confirmOrphans` imports them anyway.
 */
export interface OrphansConfirmNeeded {
  status: 'all-orphans'
  articleId: string
  articleTitle: string
  count: number
}

export type AnnotationImportResult =
  { status: 'imported'; report: AnnotationImportReport } | ArticleChoiceNeeded | OrphansConfirmNeeded

/** What resolveAnnotationConflict changed: the annotation, and for "both" the new one carrying their text. */
export interface ConflictResolution {
  annotation: AnchoredAnnotation
  added: AnchoredAnnotation | null
}

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
  /** Most matches returned per article (default 50). */
  limitPerArticle?: number
}

/** Something the user must be told that did not come from an action of theirs (a damaged file recovered). */
export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  /** In English; `text` is the same for the interface's language. */
  message: string
  text?: LocalText
  at: string
}

/**
 * The whole API the renderer may call: `window.hamish` in Electron (preload),
 * the loopback bridge in preview. Main implements it once
 * (main/library/api-service.ts). Every argument is checked against
 * `apiArgSchemas` before the implementation sees it.
 */
export interface HamishApi {
  listArticles(): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<Article>
  importFile(file: ImportFile): Promise<ImportOutcome>
  renameArticle(id: string, title: string): Promise<ArticleSummary>
  /**
   * Sets an article's tags to `tags`, edited from `base` (the list the page
   * showed): main merges the edit into the tags as they are now (tags added
   * and removed since `base`), so two windows editing tags at once both keep
   * their changes.
   */
  setArticleTags(id: string, tags: string[], base: string[]): Promise<ArticleSummary>
  trashArticle(id: string): Promise<ArticleSummary>
  restoreArticle(id: string): Promise<ArticleSummary>
  /**
   * Deletes an article in the Trash for good: its entry, its file (text and
   * annotations), its reading position and its search-index file. An article
   * not in the Trash is refused, so nothing is lost by one wrong call.
   */
  deleteArticleForever(id: string): Promise<void>
  getSettings(): Promise<ReadingSettings>
  updateSettings(patch: Partial<ReadingSettings>): Promise<ReadingSettings>
  /** Where the reader was: a code-point offset into the article's plain text. */
  getReadingPosition(id: string): Promise<number | null>
  setReadingPosition(id: string, offset: number): Promise<void>
  listNotices(): Promise<Notice[]>
  dismissNotice(id: string): Promise<void>
  /** Saves a new highlight; resolves once it is on disk. */
  addAnnotation(req: NewAnnotation): Promise<AnchoredAnnotation>
  /**
   * Changes colour, note or tags. `basedOn` is the `modified` of the version
   * the edit was made on; if the annotation changed since (another window,
   * an import), the edit is refused with code `conflict` and nothing changes.
   */
  updateAnnotation(
    articleId: string,
    annotationId: string,
    patch: AnnotationPatch,
    basedOn: string,
  ): Promise<AnchoredAnnotation>
  /** Marks it deleted (a tombstone stays, so merges do not bring it back). */
  deleteAnnotation(articleId: string, annotationId: string): Promise<void>
  /** Undoes a delete. */
  restoreAnnotation(articleId: string, annotationId: string): Promise<AnchoredAnnotation>
  getProfile(): Promise<Profile>
  setDisplayName(name: string): Promise<Profile>
  /** Exports an article with its annotations; the file is written whole or not at all. */
  exportArticle(req: ExportRequest): Promise<ExportResult>
  /** Shows the last saved export in the system's file manager (Electron; nothing in the preview). */
  revealExport(): Promise<boolean>
  /** Saves an article's annotations as a W3C AnnotationCollection (`*.hamish.json`), optionally with the article. */
  exportAnnotations(articleId: string, options: { bundle: boolean }): Promise<ExportResult>
  /** Searches every article's text, titles, notes, quotes and tags through the persisted index. */
  searchLibrary(query: string, options?: SearchOptions): Promise<SearchResult[]>
  /** Merges a colleague's annotation file (Hamish or Hypothesis JSON) into the library as one atomic write. */
  importAnnotations(req: AnnotationImportRequest): Promise<AnnotationImportResult>
  /**
   * Settles a version kept beside an annotation ("their version", found by
   * its version id): use theirs, keep mine, or keep both (a second
   * annotation of yours on the passage with their text). One acknowledged
   * write; a version no longer there changes nothing.
   */
  resolveAnnotationConflict(
    articleId: string,
    annotationId: string,
    versionId: string,
    choice: ConflictChoice,
  ): Promise<ConflictResolution>
}

export type ApiMethod = keyof HamishApi

/** Events main sends to the renderer (Electron only: they come from the native menu and dialogs). */
export interface HamishEvents {
  /** The library changed outside the renderer's own calls (File > Import… from the menu). */
  libraryChanged: { outcomes: ImportOutcome[] }
  importProgress: { done: number; total: number; name: string }
  menuCommand: MenuCommand
  /**
   * A change made outside this window (another tab of the preview, the
   * menu's import, a colleague's file merged by another window): the page
   * reads what it shows again. Its own changes are not echoed back.
   */
  libraryChange: LibraryChange
}

export type MenuCommand =
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'theme-sepia'
  | 'show-library'
  | 'show-search'
  | 'show-settings'
  | 'show-help'
  | 'undo'
  | 'redo'
  | 'focus-mode'
  | 'text-larger'
  | 'text-smaller'
  | 'text-reset'
  | 'export'
  | 'share-notes'
export type HamishEventName = keyof HamishEvents

/** The API the renderer uses: every method, plus typed event subscription. */
export interface HamishBridge extends HamishApi {
  on<E extends HamishEventName>(event: E, listener: (payload: HamishEvents[E]) => void): () => void
}

/**
 * What preload exposes as `window.hamish`: each method answers with the
 * WireResult main sent, never throws. An error thrown across contextBridge
 * keeps only its message (its code and its LocalText would be lost), so the
 * renderer turns a failed result into a HamishError itself (bridge.ts).
 */
export type HamishWireBridge = {
  [M in ApiMethod]: (
    ...args: Parameters<HamishApi[M]>
  ) => Promise<WireResult<Awaited<ReturnType<HamishApi[M]>>>>
} & Pick<HamishBridge, 'on'>

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an article id'))
const title = v.pipe(
  v.string(),
  v.transform((s) => s.trim()),
  v.minLength(1, 'the title is empty'),
  v.maxLength(200, 'the title is longer than 200 characters'),
)
const tag = v.pipe(
  v.string(),
  v.transform((s) => s.trim()),
  v.minLength(1, 'a tag is empty'),
  v.maxLength(64, 'a tag is longer than 64 characters'),
)
const tagList = v.pipe(v.array(tag), v.maxLength(100, 'more than 100 tags'))
/** A `modified` time as stored (ISO 8601), naming the version an edit was made on. */
const version = v.pipe(v.string(), v.minLength(1), v.maxLength(64))
const requestId = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a request id (a UUID)'),
)
const annotationId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9:._-]{1,128}$/, 'not an annotation id'))
const offset = v.pipe(v.number(), v.integer(), v.minValue(0))

const bytes = v.pipe(
  v.instance(Uint8Array),
  v.check((b) => b.byteLength <= MAX_IMPORT_BYTES, 'the file is larger than 50 MB'),
)
/** Pure, so a bundle that imports only this file's constants (strings.ts) drops every schema. */
const range = /* @__NO_SIDE_EFFECTS__ */ (limits: { min: number; max: number }) =>
  v.pipe(v.number(), v.finite(), v.minValue(limits.min), v.maxValue(limits.max))

const settingsPatch = v.strictObject({
  font: v.optional(v.picklist(['amiri', 'noto-naskh-arabic', 'system'])),
  fontSize: v.optional(range(SETTINGS_LIMITS.fontSize)),
  lineHeight: v.optional(range(SETTINGS_LIMITS.lineHeight)),
  columnWidth: v.optional(range(SETTINGS_LIMITS.columnWidth)),
  theme: v.optional(v.picklist(['system', 'light', 'dark', 'sepia'])),
  language: v.optional(v.picklist(LANGUAGE_SETTINGS)),
})

/** Argument schemas, one tuple per method: the single runtime check every transport applies. */
export const apiArgSchemas = {
  listArticles: v.strictTuple([]),
  getArticle: v.strictTuple([id]),
  importFile: v.strictTuple([
    v.strictObject({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
      bytes,
    }),
  ]),
  renameArticle: v.strictTuple([id, title]),
  setArticleTags: v.strictTuple([id, tagList, tagList]),
  trashArticle: v.strictTuple([id]),
  restoreArticle: v.strictTuple([id]),
  deleteArticleForever: v.strictTuple([id]),
  getSettings: v.strictTuple([]),
  updateSettings: v.strictTuple([settingsPatch]),
  getReadingPosition: v.strictTuple([id]),
  setReadingPosition: v.strictTuple([id, v.pipe(v.number(), v.integer(), v.minValue(0))]),
  listNotices: v.strictTuple([]),
  dismissNotice: v.strictTuple([v.pipe(v.string(), v.maxLength(100))]),
  addAnnotation: v.strictTuple([
    v.pipe(
      v.strictObject({
        articleId: id,
        start: offset,
        end: offset,
        quote: v.pipe(v.string(), v.minLength(1, 'the selection is empty'), v.maxLength(MAX_QUOTE_LENGTH)),
        color: colorSchema,
        note: v.optional(noteSchema),
        tags: v.optional(tagsSchema),
        requestId: v.optional(requestId),
      }),
      v.check((r) => r.end > r.start, 'the selection is empty'),
    ),
  ]),
  updateAnnotation: v.strictTuple([
    id,
    annotationId,
    v.strictObject({
      color: v.optional(colorSchema),
      note: v.optional(noteSchema),
      tags: v.optional(tagsSchema),
    }),
    version,
  ]),
  deleteAnnotation: v.strictTuple([id, annotationId]),
  restoreAnnotation: v.strictTuple([id, annotationId]),
  exportArticle: v.strictTuple([
    v.strictObject({
      articleId: id,
      format: v.picklist(EXPORT_FORMATS),
      groupByColor: v.optional(v.boolean()),
      paper: v.optional(v.picklist(['A4', 'Letter'])),
    }),
  ]),
  revealExport: v.strictTuple([]),
  exportAnnotations: v.strictTuple([id, v.strictObject({ bundle: v.boolean() })]),
  searchLibrary: v.strictTuple([
    v.pipe(v.string(), v.maxLength(500, 'the search is longer than 500 characters')),
    v.optional(
      v.strictObject({
        folded: v.optional(v.boolean()),
        wholeWord: v.optional(v.boolean()),
        limitPerArticle: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
      }),
    ),
  ]),
  importAnnotations: v.strictTuple([
    v.strictObject({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
      bytes,
      articleId: v.optional(id),
      confirmOrphans: v.optional(v.boolean()),
    }),
  ]),
  resolveAnnotationConflict: v.strictTuple([
    id,
    annotationId,
    v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'not a version id')),
    v.picklist(['theirs', 'mine', 'both']),
  ]),
  getProfile: v.strictTuple([]),
  setDisplayName: v.strictTuple([
    v.pipe(
      v.string(),
      v.transform((s) => s.trim()),
      v.minLength(1, 'the name is empty'),
      v.maxLength(100, 'the name is longer than 100 characters'),
    ),
  ]),
} satisfies { [M in ApiMethod]: v.GenericSchema<unknown[], Parameters<HamishApi[M]>> }

export { channelOf, EVENT_NAMES, eventChannelOf } from './channels'

/** Checks a method name that arrived from outside (HTTP path, IPC) against the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiArgSchemas, name)
}
