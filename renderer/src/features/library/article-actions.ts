import type { HamishApi } from '../../../../common/contract/methods'
import type { ArticleSummary } from '../../../../common/article'
import { confirmDialog } from '../../ui/confirm-dialog'
import { errorMessage } from '../../ui/error-message'
import type { Toasts } from '../../ui/toasts'
import { strings } from '../../ui/strings'
import type { LibraryStore } from './library-store'

/**
 * What the user can do to an article from the library, each as one call to
 * main followed by a refresh of the list. Failures become sentences (in the
 * dialog that asked, or a toast); nothing here throws.
 */
export class ArticleActions {
  constructor(
    private readonly api: Pick<
      HamishApi,
      'renameArticle' | 'setArticleTags' | 'trashArticle' | 'restoreArticle' | 'deleteArticleForever'
    >,
    private readonly store: LibraryStore,
    private readonly toasts: Toasts,
  ) {}

  /** Renames; returns null on success or the message to show in the dialog. */
  async rename(article: ArticleSummary, title: string): Promise<string | null> {
    try {
      await this.api.renameArticle(article.id, title)
      await this.refresh()
      return null
    } catch (err) {
      return errorMessage(err)
    }
  }

  /**
   * Saves the tags edited from `base` (main merges the edit into the tags as
   * they are now); returns the new summary or the message to show.
   */
  async setTags(
    article: ArticleSummary,
    tags: string[],
    base: string[],
  ): Promise<{ ok: true; article: ArticleSummary } | { ok: false; message: string }> {
    try {
      const updated = await this.api.setArticleTags(article.id, tags, base)
      await this.refresh()
      return { ok: true, article: updated }
    } catch (err) {
      return { ok: false, message: errorMessage(err) }
    }
  }

  /** Moves to the trash, with an Undo toast. */
  async trash(article: ArticleSummary): Promise<boolean> {
    try {
      await this.api.trashArticle(article.id)
    } catch (err) {
      this.fail(strings.trashAction, err)
      return false
    }
    await this.refresh()
    this.toasts.show({
      message: strings.movedToTrash(article.title),
      action: { label: strings.undo, run: () => void this.restore(article) },
    })
    return true
  }

  /** Takes out of the trash. */
  async restore(article: ArticleSummary): Promise<boolean> {
    try {
      await this.api.restoreArticle(article.id)
    } catch (err) {
      this.fail(strings.restoreAction, err)
      return false
    }
    await this.refresh()
    this.toasts.show({ message: strings.restored(article.title) })
    return true
  }

  /** Deletes a trashed article for good, once the user has confirmed; there is no Undo. */
  async deleteForever(article: ArticleSummary): Promise<boolean> {
    const sure = await confirmDialog({
      title: strings.deleteForeverTitle,
      message: strings.deleteForeverMessage(article.title),
      confirm: strings.deleteForever,
    })
    if (!sure) return false
    try {
      await this.api.deleteArticleForever(article.id)
    } catch (err) {
      this.fail(strings.deleteAction, err)
      return false
    }
    await this.refresh()
    this.toasts.show({ message: strings.deletedForever(article.title) })
    return true
  }

  /** Deletes every article in the Trash for good, once confirmed; stops at the first failure and says so. */
  async emptyTrash(trashed: readonly ArticleSummary[]): Promise<boolean> {
    if (trashed.length === 0) return false
    const sure = await confirmDialog({
      title: strings.emptyTrashTitle,
      message: strings.emptyTrashMessage(trashed.length),
      confirm: strings.emptyTrash,
    })
    if (!sure) return false
    let deleted = 0
    try {
      for (const article of trashed) {
        await this.api.deleteArticleForever(article.id)
        deleted++
      }
    } catch (err) {
      this.fail(strings.deleteAction, err)
    }
    await this.refresh()
    if (deleted > 0) this.toasts.show({ message: strings.trashEmptied(deleted) })
    return deleted === trashed.length
  }

  private async refresh(): Promise<void> {
    try {
      await this.store.refresh()
    } catch (err) {
      this.toasts.show({ message: strings.loadLibraryFailed + errorMessage(err), kind: 'error' })
    }
  }

  private fail(what: string, err: unknown): void {
    this.toasts.show({ message: strings.actionFailed(what, errorMessage(err)), kind: 'error' })
  }
}
