import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const AMIRI = join(ROOT, 'node_modules/@fontsource/amiri/files/amiri-arabic-400-normal.woff2')
const ARTICLE = join(ROOT, 'tests/fixtures/lavrov-shaibani-moscow.ar.txt')

/** The highlight colour the fixture uses, as in the app's yellow. */
export const HIGHLIGHT_RGB: readonly [number, number, number] = [0xff, 0xe0, 0x66]

export const ARTICLE_TITLE = 'لافروف والشيباني في موسكو'

/** The sample article's paragraphs (blank-line blocks, the leading `date` line dropped). */
export function articleParagraphs(): string[] {
  const text = readFileSync(ARTICLE, 'utf8').replace(/^\s*date \d{4}-\d\d-\d\d\s*/, '')
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`

let amiriUrl: string | undefined
function amiriDataUrl(): string {
  amiriUrl ??= `data:font/woff2;base64,${readFileSync(AMIRI).toString('base64')}`
  return amiriUrl
}

export interface FixtureOptions {
  title?: string
  paragraphs?: string[]
  /** Paragraph index and word range [from, to) wrapped in <mark>; default the 2nd paragraph's words 3–12. */
  mark?: { paragraph: number; from: number; to: number } | null
  /** Extra raw HTML put at the end of the body (for hostile-content tests). */
  extraBody?: string
  /** The CSP meta tag (default on); off to show the print fence holds without it. */
  csp?: boolean
}

/**
 * A self-contained Arabic document like the HTML export: Amiri embedded as a
 * data: URL, lang/dir set, no script, a CSP that allows nothing but inline
 * styles and data: fonts/images, and one highlight in the app's yellow.
 */
export function fixtureHtml(options: FixtureOptions = {}): string {
  const title = options.title ?? ARTICLE_TITLE
  const paragraphs = options.paragraphs ?? articleParagraphs().slice(0, 3)
  const mark = options.mark === undefined ? { paragraph: 1, from: 3, to: 12 } : options.mark
  const body = paragraphs
    .map((p, i) => {
      if (!mark || mark.paragraph !== i) return `<p>${escapeHtml(p)}</p>`
      const words = p.split(' ')
      const before = words.slice(0, mark.from).join(' ')
      const marked = words.slice(mark.from, mark.to).join(' ')
      const after = words.slice(mark.to).join(' ')
      return `<p>${escapeHtml(before)} <mark style="background:#ffe066">${escapeHtml(marked)}</mark> ${escapeHtml(after)}</p>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
${options.csp === false ? '' : CSP_META}
<title>${escapeHtml(title)}</title>
<style>
@font-face{font-family:'Amiri';font-style:normal;font-weight:400;src:url(${amiriDataUrl()}) format('woff2')}
body{font-family:Amiri,serif;font-size:15pt;line-height:1.9;margin:0;color:#111}
h1{font-size:22pt;font-weight:400;line-height:1.4;margin:0 0 .6em}
p{margin:0 0 .8em;text-align:justify}
mark{color:inherit}
</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
${options.extraBody ?? ''}
</body></html>`
}
