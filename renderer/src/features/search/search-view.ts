import {
  DEFAULT_MATCHES_PER_ARTICLE,
  MAX_SEARCH_QUERY_LENGTH,
  SEARCH_PAGE_ARTICLES,
  SEARCH_PAGE_MATCHES,
} from '../../../../common/contract/limits'
import type { HamishApi } from '../../../../common/contract/methods'
import type { SearchResult } from '../../../../common/contract/search'
import { debounce } from '../../ui/debounce'
import { el } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import type { ArticleSummary } from '../../../../common/article'
import { strings } from '../../ui/strings'
import { searchResults, type SearchQuery } from './search-results'

/** Quiet time after the last key before searching: a search is quick, but not per keystroke. */
const TYPING_DELAY_MS = 200

/** Options that outlive one visit to the page. */
const memory = { folded: true, wholeWord: false }

/**
 * Library search: one field searching every article's text, titles, notes,
 * highlighted quotes and tags through the persisted index, with the find
 * bar's folding ("ignore diacritics and letter variants", on by default) and
 * whole-word options. Results are grouped by article, a snippet around each
 * match; following one opens the article there. Arrow keys move between the
 * field and the results. The query is kept in the URL so Back returns to it.
 */
export class SearchView {
  readonly element: HTMLElement
  private readonly input: HTMLInputElement
  private readonly folded = el('input', { attrs: { type: 'checkbox', checked: memory.folded } })
  private readonly wholeWord = el('input', { attrs: { type: 'checkbox', checked: memory.wholeWord } })
  private readonly status = el('p', { class: 'search-status muted', attrs: { role: 'status' } })
  private readonly results = el('div', { class: 'search-results-region' })
  private readonly run = debounce(() => void this.search(), TYPING_DELAY_MS)
  /** Answers to older queries that arrive late are dropped. */
  private sequence = 0
  private destroyed = false

  constructor(
    private readonly api: Pick<HamishApi, 'searchLibrary'>,
    /** The library list, for the titles of matching articles (the library feature's store, given by the shell). */
    private readonly store: { readonly articles: readonly ArticleSummary[] },
    query: string,
    private readonly onQuery: (query: string) => void,
  ) {
    this.input = el('input', {
      class: 'text-input search-input',
      attrs: {
        type: 'search',
        id: 'library-search',
        value: query,
        placeholder: strings.searchPlaceholder,
        'aria-label': strings.searchLabel,
        'aria-describedby': 'library-search-status',
        dir: 'auto',
        autocomplete: 'off',
        maxlength: MAX_SEARCH_QUERY_LENGTH,
        spellcheck: 'false',
      },
    })
    this.status.id = 'library-search-status'
    this.input.addEventListener('input', () => {
      this.onQuery(this.input.value)
      this.run()
    })
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        this.run.flush()
      }
    })
    for (const box of [this.folded, this.wholeWord])
      box.addEventListener('change', () => {
        memory.folded = this.folded.checked
        memory.wholeWord = this.wholeWord.checked
        void this.search()
      })
    this.element = el('section', { class: 'search-page', attrs: { 'aria-labelledby': 'search-heading' } }, [
      el('h1', { attrs: { id: 'search-heading', tabindex: -1 }, text: strings.searchLabel }),
      el('div', { class: 'search-form', attrs: { role: 'search' } }, [
        this.input,
        el('label', { class: 'find-option' }, [this.folded, strings.findFolded]),
        el('label', { class: 'find-option' }, [this.wholeWord, strings.findWholeWord]),
      ]),
      this.status,
      this.results,
    ])
    this.element.addEventListener('keydown', (event) => this.onArrow(event))
    if (query.trim()) void this.search()
  }

  /** A new query from the URL (Back, Forward): shown and searched. */
  setQuery(query: string): void {
    if (query === this.input.value) return
    this.input.value = query
    void this.search()
  }

  focus(): void {
    this.input.focus()
    this.input.select()
  }

  destroy(): void {
    this.destroyed = true
    this.run.cancel()
  }

  private async search(): Promise<void> {
    this.run.cancel()
    const q: SearchQuery = {
      query: this.input.value.trim(),
      folded: this.folded.checked,
      wholeWord: this.wholeWord.checked,
      limitPerArticle: DEFAULT_MATCHES_PER_ARTICLE,
    }
    const seq = ++this.sequence
    if (!q.query) {
      this.status.textContent = ''
      this.results.replaceChildren()
      return
    }
    this.element.setAttribute('aria-busy', 'true')
    this.status.textContent = strings.searchRunning
    let results: SearchResult[]
    try {
      // Every article's total, and matches for the first page of articles only.
      results = await this.api.searchLibrary(q.query, {
        folded: q.folded,
        wholeWord: q.wholeWord,
        limitPerArticle: SEARCH_PAGE_MATCHES,
        articleLimit: SEARCH_PAGE_ARTICLES,
      })
    } catch (err) {
      if (seq !== this.sequence || this.destroyed) return
      this.element.removeAttribute('aria-busy')
      this.status.textContent = strings.searchFailed + errorMessage(err)
      this.results.replaceChildren()
      return
    }
    if (seq !== this.sequence || this.destroyed) return
    this.element.removeAttribute('aria-busy')
    this.show(results, q)
  }

  private show(results: SearchResult[], q: SearchQuery): void {
    const matches = results.reduce((n, r) => n + r.total, 0)
    this.status.textContent =
      results.length === 0 ? strings.searchNone(q.query) : strings.searchSummary(matches, results.length)
    const articles = new Map(this.store.articles.map((a) => [a.id, a]))
    // An article's next matches, asked with the options its first ones were found with.
    const more = async (articleId: string, offset: number): Promise<SearchResult | null> => {
      const [next] = await this.api.searchLibrary(q.query, {
        folded: q.folded,
        wholeWord: q.wholeWord,
        limitPerArticle: q.limitPerArticle,
        offset,
        articleId,
      })
      return next ?? null
    }
    // The next page of articles, with the same first matches each.
    const nextArticles = (articleOffset: number): Promise<SearchResult[]> =>
      this.api.searchLibrary(q.query, {
        folded: q.folded,
        wholeWord: q.wholeWord,
        limitPerArticle: SEARCH_PAGE_MATCHES,
        articleOffset,
        articleLimit: SEARCH_PAGE_ARTICLES,
      })
    this.results.replaceChildren(
      results.length === 0
        ? ''
        : searchResults(results, q, articles, more, nextArticles, SEARCH_PAGE_ARTICLES),
    )
  }

  /** Up and Down move through the field and every result link, as in a list. */
  private onArrow(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const stops = [
      this.input,
      ...this.results.querySelectorAll<HTMLElement>(
        '.search-title-link, .search-match, .search-more button, .search-more-articles button',
      ),
    ]
    const at = stops.indexOf(document.activeElement as HTMLElement)
    if (at < 0) return
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)]
    if (!next) return
    event.preventDefault()
    next.focus()
  }
}
