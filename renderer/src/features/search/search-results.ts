import type { SearchMatch, SearchResult } from '../../../../common/contract/search'
import type { ArticleSummary } from '../../../../common/article'
import { guessLanguage, type Direction } from '../../../../common/language'
import { button, el } from '../../ui/dom'
import { routeHash, type Route } from '../../ui/routes'
import { strings } from '../../ui/strings'

/** Matches listed per article before "Show N more". */
export const MATCHES_SHOWN = 5

/** How the results were asked for: the query and options a text match reopens the find bar with. */
export interface SearchQuery {
  query: string
  folded: boolean
  wholeWord: boolean
  /** The most matches the search returns per article; an article with that many may have more. */
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
            match.snippet.before ? `…${match.snippet.before}` : '',
            el('mark', { class: 'search-hit', text: match.snippet.match }),
            match.snippet.after ? `${match.snippet.after}…` : '',
          ],
        ),
        el('span', { class: 'visually-hidden', text: ` ${strings.searchMatchIn(result.title)}` }),
      ],
    ),
  ])
}

/**
 * One article's results: its title (opening the article), the count, and
 * its matches, each a link to its place; more than MATCHES_SHOWN fold
 * behind "Show N more".
 */
function articleResult(result: SearchResult, q: SearchQuery, article?: ArticleSummary): HTMLElement {
  const list = el('ul', { class: 'search-matches' })
  const show = (upTo: number): void => {
    list.replaceChildren(...result.matches.slice(0, upTo).map((m) => matchItem(result, m, q, article)))
    const rest = result.matches.length - upTo
    if (rest > 0) {
      const more = button(strings.searchMore(rest), () => {
        show(result.matches.length)
        list.querySelectorAll<HTMLElement>('.search-match')[upTo]?.focus()
      })
      list.append(el('li', { class: 'search-more' }, [more]))
    }
  }
  show(MATCHES_SHOWN)
  const capped = result.matches.length >= q.limitPerArticle
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
      el('span', {
        class: 'muted search-result-count',
        text: strings.searchMatchCount(result.matches.length, capped),
      }),
    ]),
    list,
  ])
}

/** The results of a search, grouped by article, as links that keyboard and mouse follow alike. */
export function searchResults(
  results: readonly SearchResult[],
  q: SearchQuery,
  articles: ReadonlyMap<string, ArticleSummary>,
): HTMLElement {
  return el(
    'ol',
    { class: 'search-results', attrs: { 'aria-label': strings.searchResultsLabel } },
    results.map((r) => articleResult(r, q, articles.get(r.articleId))),
  )
}
