import type { ArticleSummary } from '../../../../common/article'
import { button, el } from '../../ui/dom'
import { formatMoment } from '../../ui/format'
import { strings } from '../../ui/strings'

/** What the Trash's controls do; each is the caller's. */
export interface TrashActions {
  onToggle(open: boolean): void
  onRestore(article: ArticleSummary): void
  onDelete(article: ArticleSummary): void
  onEmpty(): void
}

/**
 * The Trash: a disclosure (native <details>, so it opens with Enter or
 * Space) listing deleted articles, each with Restore and Delete Forever, and
 * an Empty Trash button. Whether it is open is kept by the caller across
 * re-renders.
 */
export function trashList(
  trashed: ArticleSummary[],
  open: boolean,
  actions: TrashActions,
): HTMLDetailsElement {
  const details = el('details', { class: 'trash', attrs: { open } }, [
    el('summary', {
      attrs: { 'data-focus-key': 'trash-summary' },
      text: strings.trashHeading(trashed.length),
    }),
    trashed.length === 0
      ? el('p', { class: 'muted', text: strings.trashEmpty })
      : el('div', { class: 'trash-toolbar' }, [
          button(strings.emptyTrash, () => actions.onEmpty(), {
            class: 'danger',
            attrs: { 'data-focus-key': 'empty-trash' },
          }),
        ]),
    trashed.length === 0
      ? ''
      : el('table', { class: 'trash-table' }, [
          el('thead', {}, [
            el('tr', {}, [
              el('th', { attrs: { scope: 'col' }, text: strings.columnTitle }),
              el('th', { attrs: { scope: 'col' }, text: strings.trashedOn }),
              el('th', { attrs: { scope: 'col' } }, [
                el('span', { class: 'visually-hidden', text: strings.columnActions }),
              ]),
            ]),
          ]),
          el(
            'tbody',
            {},
            trashed.map((a) =>
              el('tr', { attrs: { 'data-article-id': a.id } }, [
                el('th', { attrs: { scope: 'row', dir: 'auto', lang: a.lang }, text: a.title }),
                el('td', {}, [
                  el('time', { attrs: { datetime: a.trashed ?? '' }, text: formatMoment(a.trashed) }),
                ]),
                el('td', { class: 'col-actions' }, [
                  button(strings.restore, () => actions.onRestore(a), {
                    attrs: {
                      'aria-label': strings.restoreLabel(a.title),
                      'data-focus-key': `${a.id}:restore`,
                    },
                  }),
                  button(strings.deleteForever, () => actions.onDelete(a), {
                    class: 'danger',
                    attrs: {
                      'aria-label': strings.deleteForeverLabel(a.title),
                      'data-focus-key': `${a.id}:delete-forever`,
                    },
                  }),
                ]),
              ]),
            ),
          ),
        ]),
  ])
  details.addEventListener('toggle', () => actions.onToggle(details.open))
  return details
}
