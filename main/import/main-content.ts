import { Readability } from '@mozilla/readability'
import { elementName } from './html-reducer'

/** Pages larger than this are reduced whole: Readability's scoring gets slow on very large trees. */
const MAX_ELEMENTS_FOR_READABILITY = 30_000

const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search'])

/** Length of an element's text without script and style text: what a reader of the page would see. */
export function visibleTextLength(root: Element): number {
  let total = (root.textContent ?? '').replace(/\s+/g, ' ').length
  for (const el of Array.from(root.querySelectorAll('script, style, noscript, template'))) {
    total -= (el.textContent ?? '').replace(/\s+/g, ' ').length
  }
  return Math.max(0, total)
}

/**
 * Whether a page carries more than its article: navigation, sidebars,
 * footers, a header full of links, or a body that is mostly link text.
 * A plain page (a saved article, the UDHR, whose `<header>` holds the
 * preamble) is reduced whole instead, which keeps every word of it.
 */
export function hasBoilerplate(body: Element): boolean {
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const name = elementName(el)
    if (name === 'nav' || name === 'aside' || name === 'footer') return true
    if (BOILERPLATE_ROLES.has((el.getAttribute('role') ?? '').toLowerCase())) return true
    if (name === 'header' && el.querySelectorAll('a[href]').length >= 3) return true
  }
  const links = body.querySelectorAll('a[href]')
  if (links.length < 10) return false
  const linkText = Array.from(links).reduce(
    (n, a) => n + (a.textContent ?? '').replace(/\s+/g, ' ').length,
    0,
  )
  return linkText / Math.max(1, visibleTextLength(body)) > 0.3
}

export interface MainContent {
  root: Element
  title: string | null
  lang: string | null
  dir: string | null
  publishedTime: string | null
}

/**
 * The article inside a page with boilerplate, found by Mozilla's
 * Readability (Firefox's reader view) on a copy of the page. Null when it
 * finds nothing, fails, or finds only a fragment (less than a quarter of the
 * page's text and under 500 characters): the caller then reduces the whole
 * body, since losing the article is worse than keeping a menu.
 */
export function extractMainContent(copy: Document, bodyTextLength: number): MainContent | null {
  if (copy.querySelectorAll('*').length > MAX_ELEMENTS_FOR_READABILITY) return null
  try {
    const result = new Readability<Node>(copy, { serializer: (node) => node, keepClasses: false }).parse()
    const root = result?.content as Element | null | undefined
    if (!result || !root) return null
    const found = visibleTextLength(root)
    if (found < Math.min(500, bodyTextLength / 4)) return null
    return {
      root,
      title: result.title ?? null,
      lang: result.lang ?? null,
      dir: result.dir ?? null,
      publishedTime: result.publishedTime ?? null,
    }
  } catch {
    return null
  }
}
