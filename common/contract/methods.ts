import type { AnchoredAnnotation, AnnotationPatch, NewAnnotation, NewNote, Profile } from '../annotation'
import type { Article, ArticleSummary, ReadingSettings } from '../article'
import type { ArticleMeta } from '../article-meta'
import type { BlockNode } from '../document'
import type { MatchNear } from '../find/match-page'
import type { OpenedArticle } from './article-head'
import type { FindInArticleOptions, FindInArticleResult } from './find-in-article'
import type { ConflictChoice } from '../sharing/resolve-conflict'
import type { AnnotationImportRequest, AnnotationImportResult, ConflictResolution } from './annotation-import'
import type { AddressImport, ImportFile, ImportOutcome, PlannedImport } from './article-import'
import type { ExportRequest, ExportResult } from './export-request'
import type { CitationFormat } from '../export/formats'
import type { Notice } from './notice'
import type { SearchOptions, SearchResult } from './search'
import type { SyncReport } from '../team/sync-report'
import type { TeamView } from './team'
import type { LinkToOpen } from '../hamish-link'

/**
 * The contract's methods: what each call takes and returns, and their names.
 * Types and plain values only, so anything may import it (preload and the
 * renderer too) without bundling a schema; schemas.ts checks the arguments
 * against these types, channels.ts derives the IPC channels from the names.
 */

/**
 * The whole API the renderer may call: `window.hamish` in Electron (preload),
 * the loopback bridge in preview. Main implements it once
 * (main/library/api-service.ts). Every argument is checked against
 * `apiArgSchemas` before the implementation sees it.
 */
export interface HamishApi {
  listArticles(): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<Article>
  /**
   * Opens an article for the reader: a short one whole; a long one
   * (SECTIONS_FROM code points or more) as its head, whose text the reader
   * then asks for a window at a time, so the page never holds a whole book.
   */
  openArticle(id: string): Promise<OpenedArticle>
  /** Top-level blocks [first, end) of an article's document (at most MAX_BLOCKS_PER_CALL): a long article's window. */
  getArticleBlocks(id: string, first: number, end: number): Promise<BlockNode[]>
  /** The article's plain text from code point `start` to `end`: copying a selection wider than the laid-out window. */
  getArticleText(id: string, start: number, end: number): Promise<string>
  /**
   * Find in a long article, run in main in slices (main keeps answering):
   * the total and a page of matches near `near`. A newer search of the same
   * article supersedes one still running; the same search again is answered
   * from the last one's matches (paging, scrolling).
   */
  findInArticle(
    id: string,
    query: string,
    options: FindInArticleOptions,
    near: MatchNear,
  ): Promise<FindInArticleResult>
  importFile(file: ImportFile): Promise<ImportOutcome>
  /**
   * Saves a page from its web address: main fetches it (the page never
   * opens a connection) and imports it like a file. An address on this
   * computer or a private network is rejected unless `allowPrivate` (the
   * outcome's text is `messages.privateAddress`, for the page to ask).
   */
  importAddress(request: AddressImport): Promise<ImportOutcome>
  /**
   * Records a batch's files (names and sizes) in the library folder before
   * the first is sent, so a window closed mid-import leaves them listed for
   * the next start; answers a ticket per file, for `importFile` and `cancelImports`.
   */
  planImports(files: PlannedImport[]): Promise<string[]>
  /** Cancels these tickets' imports: the one converting writes nothing, the rest are not imported. */
  cancelImports(tickets: string[]): Promise<void>
  /** The files the last session planned and did not finish importing (names and sizes, never paths). */
  listUnfinishedImports(): Promise<PlannedImport[]>
  /** Forgets that list (the user chose the files again, or dismissed it). */
  dismissUnfinishedImports(): Promise<void>
  /**
   * Replaces an article's metadata (authors, container, date…) with `meta`,
   * an empty object clearing it: the info panel and the CLI send the whole
   * record they edited. Refused whole if a field is not valid.
   */
  setArticleMeta(id: string, meta: ArticleMeta): Promise<ArticleSummary>
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
  /**
   * The `hamish://` link the app was started with (Electron: its command
   * line, or a macOS open-url before the window was there), once: the page
   * asks when it has started, so the link cannot arrive before the page
   * listens. Later links come as the `openLink` event. Null when there is
   * none, and always in the preview (its page reads `?open=` itself).
   */
  takeLinkToOpen(): Promise<LinkToOpen | null>
  updateSettings(patch: Partial<ReadingSettings>): Promise<ReadingSettings>
  /** Where the reader was: a code-point offset into the article's plain text. */
  getReadingPosition(id: string): Promise<number | null>
  setReadingPosition(id: string, offset: number): Promise<void>
  listNotices(): Promise<Notice[]>
  dismissNotice(id: string): Promise<void>
  /** An article's live annotations, as `getArticle` gives them, without its text (a page brought up to date by the change feed). */
  getArticleAnnotations(id: string): Promise<AnchoredAnnotation[]>
  /** Saves a new highlight; resolves once it is on disk. */
  addAnnotation(req: NewAnnotation): Promise<AnchoredAnnotation>
  /**
   * Saves a note about the whole article, or a reply to one of its
   * annotations (anyone's, a reply too); resolves once it is on disk. It is
   * edited and deleted as a highlight is (updateAnnotation, deleteAnnotation).
   */
  addNote(req: NewNote): Promise<AnchoredAnnotation>
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
  /**
   * Saves the citations of several articles (the library's filtered list)
   * in one CSL-JSON or BibTeX file; every id must name an article.
   */
  exportCitations(articleIds: string[], format: CitationFormat): Promise<ExportResult>
  /** Shows the last saved export in the system's file manager (Electron; nothing in the preview). */
  revealExport(): Promise<boolean>
  /** Saves an article's annotations as a W3C AnnotationCollection (`*.hamish.json`), optionally with the article. */
  exportAnnotations(articleId: string, options: { bundle: boolean }): Promise<ExportResult>
  /**
   * Searches every article's text, titles, notes, quotes and tags through the persisted index: every
   * matching article with its total, matches only for the page of articles asked (`articleOffset`, `articleLimit`).
   */
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
  /** The team library (issue 12): its status, the last sync's report, and how this host picks a folder. */
  teamStatus(): Promise<TeamView>
  /**
   * Joins the team in a folder, or creates one in an empty folder, as `name`
   * (which becomes the library's display name). In Electron `folder` must be
   * null: main asks with a folder dialog (a cancelled dialog changes
   * nothing). The preview takes the path the user typed (TeamView.folderChoice).
   */
  joinTeam(name: string, folder: string | null): Promise<TeamView>
  /** Shares an article with the team: its text and this library's annotations on it go to every member. Its team article id. */
  shareArticle(articleId: string): Promise<string>
  /** Stops sharing an article from now on; what was shared stays with the team. */
  unshareArticle(articleId: string): Promise<void>
  /** One sync pass now (after any pass already running). */
  syncTeam(): Promise<SyncReport>
  /** Leaves the team: the library keeps every article and annotation, the folder what was shared. */
  leaveTeam(): Promise<void>
}

