import type { ArticleSummary } from '../../../../common/article'
import { button, el } from '../../ui/dom'
import { strings } from '../../ui/strings'
import type { ArticleActions } from './article-actions'
import { articleTable } from './article-table'
import { columnChooser, type ColumnChoice } from './column-chooser'
import type { LibraryStore } from './library-store'
import { openRenameDialog } from './rename-dialog'
import { DEFAULT_SORT, filterArticles, sortArticles, type SortKey, type SortState } from './sort-filter'
import { openTagsDialog } from './tags-dialog'
import { trashList } from './trash-list'

/** View state that outlives one visit to the library (sort, filter, Trash open). */
const memory: { sort: SortState; query: string; trashOpen: boolean } = {
  sort: DEFAULT_SORT,
  query: '',
  trashOpen: false,
}

/**
 * The library page: a filter box, the article table and the Trash. It
 * re-renders from the store on every change and puts keyboard focus back on
 * the same control (or on a sensible neighbour when a row went away), so
 * working through the list with the keyboard never loses one's place.
 */
export class LibraryView {
  readonly element: HTMLElement
  private readonly list = el('div', { class: 'library-list' })
  private readonly trash = el('div', { class: 'library-trash' })
  private readonly count = el('p', { class: 'library-count muted', attrs: { 'aria-live': 'polite' } })
  private readonly filter: HTMLInputElement
  private readonly heading = el('h1', {
    attrs: { id: 'library-heading', tabindex: -1 },
    text: strings.libraryHeading,
  })
  private readonly citations = button(
    strings.citationsButton,
    () => this.onExportCitations([...this.shown]),
    {
      attrs: { 'data-focus-key': 'citations' },
    },
  )
  private readonly unsubscribe: () => void
  private readonly chooser: ReturnType<typeof columnChooser>
  private readonly unsubscribeColumns: () => void
  private shown: ArticleSummary[] = []

  constructor(
    private readonly store: LibraryStore,
    private readonly actions: ArticleActions,
    private readonly onImport: () => void,
    /** "Export citations…" for the articles listed now (no multi-select: the filter chooses). */
    private readonly onExportCitations: (articles: readonly ArticleSummary[]) => void,
    /** "Info…": the article info panel (authors, publication, date…), wired by the shell. */
    private readonly onInfo: (article: ArticleSummary) => void,
    /** Which optional columns (authors, publication, published) the table shows: the settings'. */
    private readonly columns: ColumnChoice,
  ) {
    this.filter = el('input', {
      class: 'text-input filter-input',
      attrs: {
        type: 'search',
        id: 'library-filter',
        placeholder: strings.filterPlaceholder,
        value: memory.query,
        'aria-label': strings.filterLabel,
        'data-focus-key': 'filter',
        dir: 'auto',
      },
    })
    this.filter.addEventListener('input', () => {
      memory.query = this.filter.value
      this.render()
    })
    this.chooser = columnChooser(columns)
    this.element = el('section', { class: 'library', attrs: { 'aria-labelledby': 'library-heading' } }, [
      el('div', { class: 'library-toolbar' }, [
        el('div', { class: 'library-title' }, [this.heading, this.count]),
        this.filter,
        el('div', { class: 'library-tools' }, [this.chooser.element, this.citations]),
      ]),
      this.list,
      this.trash,
    ])
    this.unsubscribe = store.subscribe(() => this.render())
    this.unsubscribeColumns = columns.subscribe(() => this.render())
    this.render()
  }

  /** Puts focus on an article's row (coming back from the reader) or on the heading. */
  focus(articleId?: string): void {
    const target = articleId ? this.find(`${articleId}:open`) : null
    ;(target ?? this.filter).focus()
  }

  destroy(): void {
    this.unsubscribe()
    this.unsubscribeColumns()
    this.chooser.destroy()
  }

