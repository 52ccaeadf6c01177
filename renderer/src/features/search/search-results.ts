import { SEARCH_PAGE_MATCHES } from '../../../../common/contract/limits'
import type { SearchMatch, SearchResult } from '../../../../common/contract/search'
import type { ArticleSummary } from '../../../../common/article'
import { guessLanguage, type Direction } from '../../../../common/language'
import { button, el } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { routeHash, type Route } from '../../ui/routes'
import { strings } from '../../ui/strings'

/** Matches listed per article before "Show N more": what the first answer carries of each. */
export const MATCHES_SHOWN = SEARCH_PAGE_MATCHES

/** How the results were asked for: the query and options a text match reopens the find bar with. */
export interface SearchQuery {
  query: string
  folded: boolean
  wholeWord: boolean
  /** The most matches "Show N more" asks for per article at a time (its total says how many it has). */
  limitPerArticle: number
}

/** Where a match opens: a text match at its place (find bar on the query), an annotation at its highlight. */
export function matchRoute(articleId: string, match: SearchMatch, q: SearchQuery): Route {
  if (match.field === 'text')
    return {
      name: 'reader',
      id: articleId,
      target: { kind: 'match', query: q.query, start: match.start, folded: q.folded, wholeWord: q.wholeWord },
    }
  if (match.annotationId)
    return { name: 'reader', id: articleId, target: { kind: 'annotation', id: match.annotationId } }
  return { name: 'reader', id: articleId }
}

/**
 * A snippet's direction: that of most of its letters. A snippet starts in
 * mid-paragraph, often on a Latin name inside Arabic, and `dir="auto"` would
 * lay the whole Arabic line out left to right from that one word. Without
 * letters, the article's direction for its own text, else the browser's guess.
 */
export function snippetDirection(snippet: SearchMatch['snippet'], articleDir?: Direction): string {
  const whole = snippet.before + snippet.match + snippet.after
  if (/\p{L}/u.test(whole)) return guessLanguage(whole).dir
  return articleDir ?? 'auto'
}

function matchItem(result: SearchResult, match: SearchMatch, q: SearchQuery, article?: ArticleSummary) {
  const text = match.field === 'text' || match.field === 'quote' || match.field === 'title'
  return el('li', {}, [
    el(
      'a',
      {
        class: 'search-match',
        attrs: {
          href: routeHash(matchRoute(result.articleId, match, q)),
          'data-field': match.field,
        },
      },
      // The link is named by what it shows (WCAG 2.5.3: no aria-label that leaves out its words), and
      // the article's title, said after it, is heard only: a list of links is still clear out of context.
      [
        el('span', { class: 'search-field', text: strings.searchFields[match.field] }),
        el(
          'span',
          {
            class: 'search-snippet',
            // Text and quotes are in the article's language; notes and tags in whatever their author wrote.
            attrs: {
              dir: snippetDirection(match.snippet, text ? article?.dir : undefined),
              lang: text && article ? article.lang : null,
            },
          },
          [
            // Each side is cut at a word and carries its own ellipsis (common/search/snippet.ts).
            match.snippet.before,
            el('mark', { class: 'search-hit', text: match.snippet.match }),
            match.snippet.after,
          ],
        ),
        el('span', { class: 'visually-hidden', text: ` ${strings.searchMatchIn(result.title)}` }),
      ],
    ),
  ])
}

/** Asks for one article's next matches (from `offset`): the search page's "Show more" past what it has. */
export type MoreMatches = (articleId: string, offset: number) => Promise<SearchResult | null>

/**
 * One article's results: its title (opening the article), its count ("50 of
 * 159 matches" while the search returned fewer than the article has), and
 * its matches, each a link to its place. More than MATCHES_SHOWN fold
 * behind "Show N more"; once all it has are shown and the article has more,
 * the same button asks for the next ones (`nextMatches`), a page at a time.
 */
function articleResult(
  result: SearchResult,
  q: SearchQuery,
  nextMatches: MoreMatches,
  article?: ArticleSummary,
): HTMLElement {
  const matches = [...result.matches]
  let total = result.total
  const list = el('ul', { class: 'search-matches' })
  const count = el('span', { class: 'muted search-result-count' })
  const show = (upTo: number, problem = ''): void => {
    count.textContent = strings.searchMatchCount(matches.length, total)
    list.replaceChildren(...matches.slice(0, upTo).map((m) => matchItem(result, m, q, article)))
    const rest = matches.length - upTo
    const unfetched = total - matches.length
    if (rest <= 0 && unfetched <= 0) return
    const more = button(strings.searchMore(rest > 0 ? rest : Math.min(unfetched, q.limitPerArticle)), () => {
      if (rest > 0) return reveal(upTo)
      more.disabled = true
      void fetchMore(upTo)
    })
    list.append(el('li', { class: 'search-more' }, [more, problem ? el('span', { text: problem }) : '']))
  }
  const reveal = (from: number): void => {
    show(matches.length)
    list.querySelectorAll<HTMLElement>('.search-match')[from]?.focus()
  }
  const fetchMore = async (from: number): Promise<void> => {
    try {
      const next = await nextMatches(result.articleId, matches.length)
      total = next?.total ?? matches.length
      matches.push(...(next?.matches ?? []))
      reveal(from)
    } catch (err) {
      show(from, strings.searchFailed + errorMessage(err))
    }
  }
  show(MATCHES_SHOWN)
  return el('li', { class: 'search-result', attrs: { 'data-article-id': result.articleId } }, [
    el('h2', { class: 'search-result-title' }, [
      el('a', {
        class: 'search-title-link',
        attrs: {
          href: routeHash({ name: 'reader', id: result.articleId }),
          lang: article?.lang ?? null,
          dir: 'auto',
        },
        text: result.title,
      }),
      count,
    ]),
    list,
  ])
}

/** Asks for the next page of articles (from `offset`), with their first matches: "Show N more articles". */
export type MoreArticles = (offset: number) => Promise<SearchResult[]>

/**
 * The results of a search, grouped by article, as links that keyboard and
 * mouse follow alike. `results` holds every matching article with its total,
 * but only the first page has matches; "Show N more articles" asks for the
 * next page (`nextArticles`) and appends it.
 */
export function searchResults(
  results: readonly SearchResult[],
  q: SearchQuery,
  articles: ReadonlyMap<string, ArticleSummary>,
  more: MoreMatches,
  nextArticles: MoreArticles,
  pageSize: number,
): HTMLElement {
  const list = el('ol', { class: 'search-results', attrs: { 'aria-label': strings.searchResultsLabel } })
  const footer = el('div', { class: 'search-more-articles' })
  let shown = 0
  const append = (page: readonly SearchResult[]): void => {
    list.append(...page.map((r) => articleResult(r, q, more, articles.get(r.articleId))))
    shown += page.length
    const left = results.length - shown
    if (left <= 0) return footer.replaceChildren()
    const button_ = button(strings.searchMoreArticles(Math.min(left, pageSize)), () => {
      button_.disabled = true
      void nextPage()
    })
    footer.replaceChildren(button_)
  }
  const nextPage = async (): Promise<void> => {
    const from = shown
    try {
      const answer = await nextArticles(from)
      append(answer.slice(from, from + pageSize).filter((r) => r.matches.length > 0))
      list.querySelectorAll<HTMLElement>('.search-title-link')[from]?.focus()
    } catch (err) {
      footer.append(el('span', { text: strings.searchFailed + errorMessage(err) }))
    }
  }
  append(results.slice(0, pageSize))
  return el('div', {}, [list, footer])
}
