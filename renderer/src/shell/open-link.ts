import { linkToOpen, type HamishLink, type LinkToOpen } from '../../../common/hamish-link'
import type { Route } from '../ui/routes'

/** The reader's route for a `hamish://` link: the article, at the annotation when the link names one. */
export function linkRoute(link: HamishLink): Route {
  return link.annotationId === undefined
    ? { name: 'reader', id: link.articleId }
    : { name: 'reader', id: link.articleId, target: { kind: 'annotation', id: link.annotationId } }
}

/**
 * The preview's way in for a `hamish://` link: `?open=hamish://read/…` on
 * the page's address (percent-encoded or not), parsed by the same strict
 * reader as Electron's. Taken once and removed from the address, so a
 * reload shows wherever the reader went rather than the link again. Null
 * when the address has none.
 */
export function takeOpenParam(): LinkToOpen | null {
  const params = new URLSearchParams(location.search)
  const open = params.get('open')
  if (open === null) return null
  params.delete('open')
  const query = params.toString()
  history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash)
  return linkToOpen(open)
}
