import mammoth from 'mammoth'
import type { ImportedArticle } from '../../common/article'
import { DOCX_BODY, openDocx, repack, type DocxParts } from './docx-archive'
import { decodeText } from './decode-text'
import { finishArticle } from './finish-article'
import { reduceHtml } from './html-reducer'
import { isoDate } from './iso-date'
import { elementsNamed, firstElementNamed, parseHtml, parseXml } from './parse-markup'
import { dropTitleHeading } from './title'

/** A Word document converted, and what was left out of it for the import report to name. */
export interface DocxImport {
  article: ImportedArticle
  /** Images (and other embedded media) the document had; the article has none of them. */
  droppedImages: number
}

function partText(parts: DocxParts, path: string, name: string): string | null {
  const bytes = parts.files[path]
  if (!bytes || bytes.byteLength === 0) return null
  try {
    return decodeText(bytes, `${name} (${path})`)
  } catch {
    return null
  }
}

function text(el: Element | null): string | null {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim()
  return value || null
}

/**
 * The direction Word declares: right-to-left when the body's paragraphs (or
 * the default paragraph style) carry `<w:bidi/>`, or its runs `<w:rtl/>`,
 * more often than not. The converter keeps no direction, so it is read
 * from the XML here.
 */
function declaredDirection(parts: DocxParts, name: string): { dir: 'rtl' | null; lang: string | null } {
  const body = partText(parts, DOCX_BODY, name) ?? ''
  const styles = partText(parts, 'word/styles.xml', name) ?? ''
  const on = (xml: string, tag: string): number =>
    (xml.match(new RegExp(`<w:${tag}(?:\\s*/>|\\s+w:val="(?:1|true|on)"\\s*/>)`, 'g')) ?? []).length
  const paragraphs = (body.match(/<w:p[\s>]/g) ?? []).length
  const rtlDefault = /<w:pPrDefault>[\s\S]*?<w:bidi(?:\s*\/>|\s+w:val="(?:1|true|on)")/.test(styles)
  const rtlNormal =
    /<w:style [^>]*w:styleId="(?:Normal|BodyText|FirstParagraph)"[^>]*>[\s\S]*?<w:bidi\s*\/>[\s\S]*?<\/w:style>/.test(
      styles,
    )
  const rtl = rtlDefault || rtlNormal || on(body, 'bidi') * 2 > paragraphs || on(body, 'rtl') * 2 > paragraphs
  const lang = /<w:lang [^>]*w:bidi="([A-Za-z-]+)"/.exec(styles)?.[1] ?? null
  return { dir: rtl ? 'rtl' : null, lang: rtl ? lang : null }
}

/**
 * Imports a Word .docx with mammoth, in the import worker: paragraphs,
 * headings (by Word's heading styles), lists, bold and italic; footnotes and
 * endnotes become the numbered list of paragraphs at the end that mammoth
 * makes, without its "↑" back-links (the reader has no links inside the
 * article to follow, and the note's number stays in the text where it was
 * called); tracked changes are taken as accepted (mammoth keeps `w:ins`
 * and skips `w:del`); comments and images are left out, images counted for
 * the import report. Title, date and language come from docProps/core.xml.
 * The HTML mammoth writes goes through the same sanitising reducer as any
 * imported page. The archive is bounded before mammoth sees it
 * (docx-archive.ts).
 */
export async function importDocx(bytes: Uint8Array, name: string): Promise<DocxImport> {
  const parts = openDocx(bytes, name)
  let droppedImages = 0
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(repack(parts)) },
    {
      // Word's Title style is the document's title: a heading, so it is taken out when core.xml names it.
      styleMap: ["p[style-name='Title'] => h1:fresh"],
      convertImage: mammoth.images.imgElement(() => {
        droppedImages++
        return Promise.resolve({ src: '' })
      }),
    },
  )
  const doc = parseHtml(`<!doctype html><html><body>${result.value}</body></html>`)
  for (const a of elementsNamed(doc, 'a')) {
    const href = a.getAttribute('href') ?? ''
    if (/^#(?:footnote|endnote)-ref-/.test(href)) a.remove()
    // The call's number stays as text; the article has no anchors to jump to.
    else if (/^#(?:footnote|endnote)-/.test(href)) a.replaceWith(doc.createTextNode(a.textContent ?? ''))
  }
  const body = firstElementNamed(doc, 'body')
  const blocks = body ? reduceHtml(body) : []

  const coreXml = partText(parts, 'docProps/core.xml', name)
  const core = coreXml ? parseXml(coreXml) : null
  const title = text(core && firstElementNamed(core, 'title'))
  const date = isoDate(text(core && (firstElementNamed(core, 'created') ?? firstElementNamed(core, 'date'))))
  const declared = declaredDirection(parts, name)
  const article = finishArticle(
    {
      blocks: dropTitleHeading(blocks, title),
      title,
      date,
      lang: text(core && firstElementNamed(core, 'language')) ?? declared.lang,
      dir: declared.dir,
    },
    name,
  )
  return { article, droppedImages: Math.max(droppedImages, 0) }
}
