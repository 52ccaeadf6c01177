import type { ArticleSummary } from '../../common/article'
import type { ArticleMeta } from '../../common/article-meta'
import { checkArticleMeta } from '../../common/article-meta-check'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { mergeTagEdit } from '../../common/tag-merge'
import { uniqueTags } from '../../common/tags'
import type { JsonStore } from '../store/json-store'
import type { ChangeFeed } from './change-feed'
import type { LibraryData } from './library-data'
import { notSavedError } from './write-failure'

/**
 * The list of articles (library.json's `articles`): what the library view
 * shows and what every other service looks an article up in. Each change is
 * one acknowledged write of library.json, published on the feed once on disk.
 */
export class Catalog {
  readonly #store: JsonStore<LibraryData>
  readonly #feed: ChangeFeed
  readonly #libraryDir: string
  readonly #now: () => Date
  readonly #countOf: (id: string) => number

  /**
   * `countOf` gives an article's live annotations (from the annotation logs):
   * library.json's `annotationCount` is only what the article came with.
   */
  constructor(
    store: JsonStore<LibraryData>,
    feed: ChangeFeed,
    libraryDir: string,
    now: () => Date,
    countOf: (id: string) => number,
  ) {
    this.#store = store
    this.#feed = feed
    this.#libraryDir = libraryDir
    this.#now = now
    this.#countOf = countOf
  }

  /** Every article, trashed ones included (the renderer shows those in the Trash), as copies. */
  list(): ArticleSummary[] {
    return this.#store.data.articles.map((a) => this.#copy(a))
  }

  /** Article `id` as the API gives it: a copy, with its annotation count. */
  copy(id: string): ArticleSummary {
    return this.#copy(this.summary(id))
  }

  #copy(a: Readonly<ArticleSummary>): ArticleSummary {
    const copy = { ...a, tags: [...a.tags], annotationCount: this.#countOf(a.id) }
    if (a.meta) copy.meta = structuredClone(a.meta)
    return copy
  }

  /** The summaries as stored (read-only), for lookups that copy nothing. */
  get all(): readonly Readonly<ArticleSummary>[] {
    return this.#store.data.articles
  }

  /** The listed article `id`, or a not-found error the user can read. */
  summary(id: string): Readonly<ArticleSummary> {
    const found = this.#store.data.articles.find((a) => a.id === id)
    if (!found) throw new HamishError('not-found', localText('messages.articleNotFound', { id }))
    return found
  }

  /** An article's title for a sentence about it, or its id once it is no longer listed. */
  titleOf(id: string): string {
    return this.#store.data.articles.find((a) => a.id === id)?.title ?? id
  }

  /** Lists new articles (an import, or files listed again after a recovery). */
  async add(summaries: readonly ArticleSummary[]): Promise<void> {
    await this.#store.update((d) => {
      d.articles.push(...summaries.map((s) => ({ ...s, tags: [...s.tags] })))
    })
    for (const s of summaries) this.#feed.publish({ kind: 'article-added', articleId: s.id })
  }

  /** Forgets an article (delete forever), with its reading position. */
  async remove(id: string): Promise<void> {
    await this.#store.update((d) => {
      d.articles = d.articles.filter((a) => a.id !== id)
      delete d.positions[id]
    })
    this.#feed.publish({ kind: 'article-removed', articleId: id })
  }

  renameArticle(id: string, title: string): Promise<ArticleSummary> {
    return this.#change(id, (a) => {
      a.title = title
    })
  }

  /**
   * Replaces the article's metadata, checked as library.json's reader checks
   * it (common/article-meta-check.ts): one bad field refuses the whole edit
   * and nothing is written, so the CLI, which has no schema in front of it,
   * can store nothing a reopen would drop. An empty record clears it.
   */
  async setArticleMeta(id: string, meta: ArticleMeta): Promise<ArticleSummary> {
    const { meta: checked, dropped } = checkArticleMeta(meta)
    if (dropped.length > 0)
      throw new HamishError(
        'invalid-argument',
        localText('messages.metaInvalid', { fields: dropped.join(', ') }),
      )
    return this.#change(id, (a) => {
      if (checked) a.meta = checked
      else delete a.meta
    })
  }

  /**
   * Sets the tags, without duplicates (in any case), in the order given. With
   * `base` (the list the edit was made on) the edit is merged into the tags
   * as they are when it is written, so a tag another window added or removed
   * meanwhile is neither dropped nor brought back (mergeTagEdit).
   */
  setArticleTags(id: string, tags: string[], base?: string[]): Promise<ArticleSummary> {
    return this.#change(id, (a) => {
      a.tags = base ? mergeTagEdit(base, tags, a.tags) : uniqueTags(tags)
    })
  }

  trashArticle(id: string): Promise<ArticleSummary> {
    const at = this.#now().toISOString()
    return this.#change(id, (a) => {
      a.trashed = a.trashed ?? at
    })
  }

  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.#change(id, (a) => {
      a.trashed = null
    })
  }

  async #change(id: string, change: (a: ArticleSummary) => void): Promise<ArticleSummary> {
    this.summary(id)
    try {
      await this.#store.update((d) => {
        const a = d.articles.find((x) => x.id === id)
        if (a) change(a)
      })
    } catch (error) {
      throw notSavedError(error, this.#libraryDir)
    }
    this.#feed.publish({ kind: 'article-changed', articleId: id })
    return this.copy(id)
  }
}