  private find(key: string): HTMLElement | null {
    return this.element.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)
  }

  private render(nextFocus?: string): void {
    const active = document.activeElement
    const focusKey =
      nextFocus ??
      (active instanceof HTMLElement && this.element.contains(active) ? active.dataset.focusKey : undefined)
    const all = this.store.articles
    // A sort by a column the user has since hidden would order the list by something it does not show.
    const columns = this.columns.current() as readonly string[]
    if (['authors', 'container', 'published'].includes(memory.sort.key) && !columns.includes(memory.sort.key))
      memory.sort = DEFAULT_SORT
    this.shown = sortArticles(filterArticles(all, memory.query), memory.sort)
    this.citations.hidden = this.shown.length === 0
    this.count.textContent = this.store.ready ? strings.articleCount(this.shown.length, all.length) : ''
    this.element.classList.toggle('wide', columns.length > 0)
    this.list.replaceChildren(this.listContent(all.length))
    this.trash.replaceChildren(
      trashList(this.store.trashed, memory.trashOpen, {
        onToggle: (open) => (memory.trashOpen = open),
        onRestore: (article) => void this.restore(article),
        onDelete: (article) => void this.deleteForever(article),
        onEmpty: () => void this.emptyTrash(),
      }),
    )
    if (focusKey && focusKey !== 'filter') (this.find(focusKey) ?? (nextFocus ? this.filter : null))?.focus()
  }

  private listContent(total: number): HTMLElement {
    if (!this.store.ready) return el('p', { class: 'muted' })
    if (total === 0) {
      return el('div', { class: 'empty-state' }, [
        el('p', { class: 'empty-title', text: strings.libraryEmpty }),
        el('p', { class: 'muted', text: strings.libraryEmptyHint }),
        button(strings.navImport, this.onImport, { class: 'primary' }),
      ])
    }
    if (this.shown.length === 0)
      return el('p', { class: 'empty-filter muted', text: strings.noMatch(memory.query.trim()) })
    const table = articleTable(this.shown, {
      sort: memory.sort,
      columns: this.columns.current(),
      onSort: (key) => this.sortBy(key),
      onInfo: (a) => this.onInfo(a),
      onRename: (a) => openRenameDialog(a, (title) => this.actions.rename(a, title)),
      onTags: (a) => openTagsDialog(a, (tags, base) => this.actions.setTags(a, tags, base)),
      onTrash: (a) => void this.trashArticle(a),
    })
    // A narrow window scrolls the table, never the page.
    return el('div', { class: 'table-scroll' }, [table])
  }

  private sortBy(key: SortKey): void {
    const same = memory.sort.key === key
    memory.sort = {
      key,
      order: same
        ? memory.sort.order === 'ascending'
          ? 'descending'
          : 'ascending'
        : key === 'title' || key === 'authors' || key === 'container'
          ? 'ascending'
          : 'descending',
    }
    this.render(`sort:${key}`)
  }

  private async trashArticle(article: ArticleSummary): Promise<void> {
    const i = this.shown.findIndex((a) => a.id === article.id)
    const neighbour = this.shown[i + 1] ?? this.shown[i - 1]
    if (!(await this.actions.trash(article))) return
    this.render(neighbour ? `${neighbour.id}:trash` : undefined)
    // With no row left, focus goes to the heading, not the filter box, so Ctrl/Cmd+Z still means Undo.
    if (!neighbour) this.heading.focus()
  }

  /** After a deletion focus moves to the next article in the Trash, else to the Trash's summary. */
  private async deleteForever(article: ArticleSummary): Promise<void> {
    const i = this.store.trashed.findIndex((a) => a.id === article.id)
    const neighbour = this.store.trashed[i + 1] ?? this.store.trashed[i - 1]
    if (await this.actions.deleteForever(article))
      this.render(neighbour ? `${neighbour.id}:delete-forever` : 'trash-summary')
  }

  private async emptyTrash(): Promise<void> {
    await this.actions.emptyTrash([...this.store.trashed])
    this.render(this.store.trashed.length > 0 ? 'empty-trash' : 'trash-summary')
  }

  private async restore(article: ArticleSummary): Promise<void> {
    const next = this.store.trashed.find((a) => a.id !== article.id)
    if (await this.actions.restore(article)) this.render(next ? `${next.id}:restore` : `${article.id}:open`)
  }
}
