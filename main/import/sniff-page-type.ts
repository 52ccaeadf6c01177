import { binaryKind } from './sniff-binary'

/**
 * Tags that open an HTML page, as the WHATWG MIME sniffing standard lists
 * them (each followed by a space or `>`), so a page served without a
 * Content-Type is read as HTML where a browser would read it so.
 */
const HTML_OPENINGS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
]

/** How far into the body the opening is looked for: past a BOM and blank space, as browsers do. */
const SNIFF_BYTES = 1024

/** Where an HTML document's first tag may be in a file's bytes: past a UTF-8 BOM and blank space. */
function openingOf(bytes: Uint8Array): string {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0c, 0x0d].includes(bytes[start]!)) start++
  return String.fromCharCode(...bytes.subarray(start, start + SNIFF_BYTES)).toLowerCase()
}

/** `<!doctype html` or `<html` followed by a space or `>`: how a whole HTML document opens. */
const DOCUMENT_OPENING = /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html)[\s>]/

/**
 * Whether a file named .txt or .md is in fact a saved web page: it opens,
 * after a BOM, blank space, an XML declaration or comments, with
 * `<!doctype html` or `<html`. Stricter than `sniffPageType`, which a
 * server's missing Content-Type calls for: a Markdown file may well open
 * with `<p align="center">`, and stays Markdown.
 */
export function isHtmlDocument(bytes: Uint8Array): boolean {
  return DOCUMENT_OPENING.test(openingOf(bytes))
}

/**
 * What a body served without a Content-Type is: HTML when it opens like a
 * page (after a BOM and blank space), plain text when it is not binary
 * (`binaryKind`: signatures, NUL and control bytes), else null — the server
 * did not say and the bytes do not tell, so the caller refuses it.
 */
export function sniffPageType(bytes: Uint8Array): 'text/html' | 'text/plain' | null {
  const head = openingOf(bytes)
  const opens = HTML_OPENINGS.some((tag) => {
    if (!head.startsWith(tag)) return false
    if (tag === '<!--') return true
    const next = head.charAt(tag.length)
    return next === '>' || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === '\f'
  })
  if (opens) return 'text/html'
  return binaryKind(bytes) === null ? 'text/plain' : null
}
