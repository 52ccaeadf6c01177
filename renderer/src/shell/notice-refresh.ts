import type { HamishApi } from '../../../common/api'

/**
 * Calls after which main may have a notice: those that may open an article
 * file main has not read yet and find it damaged (and mend it from a
 * backup), and the annotation changes, which are saved even when the search
 * index or the library list cannot be brought up to date after them (a full
 * disk), and then say so in a notice.
 */
const MAY_LEAVE_NOTICES = [
  'getArticle',
  'searchLibrary',
  'exportArticle',
  'exportAnnotations',
  'importAnnotations',
  'addAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
] as const

/**
 * The API with the notice banners refreshed after each call that may read
 * an article file: main reports a damaged file it restored (or left out of
 * a search) as a notice, which the page would otherwise learn of only at
 * the next start.
 */
export function refreshingNotices<T extends HamishApi>(api: T, refresh: () => void): T {
  const wrapped = { ...api }
  for (const method of MAY_LEAVE_NOTICES) {
    const call = api[method] as (...args: unknown[]) => Promise<unknown>
    ;(wrapped as Record<string, unknown>)[method] = (...args: unknown[]) => call(...args).finally(refresh)
  }
  return wrapped
}
