import * as v from 'valibot'
import { colorSchema } from '../annotation'
import { CITATION_FORMATS, EXPORT_FORMATS } from '../export/formats'
import { NOTES_GROUPS, NOTES_ORDERS } from '../export/notes-order'
import { LANGUAGE_SETTINGS, UI_LANGUAGES } from '../i18n/ui-language'
import { DIGITS_SETTINGS } from '../i18n/digits'
import { LIBRARY_COLUMNS } from '../library-columns'
import {
  annotationId,
  articleMeta,
  articleId,
  displayName,
  fileBytes,
  fileName,
  folderPath,
  importTicket,
  note,
  offset,
  quote,
  range,
  requestId,
  searchQuery,
  tags,
  title,
  webAddress,
  version,
  versionId,
} from './field-schemas'
import {
  MAX_BLOCKS_PER_CALL,
  MAX_IMPORT_BATCH,
  MAX_MATCHES_PER_ARTICLE,
  MAX_NOTICE_ID_LENGTH,
  SETTINGS_LIMITS,
  MAX_CITATION_ARTICLES,
} from './limits'
import type { ApiMethod, HamishApi } from './methods'

/**
 * The argument schemas, one valibot strict tuple per method of HamishApi
 * (methods.ts): the single runtime check every transport applies through
 * dispatch.ts before an implementation sees a call. Main's only: the
 * renderer and preload never validate a call themselves, and a lint rule
 * (eslint-rules/contract-schemas.js) keeps this file and valibot out of
 * their bundles.
 */

const settingsPatch = v.strictObject({
  font: v.optional(v.picklist(['amiri', 'noto-naskh-arabic', 'system'])),
  fontSize: v.optional(range(SETTINGS_LIMITS.fontSize)),
  lineHeight: v.optional(range(SETTINGS_LIMITS.lineHeight)),
  columnWidth: v.optional(range(SETTINGS_LIMITS.columnWidth)),
  theme: v.optional(v.picklist(['system', 'light', 'dark', 'sepia'])),
  language: v.optional(v.picklist(LANGUAGE_SETTINGS)),
  digits: v.optional(v.picklist(DIGITS_SETTINGS)),
  libraryColumns: v.optional(
    v.pipe(
      v.array(v.picklist(LIBRARY_COLUMNS)),
      v.check((list) => new Set(list).size === list.length, 'a library column is named twice'),
    ),
  ),
})

/** A note about the article or a reply: what it is about, and a note that says something. */
const newNote = v.strictObject({
  articleId,
  about: v.variant('kind', [
    v.strictObject({ kind: v.literal('article') }),
    v.strictObject({ kind: v.literal('reply'), annotationId }),
  ]),
  note: v.pipe(
    note,
    v.check((s) => s.trim() !== '', 'the note is empty'),
  ),
  tags: v.optional(tags),
  requestId: v.optional(requestId),
})

const annotationPatch = v.strictObject({
  color: v.optional(colorSchema),
  note: v.optional(note),
  tags: v.optional(tags),
})

const newAnnotation = v.pipe(
  v.strictObject({
    articleId,
    start: offset,
    end: offset,
    quote,
    color: colorSchema,
    note: v.optional(note),
    tags: v.optional(tags),
    requestId: v.optional(requestId),
  }),
  v.check((r) => r.end > r.start, 'the selection is empty'),
)

const searchOptions = v.strictObject({
  folded: v.optional(v.boolean()),
  wholeWord: v.optional(v.boolean()),
  limitPerArticle: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MATCHES_PER_ARTICLE)),
  ),
  // A count of matches, not a position; no bound is needed past an integer's: an offset past the last match returns none.
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))),
  articleId: v.optional(articleId),
  articleOffset: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  ),
  articleLimit: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  ),
})

/** A top-level block's index in an article's document. */
const blockIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))

const blockRange = v.pipe(
  v.strictTuple([articleId, blockIndex, blockIndex]),
  v.check(([, first, end]) => end > first, 'the block range is empty'),
  v.check(
    ([, first, end]) => end - first <= MAX_BLOCKS_PER_CALL,
    `more than ${MAX_BLOCKS_PER_CALL} blocks in one call`,
  ),
)

const textRange = v.pipe(
  v.strictTuple([articleId, offset, offset]),
  v.check(([, start, end]) => end >= start, 'the text range ends before it starts'),
)

const findNear = v.strictObject({ offset: v.optional(offset), index: v.optional(blockIndex) })

