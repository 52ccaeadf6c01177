import { parseRoute, routeHash, type Route } from '../ui/routes'

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

/** Changes the URL to a route without a new history entry or a hashchange (typing in the search box). */
export function replaceRoute(route: Route): void {
  history.replaceState(null, '', routeHash(route))
}
