import { DOMParser } from 'linkedom'
import { elementName } from './html-reducer'
import { refuseDeepMarkup } from './markup-depth'

/** The five entities XML itself defines; every other named entity needs the HTML table. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/**
 * Parses an HTML page into a DOM (linkedom: no scripts run, no resources
 * load). Markup without `<html>` is wrapped first (in `<html>` alone when it
 * has its own `<head>` or `<body>`), since linkedom does not build the
 * implied elements a browser would and would otherwise lose text. Markup
 * nested deeper than MAX_MARKUP_DEPTH throws NestingTooDeep before parsing.
 */
export function parseHtml(markup: string): Document {
  const source = /<html[\s>]/i.test(markup)
    ? markup
    : /<(head|body)[\s>]/i.test(markup)
      ? `<!DOCTYPE html><html>${markup}</html>`
      : `<!DOCTYPE html><html><head></head><body>${markup}</body></html>`
  refuseDeepMarkup(source, false)
  return new DOMParser().parseFromString(source, 'text/html') as unknown as Document
}

/**
 * Rewrites HTML named entities (`&nbsp;`, `&eacute;`), which XHTML files
 * (EPUB 2 books in particular) use through their DTD, as numeric references
 * an XML parser understands. Each distinct name is decoded once by the HTML
 * parser itself, so the full HTML entity table applies; unknown names stay.
 */
function numericEntities(markup: string): string {
  const names = new Set<string>()
  for (const match of markup.matchAll(/&([A-Za-z][A-Za-z0-9]{1,31});/g)) {
    const name = match[1] as string
    if (!XML_ENTITIES.has(name)) names.add(name)
  }
  if (names.size === 0) return markup
  const list = [...names]
  const probe = parseHtml(list.map((n) => `<p>&${n};</p>`).join(''))
  const decoded = Array.from(probe.querySelectorAll('p'), (p) => p.textContent ?? '')
  const table = new Map<string, string>()
  list.forEach((name, i) => {
    const value = decoded[i]
    if (value && value !== `&${name};`)
      table.set(name, Array.from(value, (c: string) => `&#${c.codePointAt(0)};`).join(''))
  })
  return markup.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => table.get(name) ?? whole)
}

/**
 * Parses XHTML (EPUB chapters, .xhtml files) as XML, so self-closing tags
 * such as `<a id="x"/>` or `<script/>` close where they should instead of
 * swallowing the rest of the page as an HTML parser would. Refused, as
 * parseHtml, when nested too deep.
 */
export function parseXhtml(markup: string): Document {
  refuseDeepMarkup(markup, true)
  return new DOMParser().parseFromString(numericEntities(markup), 'text/xml') as unknown as Document
}

/** Parses an XML file (container.xml, the EPUB package). Lenient: malformed XML gives a partial tree. */
export function parseXml(markup: string): Document {
  refuseDeepMarkup(markup, true)
  return new DOMParser().parseFromString(markup, 'text/xml') as unknown as Document
}

/** Every element under `root` whose local name (namespace prefix ignored) is `name`, in document order. */
export function elementsNamed(root: Document | Element, name: string): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((el) => elementName(el) === name)
}

/** The first element named `name` under `root`, or null. */
export function firstElementNamed(root: Document | Element, name: string): Element | null {
  for (const el of Array.from(root.querySelectorAll('*'))) if (elementName(el) === name) return el
  return null
}
