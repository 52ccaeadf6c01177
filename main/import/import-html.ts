import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { decodeText } from './decode-text'
import type { ArticleDraft } from './finish-article'
import { finishArticle } from './finish-article'
import { elementName, reduceHtml } from './html-reducer'
import { isoDate } from './iso-date'
import { extractMainContent, hasBoilerplate, visibleTextLength } from './main-content'
import { elementsNamed, firstElementNamed, parseHtml, parseXhtml } from './parse-markup'
import { dropTitleHeading, inlinePlain, sameTitle } from './title'
import { readPageHead } from './page-head'
import type { PageHead } from '../../common/meta/page-meta'
import { pageMeta } from '../../common/meta/page-meta'

export interface HtmlImportOptions {
  /** Parse as XML (XHTML files, EPUB chapters) instead of HTML. */
  xml?: boolean
  /** Look for the main content with Readability when the page has boilerplate (default true). */
  readability?: boolean
  /** The charset a server declared (the Content-Type header): before the page's own `<meta charset>`. */
  charset?: string | null
  /** The address a page was saved from (after redirects): its relative links are resolved against it. */
  base?: string | null
}

/** Meta tags that carry a publication date, by `name` or `property`. */
const DATE_METAS = new Set([
  'date',
  'dcterms.date',
  'dc.date',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'article:published_time',
  'og:article:published_time',
])

function isInside(el: Element, ancestor: string): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (elementName(p) === ancestor) return true
  return false
}

/** The page's `<title>` text (not an SVG's title), spaces collapsed. */
function documentTitle(doc: Document): string | null {
  const title = elementsNamed(doc, 'title').find((el) => !isInside(el, 'svg'))
  const text = title?.textContent?.replace(/\s+/g, ' ').trim()
  return text || null
}

function attribute(el: Element | null, ...names: string[]): string | null {
  if (!el) return null
  for (const name of names) {
    const value = el.getAttribute(name)?.trim()
    if (value) return value
  }
  return null
}

/** The publication date a page declares: date meta tags, then the first `<time datetime>`. */
function documentDate(doc: Document): string | null {
  for (const meta of elementsNamed(doc, 'meta')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase()
    if (!DATE_METAS.has(key)) continue
    const date = isoDate(meta.getAttribute('content'))
    if (date) return date
  }
  for (const time of elementsNamed(doc, 'time')) {
    const date = isoDate(time.getAttribute('datetime'))
    if (date) return date
  }
  return null
}

/** Whether `heading` is `title`, or one part of a "Article – Site" style title. */
function titleNamesHeading(title: string | null, heading: string): boolean {
  if (!title) return false
  if (sameTitle(title, heading)) return true
  return title.split(/\s[|\-–—:·•»«]+\s/).some((part) => sameTitle(part, heading))
}

/**
 * The title rule for pages: a heading that opens the content is the title
 * when it is a level-1 heading or the `<title>` names it (it is then taken
 * out of the body, since the reader shows the title above the text);
 * otherwise the `<title>` (or Readability's cleaned title), otherwise the
 * first level-1 heading; a heading that repeats the chosen title at the top
 * is dropped.
 */
function pageTitle(
  blocks: BlockNode[],
  declared: string | null,
): { title: string | null; blocks: BlockNode[] } {
  const first = blocks[0]
  if (first?.type === 'heading') {
    const text = inlinePlain(first.content)
    if (text && (first.attrs.level === 1 || titleNamesHeading(declared, text)))
      return { title: text, blocks: blocks.slice(1) }
  }
  const h1 = blocks.find((b) => b.type === 'heading' && b.attrs.level === 1)
  const title = declared ?? (h1?.type === 'heading' ? inlinePlain(h1.content) : null)
  return { title, blocks: dropTitleHeading(blocks, title) }
}

/** What a page says about itself, and where its text is. */
export interface Page {
  body: Element | null
  title: string | null
  lang: string | null
  dir: string | null
  date: string | null
  /** The page's `<base href>`, when it has one. */
  baseHref: string | null
  /** Its meta tags, JSON-LD and canonical link, for the article's metadata. */
  head: PageHead
}

/**
 * What a page's relative links are resolved against: the address it was
 * saved from, moved by its own `<base href>` as a browser would; a file on
 * disk has only an absolute http(s) `<base>` (a page saved by a browser) or
 * none. Anything but http(s) gives no base.
 */
function pageBase(savedFrom: string | null | undefined, baseHref: string | null): URL | null {
  let base: URL | null = null
  try {
    if (savedFrom) base = new URL(savedFrom)
  } catch {
    base = null
  }
  if (baseHref) {
    try {
      base = new URL(baseHref, base ?? undefined)
    } catch {
      // A relative <base> in a file on disk, or a malformed one: the saved address (if any) stands.
    }
  }
  return base && (base.protocol === 'http:' || base.protocol === 'https:') ? base : null
}

/**
 * Parses a page and reads its metadata: `<title>`, `lang`/`xml:lang` and
 * `dir` on `<html>` or `<body>`, and a publication date from meta tags or
 * `<time datetime>`.
 */
export function readPage(markup: string, xml = false, address: string | null = null): Page {
  const doc = xml ? parseXhtml(markup) : parseHtml(markup)
  const html = firstElementNamed(doc, 'html')
  const body = firstElementNamed(doc, 'body')
  return {
    body: body ?? html ?? doc.documentElement,
    title: documentTitle(doc),
    lang: attribute(html, 'lang', 'xml:lang') ?? attribute(body, 'lang', 'xml:lang'),
    dir: attribute(html, 'dir') ?? attribute(body, 'dir'),
    date: documentDate(doc),
    baseHref: firstElementNamed(doc, 'base')?.getAttribute('href')?.trim() || null,
    head: readPageHead(doc, address),
  }
}

/**
 * HTML or XHTML markup to a draft article: the page's metadata; its main
 * content, extracted with Readability when the page has boilerplate; that
 * content reduced to our schema by `reduceHtml`; then the title rule.
 */
export function htmlToDraft(markup: string, options: HtmlImportOptions = {}): ArticleDraft {
  const page = readPage(markup, options.xml, options.base ?? null)
  let { title: declaredTitle, lang, dir, date } = page
  let root: Node | null = page.body
  if (options.readability !== false && page.body && hasBoilerplate(page.body)) {
    const copy = options.xml ? parseXhtml(markup) : parseHtml(markup)
    const main = extractMainContent(copy, visibleTextLength(page.body))
    if (main) {
      root = main.root
      declaredTitle = main.title?.replace(/\s+/g, ' ').trim() || declaredTitle
      lang ??= main.lang
      dir ??= main.dir
      date ??= isoDate(main.publishedTime)
    }
  }
  const { title, blocks } = pageTitle(
    root ? reduceHtml(root, pageBase(options.base, page.baseHref)) : [],
    declaredTitle,
  )
  return { blocks, title, date, lang, dir, meta: pageMeta(page.head) }
}

/**
 * The encoding an HTML or XHTML file declares in its first kilobyte
 * (`<meta charset>`, `http-equiv` content type, or the XML declaration), to
 * decode it with when its bytes are not UTF-8.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head)
  return match?.[1] ?? null
}

/** Imports an .html, .htm or .xhtml file. */
export function importHtml(
  bytes: Uint8Array,
  name: string,
  options: HtmlImportOptions = {},
): ImportedArticle {
  const markup = decodeText(bytes, name, { legacyEncoding: options.charset ?? declaredCharset(bytes) })
  return finishArticle(htmlToDraft(markup, options), name)
}