/** Argument schemas, one tuple per method. */
export const apiArgSchemas = {
  listArticles: v.strictTuple([]),
  getArticle: v.strictTuple([articleId]),
  openArticle: v.strictTuple([articleId]),
  getArticleBlocks: blockRange,
  getArticleText: textRange,
  findInArticle: v.strictTuple([
    articleId,
    searchQuery,
    v.strictObject({ folded: v.boolean(), wholeWord: v.boolean() }),
    findNear,
  ]),
  importFile: v.strictTuple([
    v.strictObject({ name: fileName, bytes: fileBytes, ticket: v.optional(importTicket) }),
  ]),
  importAddress: v.strictTuple([
    v.strictObject({ address: webAddress, allowPrivate: v.boolean(), ticket: v.optional(importTicket) }),
  ]),
  planImports: v.strictTuple([
    v.pipe(
      v.array(v.strictObject({ name: fileName, size: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
      v.maxLength(MAX_IMPORT_BATCH, `more than ${MAX_IMPORT_BATCH} files`),
    ),
  ]),
  cancelImports: v.strictTuple([
    v.pipe(v.array(importTicket), v.maxLength(MAX_IMPORT_BATCH, `more than ${MAX_IMPORT_BATCH} tickets`)),
  ]),
  listUnfinishedImports: v.strictTuple([]),
  dismissUnfinishedImports: v.strictTuple([]),
  renameArticle: v.strictTuple([articleId, title]),
  setArticleTags: v.strictTuple([articleId, tags, tags]),
  setArticleMeta: v.strictTuple([articleId, articleMeta]),
  trashArticle: v.strictTuple([articleId]),
  restoreArticle: v.strictTuple([articleId]),
  deleteArticleForever: v.strictTuple([articleId]),
  getSettings: v.strictTuple([]),
  takeLinkToOpen: v.strictTuple([]),
  updateSettings: v.strictTuple([settingsPatch]),
  getReadingPosition: v.strictTuple([articleId]),
  setReadingPosition: v.strictTuple([articleId, offset]),
  listNotices: v.strictTuple([]),
  dismissNotice: v.strictTuple([v.pipe(v.string(), v.maxLength(MAX_NOTICE_ID_LENGTH))]),
  getArticleAnnotations: v.strictTuple([articleId]),
  addAnnotation: v.strictTuple([newAnnotation]),
  addNote: v.strictTuple([newNote]),
  updateAnnotation: v.strictTuple([articleId, annotationId, annotationPatch, version]),
  deleteAnnotation: v.strictTuple([articleId, annotationId]),
  restoreAnnotation: v.strictTuple([articleId, annotationId]),
  exportArticle: v.strictTuple([
    v.strictObject({
      articleId,
      format: v.picklist(EXPORT_FORMATS),
      groupByColor: v.optional(v.boolean()),
      notesOrder: v.optional(v.picklist(NOTES_ORDERS)),
      notesGroup: v.optional(v.picklist(NOTES_GROUPS)),
      paper: v.optional(v.picklist(['A4', 'Letter'])),
      labelLang: v.optional(v.picklist(UI_LANGUAGES)),
    }),
  ]),
  exportCitations: v.strictTuple([
    v.pipe(v.array(articleId), v.minLength(1), v.maxLength(MAX_CITATION_ARTICLES)),
    v.picklist(CITATION_FORMATS),
  ]),
  revealExport: v.strictTuple([]),
  exportAnnotations: v.strictTuple([articleId, v.strictObject({ bundle: v.boolean() })]),
  searchLibrary: v.strictTuple([searchQuery, v.optional(searchOptions)]),
  importAnnotations: v.strictTuple([
    v.strictObject({
      name: fileName,
      bytes: fileBytes,
      articleId: v.optional(articleId),
      confirmOrphans: v.optional(v.boolean()),
    }),
  ]),
  resolveAnnotationConflict: v.strictTuple([
    articleId,
    annotationId,
    versionId,
    v.picklist(['theirs', 'mine', 'both']),
  ]),
  getProfile: v.strictTuple([]),
  setDisplayName: v.strictTuple([displayName]),
  teamStatus: v.strictTuple([]),
  joinTeam: v.strictTuple([displayName, v.nullable(folderPath)]),
  shareArticle: v.strictTuple([articleId]),
  unshareArticle: v.strictTuple([articleId]),
  syncTeam: v.strictTuple([]),
  leaveTeam: v.strictTuple([]),
} satisfies { [M in ApiMethod]: v.GenericSchema<unknown[], Parameters<HamishApi[M]>> }
