import type { ArticleSummary } from '../../../../common/article'
import { displayAddress } from '../../../../common/display-address'
import { el } from '../../ui/dom'
import { formatDay, formatMoment } from '../../ui/format'
import { strings, UI_DIR, UI_LANG } from '../../ui/strings'
import { tagChips } from '../../ui/tag-chips'

/**
 * The source line's address as a link, for a page saved from the web: its
 * href is the address itself (http or https only, so never `javascript:`),
 * and a click never navigates the window but goes to `openLink`, as links
 * in the text do (the system browser in Electron, nothing in the preview).
 */
function sourceLink(address: string, openLink: (href: string) => void): HTMLElement {
  const link = el('a', {
    class: 'reader-source reader-source-link',
    attrs: { href: address, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' },
    // The link goes to the address as stored; its text is the address as people read it.
    text: displayAddress(address),
  })
  link.addEventListener('click', (event) => {
    event.preventDefault()
    if (event.button === 0) openLink(address)
  })
  link.addEventListener('auxclick', (event) => event.preventDefault())
  return el('bdi', {}, [link])
}

/**
 * The article's title and metadata above its text, in the article's own
 * language and direction: the date formatted for that language (an Arabic
 * article shows "٢٤ ديسمبر ٢٠٢٥"), the source isolated with <bdi> so a Latin
 * file name does not scramble the line around it. A page saved from its
 * address shows the address as a link and, in the interface's language, the
 * day it was fetched (the page may have changed since).
 */
export function articleHeader(
  summary: ArticleSummary,
  titleId: string,
  openLink: (href: string) => void = () => undefined,
): HTMLElement {
  const date = summary.date
    ? el('time', {
        class: 'reader-date',
        attrs: { datetime: summary.date },
        text: formatDay(summary.date, summary.lang, 'long'),
      })
    : null
  const fromWeb = summary.fetched !== undefined && /^https?:\/\//i.test(summary.source)
  const source = !summary.source
    ? null
    : fromWeb
      ? sourceLink(summary.source, openLink)
      : el('bdi', { class: 'reader-source', text: summary.source })
  const fetched =
    fromWeb && summary.fetched
      ? el('span', { class: 'reader-fetched', attrs: { lang: UI_LANG, dir: UI_DIR } }, [
          el('time', {
            attrs: { datetime: summary.fetched },
            text: strings.readerSavedFrom(formatMoment(summary.fetched)),
          }),
        ])
      : null
  const separator = (): HTMLElement =>
    el('span', { class: 'meta-sep', attrs: { 'aria-hidden': 'true' }, text: ' · ' })
  const parts = [date, source, fetched].filter((p): p is HTMLElement => p !== null)
  return el('header', { class: 'reader-header' }, [
    el('h1', {
      class: 'reader-title',
      attrs: { id: titleId, dir: 'auto', tabindex: -1 },
      text: summary.title,
    }),
    parts.length > 0
      ? el(
          'p',
          { class: 'reader-meta' },
          parts.flatMap((part, i) => (i === 0 ? [part] : [separator(), part])),
        )
      : null,
    summary.tags.length > 0 ? tagChips(summary.tags) : null,
  ])
}
