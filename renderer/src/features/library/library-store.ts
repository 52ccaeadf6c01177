import type { HamishApi } from '../../../../common/contract/methods'
import type { ArticleSummary } from '../../../../common/article'

/**
 * The renderer's copy of the article list. Views read it and subscribe;
 * every change made anywhere (an import, a rename, the native menu) ends with
 * `refresh()`, which asks main for the list again: main is the only truth.
 */
export class LibraryStore {
  private list: ArticleSummary[] = []
  private loaded = false
  /** Refreshes asked for, and the latest whose answer is shown. */
  private asked = 0
  private shown = 0
  private readonly listeners = new Set<() => void>()

  constructor(private readonly api: Pick<HamishApi, 'listArticles'>) {}

  /** Whether the list has been fetched at least once. */
  get ready(): boolean {
    return this.loaded
  }

  /** Articles not in the trash. */
  get articles(): ArticleSummary[] {
    return this.list.filter((a) => !a.trashed)
  }

  /** Articles in the trash, most recently deleted first. */
  get trashed(): ArticleSummary[] {
    return this.list.filter((a) => a.trashed).sort((a, b) => (b.trashed ?? '').localeCompare(a.trashed ?? ''))
  }

  /** One article's summary, when known. */
  get(id: string): ArticleSummary | undefined {
    return this.list.find((a) => a.id === id)
  }

  /** Fetches the list again and notifies subscribers. */
  async refresh(): Promise<void> {
    const asked = ++this.asked
    const list = await this.api.listArticles()
    // Refreshes overlap while a batch imports (one per file): an older answer never replaces a newer one.
    if (asked < this.shown) return
    this.shown = asked
    this.list = list
    this.loaded = true
    for (const listener of this.listeners) listener()
  }

  /** Calls `listener` after every refresh; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
