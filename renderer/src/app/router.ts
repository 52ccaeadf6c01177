/** The pages of the app, as kept in the URL's hash. */
export type Route = { name: 'library' } | { name: 'reader'; id: string }

/**
 * Reads a route from `location.hash`: `#/read/<id>` opens an article
 * (`#article=<id>` too, the form the benchmark links to), anything else is
 * the library. The hash keeps the open article across a
 * reload and gives Back/Forward for free; it is never a navigation, so the
 * Electron window's navigation lock does not see it.
 */
export function parseRoute(hash: string): Route {
  const m = /^#\/read\/([^/?#]+)$/.exec(hash) ?? /^#article=([^/?#&]+)$/.exec(hash)
  if (m) {
    try {
      return { name: 'reader', id: decodeURIComponent(m[1]!) }
    } catch {
      return { name: 'library' }
    }
  }
  return { name: 'library' }
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  return route.name === 'reader' ? `#/read/${encodeURIComponent(route.id)}` : '#/'
}

/** Calls `listener` with the current route now and on every change; returns the unsubscribe function. */
export function followRoute(listener: (route: Route) => void): () => void {
  const handler = (): void => listener(parseRoute(location.hash))
  window.addEventListener('hashchange', handler)
  handler()
  return () => window.removeEventListener('hashchange', handler)
}

/** Goes to a route (a no-op if already there). */
export function navigate(route: Route): void {
  const hash = routeHash(route)
  if (location.hash !== hash) location.hash = hash
}
