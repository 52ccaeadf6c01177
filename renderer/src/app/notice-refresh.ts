import type { HamishApi } from '../../../common/api'

/**
 * Calls that may open an article file main has not read yet and find it
 * damaged (and mend it from a backup). Annotation edits are not among them:
 * the reader has read the file (getArticle) before any can be made.
 */
const READS_ARTICLE_FILES = [
  'getArticle',
  'searchLibrary',
  'exportArticle',
  'exportAnnotations',
  'importAnnotations',
] as const

/**
 * The API with the notice banners refreshed after each call that may read
 * an article file: main reports a damaged file it restored (or left out of
 * a search) as a notice, which the page would otherwise learn of only at
 * the next start.
 */
export function refreshingNotices<T extends HamishApi>(api: T, refresh: () => void): T {
  const wrapped = { ...api }
  for (const method of READS_ARTICLE_FILES) {
    const call = api[method] as (...args: unknown[]) => Promise<unknown>
    ;(wrapped as Record<string, unknown>)[method] = (...args: unknown[]) => call(...args).finally(refresh)
  }
  return wrapped
}
