/** Where to open an article at: a library-search match (shown with the find bar) or an annotation. */
export type ReaderTarget =
  | { kind: 'match'; query: string; start: number; folded: boolean; wholeWord: boolean }
  | { kind: 'annotation'; id: string }

/** The pages of the app, as kept in the URL's hash. */
export type Route =
  | { name: 'library' }
  | { name: 'search'; query: string }
  | { name: 'reader'; id: string; target?: ReaderTarget }

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

function readerTarget(query: string | undefined): ReaderTarget | undefined {
  if (!query) return undefined
  const p = new URLSearchParams(query)
  const annotation = p.get('annotation')
  if (annotation) return { kind: 'annotation', id: annotation }
  const q = p.get('q')
  const at = Number(p.get('at'))
  if (!q || !Number.isInteger(at) || at < 0) return undefined
  return {
    kind: 'match',
    query: q,
    start: at,
    folded: p.get('folded') !== '0',
    wholeWord: p.get('word') === '1',
  }
}

/**
 * Reads a route from `location.hash`: `#/read/<id>` opens an article
 * (`#article=<id>` too, the form the benchmark links to), optionally at a
 * search match (`?q=…&at=…`) or an annotation (`?annotation=…`);
 * `#/search/<query>` is library search; anything else is the library. The
 * hash keeps the open page across a reload and gives Back/Forward for free;
 * it is never a navigation, so the Electron window's navigation lock does not
 * see it.
 */
export function parseRoute(hash: string): Route {
  const read = /^#\/read\/([^/?#]+)(?:\?([^#]*))?$/.exec(hash) ?? /^#article=([^/?#&]+)$/.exec(hash)
  if (read) {
    const id = decode(read[1]!)
    if (id === null) return { name: 'library' }
    const target = readerTarget(read[2])
    return target ? { name: 'reader', id, target } : { name: 'reader', id }
  }
  const search = /^#\/search(?:\/([^?#]*))?$/.exec(hash)
  if (search) return { name: 'search', query: decode(search[1] ?? '') ?? '' }
  return { name: 'library' }
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  if (route.name === 'library') return '#/'
  if (route.name === 'search') return route.query ? `#/search/${encodeURIComponent(route.query)}` : '#/search'
  const base = `#/read/${encodeURIComponent(route.id)}`
  const t = route.target
  if (!t) return base
  const p =
    t.kind === 'annotation'
      ? new URLSearchParams({ annotation: t.id })
      : new URLSearchParams({
          q: t.query,
          at: String(t.start),
          folded: t.folded ? '1' : '0',
          word: t.wholeWord ? '1' : '0',
        })
  return `${base}?${p.toString()}`
}
