import type { ArticleMeta } from '../article-meta'

/** `meta` without its absent fields (undefined, empty author lists), so stored JSON has only what is known. */
export function compactMeta(meta: ArticleMeta): ArticleMeta {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(meta))
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value
  return out as ArticleMeta
}

/**
 * Several sources' metadata, the first that knows a field winning it (each
 * field on its own: a page's citation_* authors with its OpenGraph site name).
 */
export function firstKnown(...sources: readonly ArticleMeta[]): ArticleMeta {
  const out: Record<string, unknown> = {}
  for (const source of sources)
    for (const [key, value] of Object.entries(compactMeta(source))) if (!(key in out)) out[key] = value
  return out as ArticleMeta
}
