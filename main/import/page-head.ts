import type { PageHead } from '../../common/meta/page-meta'
import { elementsNamed } from './parse-markup'

/** `<meta>` tags read at most: a real head has dozens, a hostile one may have a million. */
const MAX_META_TAGS = 2000
/** JSON-LD scripts read at most. */
const MAX_JSON_LD_SCRIPTS = 20

/**
 * What a parsed page's markup says about its article, for `pageMeta`
 * (common/meta/page-meta.ts): its meta tags, JSON-LD scripts and canonical
 * link (resolved against `base`, the address the page was saved from, and
 * kept only when http(s)); bounded so a hostile page costs little.
 */
export function readPageHead(doc: Document, address: string | null): PageHead {
  const tags = elementsNamed(doc, 'meta')
    .slice(0, MAX_META_TAGS)
    .map((meta) => ({
      key: (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase(),
      content: meta.getAttribute('content') ?? '',
    }))
    .filter((t) => t.key !== '' && t.content !== '')
  const jsonLd = elementsNamed(doc, 'script')
    .filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
    .slice(0, MAX_JSON_LD_SCRIPTS)
    .map((s) => s.textContent ?? '')
  const link = elementsNamed(doc, 'link').find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  )
  let canonical: string | null = null
  try {
    const href = link?.getAttribute('href')?.trim()
    if (href) canonical = new URL(href, address ?? undefined).href
  } catch {
    canonical = null
  }
  return { tags, jsonLd, canonical, address }
}
