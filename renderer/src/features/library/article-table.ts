import type { ArticleSummary } from '../../../../common/article'
import { displayAddress } from '../../../../common/display-address'
import { button, el } from '../../ui/dom'
import { formatDay, formatMoment, formatInteger } from '../../ui/format'
import { routeHash } from '../../ui/routes'
import { strings } from '../../ui/strings'
import { authorNames, type SortKey, type SortState } from './sort-filter'
import { tagChips } from '../../ui/tag-chips'
import type { LibraryColumn } from '../../../../common/library-columns'
import { formatDateParts } from '../../ui/format'

/** What the rows' controls do; the table itself holds no state. */
export interface ArticleTableHandlers {
  sort: SortState
  /** The optional columns the user chose, in table order. */
  columns: readonly LibraryColumn[]
  onSort(key: SortKey): void
  onInfo(article: ArticleSummary): void
  onRename(article: ArticleSummary): void
  onTags(article: ArticleSummary): void
  onTrash(article: ArticleSummary): void
}

/** Header cell whose button sorts by its column and says how it sorts (aria-sort). */
function sortableHeader(label: string, key: SortKey, handlers: ArticleTableHandlers): HTMLTableCellElement {
  const active = handlers.sort.key === key
  const arrow = active ? (handlers.sort.order === 'ascending' ? '▲' : '▼') : ''
  return el(
    'th',
    { attrs: { scope: 'col', 'aria-sort': active ? handlers.sort.order : 'none', class: `col-${key}` } },
    [
      button(label, () => handlers.onSort(key), {
        class: 'sort-button',
        attrs: { 'data-focus-key': `sort:${key}`, title: strings.sortBy(label) },
      }),
      el('span', { class: 'sort-arrow', attrs: { 'aria-hidden': 'true' }, text: arrow }),
    ],
  )
}

/** The header of an optional column: each sorts like the built-in ones. */
const COLUMN_LABELS: Record<LibraryColumn, () => string> = {
  authors: () => strings.columnAuthors,
  container: () => strings.columnContainer,
  published: () => strings.columnPublished,
}

/** One optional column's cell: names and publications in their own direction, the date as far as it is known. */
function metaCell(article: ArticleSummary, column: LibraryColumn): HTMLTableCellElement {
  const meta = article.meta
  if (column === 'published')
    return el('td', { class: 'col-published' }, [
      meta?.published
        ? el('time', {
            attrs: { datetime: meta.published.map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-') },
            text: formatDateParts(meta.published),
          })
        : strings.noDate,
    ])
  if (column === 'authors') {
    const names = authorNames(article)
    // Each name isolated, so a Latin name after an Arabic one (or the reverse) keeps its place in the list.
    const parts = names.flatMap((name, i) => [
      ...(i > 0 ? [strings.listSeparator] : []),
      el('bdi', { text: name }),
    ])
    return el('td', { class: 'col-authors', attrs: { dir: 'auto' } }, [
      names.length > 0
        ? el('span', { class: 'meta-cell', attrs: { title: names.join(strings.listSeparator) } }, parts)
        : strings.noDate,
    ])
  }
  const text = meta?.container ?? ''
  return el('td', { class: 'col-container', attrs: { dir: 'auto' } }, [
    text ? el('span', { class: 'meta-cell', attrs: { title: text }, text }) : strings.noDate,
  ])
}

function row(article: ArticleSummary, handlers: ArticleTableHandlers): HTMLTableRowElement {
  const key = (action: string): string => `${article.id}:${action}`
  const link = el('a', {
    class: 'article-link',
    attrs: {
      href: routeHash({ name: 'reader', id: article.id }),
      lang: article.lang,
      'data-focus-key': key('open'),
    },
    text: article.title,
  })
  const tr = el('tr', { attrs: { 'data-article-id': article.id } }, [
    // dir=auto on the cell, so an Arabic title wraps and aligns right-to-left inside the LTR table.
    el('th', { class: 'col-title', attrs: { scope: 'row', dir: 'auto' } }, [link]),
    ...handlers.columns.map((column) => metaCell(article, column)),
    el('td', { class: 'col-date' }, [
      article.date
        ? el('time', { attrs: { datetime: article.date }, text: formatDay(article.date) })
        : strings.noDate,
    ]),
    el('td', { class: 'col-source' }, [
      el('bdi', { attrs: { title: article.source }, text: displayAddress(article.source) }),
    ]),
    el('td', { class: 'col-annotations', text: formatInteger(article.annotationCount) }),
    el('td', { class: 'col-added' }, [
      el('time', { attrs: { datetime: article.added }, text: formatMoment(article.added) }),
    ]),
    el('td', { class: 'col-tags' }, [tagChips(article.tags)]),
    el('td', { class: 'col-actions' }, [
      button(strings.rename, () => handlers.onRename(article), {
        attrs: {
          'aria-label': strings.renameLabel(article.title),
          'data-focus-key': key('rename'),
          'data-action': 'rename',
        },
      }),
      button(strings.editTags, () => handlers.onTags(article), {
        attrs: {
          'aria-label': strings.editTagsLabel(article.title),
          'data-focus-key': key('tags'),
          'data-action': 'tags',
        },
      }),
      button(strings.articleInfo, () => handlers.onInfo(article), {
        attrs: {
          'aria-label': strings.articleInfoLabel(article.title),
          'data-focus-key': key('info'),
          'data-action': 'info',
        },
      }),
      button(strings.trash, () => handlers.onTrash(article), {
        class: 'danger',
        attrs: {
          'aria-label': strings.trashLabel(article.title),
          'data-focus-key': key('trash'),
          'data-action': 'trash',
        },
      }),
    ]),
  ])
  // A click anywhere on the row opens the article, except on its own controls.
  tr.addEventListener('click', (event) => {
    const target = event.target as Element
    if (target.closest('a, button, input') || window.getSelection()?.isCollapsed === false) return
    link.click()
  })
  return tr
}

/**
 * The library as a table: one row per article with title (a link that opens
 * it), the optional columns the user chose (authors, publication, published:
 * common/library-columns.ts), date, source, annotation count, date added,
 * tags and its actions.
 * Sorting is by the header buttons; every control is a real link or button,
 * so Tab reaches all of them and Enter activates them.
 */
export function articleTable(articles: ArticleSummary[], handlers: ArticleTableHandlers): HTMLTableElement {
  const chosen = handlers.columns.length > 0 ? ' with-meta-columns' : ''
  return el('table', { class: `library-table${chosen}` }, [
    el('thead', {}, [
      el('tr', {}, [
        sortableHeader(strings.columnTitle, 'title', handlers),
        ...handlers.columns.map((column) => sortableHeader(COLUMN_LABELS[column](), column, handlers)),
        sortableHeader(strings.columnDate, 'date', handlers),
        el('th', { attrs: { scope: 'col' }, class: 'col-source', text: strings.columnSource }),
        el('th', { attrs: { scope: 'col' }, class: 'col-annotations', text: strings.columnAnnotations }),
        sortableHeader(strings.columnAdded, 'added', handlers),
        el('th', { attrs: { scope: 'col' }, class: 'col-tags', text: strings.columnTags }),
        el('th', { attrs: { scope: 'col' }, class: 'col-actions' }, [
          el('span', { class: 'visually-hidden', text: strings.columnActions }),
        ]),
      ]),
    ]),
    el(
      'tbody',
      {},
      articles.map((a) => row(a, handlers)),
    ),
  ])
}
