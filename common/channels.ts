import type { ApiMethod, HamishEventName } from './api'

/**
 * The names the Electron transport is built from: methods, events and their
 * IPC channels. Kept apart from the rest of the contract so that preload,
 * which only forwards calls, bundles none of the schemas or message tables.
 */

/**
 * Every method of HamishApi, once: `satisfies` refuses a missing or unknown
 * name at compile time. Preload, main and the preview bridge derive their
 * channels from API_METHODS.
 */
const METHODS = {
  listArticles: true,
  getArticle: true,
  importFile: true,
  renameArticle: true,
  setArticleTags: true,
  trashArticle: true,
  restoreArticle: true,
  deleteArticleForever: true,
  getSettings: true,
  updateSettings: true,
  getReadingPosition: true,
  setReadingPosition: true,
  listNotices: true,
  dismissNotice: true,
  addAnnotation: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  restoreAnnotation: true,
  exportArticle: true,
  revealExport: true,
  exportAnnotations: true,
  searchLibrary: true,
  importAnnotations: true,
  resolveAnnotationConflict: true,
  getProfile: true,
  setDisplayName: true,
} satisfies Record<ApiMethod, true>

export const API_METHODS = Object.keys(METHODS) as ApiMethod[]

export const EVENT_NAMES: readonly HamishEventName[] = [
  'libraryChanged',
  'importProgress',
  'menuCommand',
  'libraryChange',
]

/** The IPC channel of a method: derived, never written by hand. */
export const channelOf = (method: ApiMethod): string => `hamish:${method}`
export const eventChannelOf = (event: HamishEventName): string => `hamish-event:${event}`