export type ApiMethod = keyof HamishApi

/**
 * Every method of HamishApi, once: `satisfies` refuses a missing or unknown
 * name at compile time. Preload, main and the preview bridge derive their
 * channels and routes from API_METHODS.
 */
const METHODS = {
  listArticles: true,
  getArticle: true,
  openArticle: true,
  getArticleBlocks: true,
  getArticleText: true,
  findInArticle: true,
  importFile: true,
  importAddress: true,
  planImports: true,
  cancelImports: true,
  listUnfinishedImports: true,
  dismissUnfinishedImports: true,
  renameArticle: true,
  setArticleTags: true,
  setArticleMeta: true,
  trashArticle: true,
  restoreArticle: true,
  deleteArticleForever: true,
  getSettings: true,
  takeLinkToOpen: true,
  updateSettings: true,
  getReadingPosition: true,
  setReadingPosition: true,
  listNotices: true,
  dismissNotice: true,
  getArticleAnnotations: true,
  addAnnotation: true,
  addNote: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  restoreAnnotation: true,
  exportArticle: true,
  exportCitations: true,
  revealExport: true,
  exportAnnotations: true,
  searchLibrary: true,
  importAnnotations: true,
  resolveAnnotationConflict: true,
  getProfile: true,
  setDisplayName: true,
  teamStatus: true,
  joinTeam: true,
  shareArticle: true,
  unshareArticle: true,
  syncTeam: true,
  leaveTeam: true,
} satisfies Record<ApiMethod, true>

/** The method names, in the contract's order. */
export const API_METHODS = Object.keys(METHODS) as ApiMethod[]

/**
 * Checks a method name that arrived from outside (an HTTP path, IPC) against
 * the contract: own names only, so `toString` or `__proto__` is no method.
 */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(METHODS, name)
}
