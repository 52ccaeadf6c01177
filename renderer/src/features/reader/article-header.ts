import type { ArticleSummary } from '../../../../common/article'
import { el } from '../../ui/dom'
import { formatDay } from '../../ui/format'
import { tagChips } from '../../ui/tag-chips'

/**
 * The article's title and metadata above its text, in the article's own
 * language and direction: the date formatted for that language (an Arabic
 * article shows "٢٤ ديسمبر ٢٠٢٥"), the source isolated with <bdi> so a Latin
 * file name does not scramble the line around it.
 */
export function articleHeader(summary: ArticleSummary, titleId: string): HTMLElement {
  const date = summary.date
    ? el('time', {
        class: 'reader-date',
        attrs: { datetime: summary.date },
        text: formatDay(summary.date, summary.lang, 'long'),
      })
    : null
  const source = summary.source ? el('bdi', { class: 'reader-source', text: summary.source }) : null
  return el('header', { class: 'reader-header' }, [
    el('h1', {
      class: 'reader-title',
      attrs: { id: titleId, dir: 'auto', tabindex: -1 },
      text: summary.title,
    }),
    date || source
      ? el('p', { class: 'reader-meta' }, [
          date,
          date && source
            ? el('span', { class: 'meta-sep', attrs: { 'aria-hidden': 'true' }, text: ' · ' })
            : null,
          source,
        ])
      : null,
    summary.tags.length > 0 ? tagChips(summary.tags) : null,
  ])
}
