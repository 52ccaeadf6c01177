import mammoth from 'mammoth'
import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { resolveLanguage } from '../../common/language'
import { DOCX_BODY, openDocx, repack, type DocxParts } from './docx-archive'
import { decodeText } from './decode-text'
import { finishArticle } from './finish-article'
import { declaredMeta, splitNames } from '../../common/meta/file-meta'
import { reduceHtml } from './html-reducer'
import { isoDate } from './iso-date'
import { elementsNamed, firstElementNamed, parseHtml, parseXml } from './parse-markup'
import { dropTitleHeading, inlinePlain } from './title'

/** A Word document converted, and what was left out of it for the import report to name. */
export interface DocxImport {
  article: ImportedArticle
  /** Images (and other embedded media) the document had; the article has none of them. */
  droppedImages: number
  /** Comments (word/comments.xml) the document had; the article has none of them. */
  droppedComments: number
}

/**
 * How many comments the document holds: its word/comments.xml's
 * `w:comment` elements (a colleague's remarks on a draft), which the
 * article leaves out and the report names, as it names dropped images.
 */
function commentCount(parts: DocxParts, name: string): number {
  const xml = partText(parts, 'word/comments.xml', name)
  return xml ? elementsNamed(parseXml(xml), 'comment').length : 0
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

/** The heading put above a document's footnotes, in the article's language (not the interface's). */
const NOTES_HEADING: Record<string, string> = {
  ar: 'الحواشي',
  fa: 'یادداشت‌ها',
  ur: 'حواشی',
  he: 'הערות',
  en: 'Notes',
}

/**
 * mammoth's list of footnotes and endnotes (an `<ol>` of `li#footnote-N`),
 * or null. It comes last and reads like the body's own numbered list, so a
 * heading is put above it (`notesHeading`).
 */
function notesList(doc: Document): Element | null {
  return (
    elementsNamed(doc, 'ol').find((ol) =>
      Array.from(ol.children).some((li) => /^(?:footnote|endnote)-\d+$/.test(li.getAttribute('id') ?? '')),
    ) ?? null
  )
}

/**
 * The title rule for Word: core.xml's title (a first heading repeating it
 * leaves the body); else a heading that opens the document is the title and
 * leaves the body, as a level-1 heading does in Markdown and HTML and a
 * title line in .txt (the reader shows the title above the text, so it
 * would read twice); its text is kept as the title. A document that is
 * only that heading keeps it: nothing else would be left to read.
 */
function docxTitle(
  blocks: BlockNode[],
  declared: string | null,
): { title: string | null; blocks: BlockNode[] } {
  if (declared) return { title: declared, blocks: dropTitleHeading(blocks, declared) }
  const first = blocks[0]
  if (first?.type === 'heading' && blocks.length > 1 && inlinePlain(first.content) !== '')
    return { title: inlinePlain(first.content), blocks: blocks.slice(1) }
  return { title: null, blocks }
}

/**
 * Imports a Word .docx with mammoth, in the import worker: paragraphs,
 * headings (by Word's heading styles), lists, bold and italic; footnotes and
 * endnotes become the numbered list of paragraphs at the end that mammoth
 * makes, under a heading in the article's language ("Notes", «الحواشي»)
 * so they do not read as the body's own last list, without its "↑" back-links (the reader has no links inside the
 * article to follow, and the note's number stays in the text where it was
 * called); tracked changes are taken as accepted (mammoth keeps `w:ins`
 * and skips `w:del`); comments and images are left out, both counted for
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
  const coreXml = partText(parts, 'docProps/core.xml', name)
  const core = coreXml ? parseXml(coreXml) : null
  const date = isoDate(text(core && (firstElementNamed(core, 'created') ?? firstElementNamed(core, 'date'))))
  const declared = declaredDirection(parts, name)
  const lang = text(core && firstElementNamed(core, 'language')) ?? declared.lang

  const body = firstElementNamed(doc, 'body')
  const notes = notesList(doc)
  if (notes) {
    // The heading's level: the body's top level, so the notes are a part of their own in the contents.
    const levels = [1, 2, 3].filter((level) => elementsNamed(doc, `h${level}`).length > 0)
    const heading = doc.createElement(`h${levels[0] ?? 2}`)
    const article = resolveLanguage(body?.textContent ?? '', { lang, dir: declared.dir })
    const primary = article.lang.toLowerCase().split('-')[0]!
    heading.textContent =
      NOTES_HEADING[primary] ?? (article.dir === 'rtl' ? NOTES_HEADING.ar! : NOTES_HEADING.en!)
    notes.before(heading)
  }
  const { title, blocks } = docxTitle(
    body ? reduceHtml(body) : [],
    text(core && firstElementNamed(core, 'title')),
  )
  // core.xml's dcterms:created is when the file was made, the best date a Word file has for when it was written.
  const meta = declaredMeta({
    creators: splitNames(text(core && firstElementNamed(core, 'creator'))),
    date: text(core && firstElementNamed(core, 'created')),
    language: text(core && firstElementNamed(core, 'language')),
  })
  const article = finishArticle({ blocks, title, date, lang, dir: declared.dir, meta }, name)
  return { article, droppedImages: Math.max(droppedImages, 0), droppedComments: commentCount(parts, name) }
}
