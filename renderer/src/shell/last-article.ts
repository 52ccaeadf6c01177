import type { ArticleSummary } from '../../../common/article'

const KEY = 'hamish-last-article'

/** Remembers the article being read, so the next start reopens it (per machine, like a window position). */
export function rememberLastArticle(id: string): void {
  try {
    localStorage.setItem(KEY, id)
  } catch {
    // Storage can be unavailable (private mode); reopening is a convenience only.
  }
}

/**
 * The article to reopen on start: the last one read, if it is still in the
 * library and not in the trash. Only a start with no route in the URL
 * reopens it; an explicit `#/` (the library) is respected.
 */
export function articleToReopen(hash: string, articles: readonly ArticleSummary[]): string | null {
  if (hash !== '' && hash !== '#') return null
  let id: string | null = null
  try {
    id = localStorage.getItem(KEY)
  } catch {
    return null
  }
  return id !== null && articles.some((a) => a.id === id && !a.trashed) ? id : null
}
