import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { heading, paragraph, text } from '../../common/document'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { guessLanguage } from '../../common/language'
import { finishArticle } from './finish-article'
import { declaredMeta, pdfDate, splitNames } from '../../common/meta/file-meta'
import { blocksOf, dropRunningLines, basePresentationForms } from './pdf-layout'
import { PDF_LIMITS } from './pdf-limits'
import { openPdf } from './pdf-document'
import { readPdfPagesInThreads, startPdfPageThreads } from './pdf-page-threads'
import { dropTitleHeading } from './title'

/** An imported PDF: the article, and where each of its pages starts in the plain text. */
export interface ImportedPdf extends ImportedArticle {
  /** For page N, index N-1: the code-point offset in the plain text where its text starts; null for a page without text. */
  pdfPageStarts: (number | null)[]
}

function metadataText(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const clean = basePresentationForms(value).replace(/\s+/g, ' ').trim()
  return clean || null
}

/**
 * What tools write as a PDF's Title when the document had none: a browser's
 * blank page or its file address, a file name, "Untitled". Such a title
 * names nothing the reader would recognise, so the text's own title is
 * used instead; Word's "Microsoft Word - " prefix is taken off.
 */
function documentTitle(value: unknown): string | null {
  const title = metadataText(value)?.replace(/^Microsoft Word - /, '') ?? null
  if (!title) return null
  if (/^(?:about:blank|untitled|file:\/\/.*|.*\.(?:docx?|odt|rtf|txt|html?|pdf|tex|dvi))$/i.test(title))
    return null
  return title
}

/** Code points in a string (page starts are positions in code points, like annotation selectors). */
function codePoints(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

const ENGLISH_WORDS = /\b(?:the|and|of|to|in|is|that|for|with|as|on|by|this|are|was)\b/gi

/**
 * The article's language: the PDF's own /Lang when it is a tag; else Arabic
 * (or Hebrew) from its letters; else English when its words are, as a plain
 * Latin-letter text's many «the», «and», «of» show; else undetermined.
 */
function pdfLanguage(declared: unknown, text: string): string | null {
  if (typeof declared === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(declared)) return declared
  const guess = guessLanguage(text)
  if (guess.lang !== 'und') return guess.lang
  const sample = text.slice(0, 20000)
  const words = sample.match(/\p{L}+/gu)?.length ?? 0
  const english = sample.match(ENGLISH_WORDS)?.length ?? 0
  return words >= 20 && english / words >= 0.08 ? 'en' : null
}

/**
 * Imports a .pdf through pdf.js, in the calling thread (the import worker,
 * or the CLI's process): no fetching, no scripts, no fonts loaded, no
 * canvas. The text runs of each page become lines by position, lines become
 * paragraphs and headings (pdf-layout.ts), running headers, footers and page
 * numbers are dropped, and where each page starts is kept. Title and author
 * come from the PDF's metadata. Refused with a reason: a damaged or non-PDF
 * file, one encrypted with a password, one with more pages than
 * PDF_LIMITS.maxPages, and one with no text layer (a scan).
 */
export async function importPdf(bytes: Uint8Array, name: string): Promise<ImportedPdf> {
  // Page threads start opening their own copies now, while this thread opens its own.
  const started = startPdfPageThreads(bytes, name)
  let opened
  try {
    opened = await openPdf(bytes, name)
  } catch (err) {
    started.end()
    throw err
  }
  const { doc, close } = opened
  try {
    if (doc.numPages > PDF_LIMITS.maxPages) {
      throw new HamishError(
        'too-large',
        localText('messages.pdfTooManyPages', { name, pages: doc.numPages, limit: PDF_LIMITS.maxPages }),
      )
    }
    const { pages } = await readPdfPagesInThreads(opened, name, started)
    if (pages.every((lines) => lines.length === 0)) {
      throw new HamishError('empty-file', localText('messages.pdfNoTextLayer', { name }))
    }
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>
    const title = documentTitle(info.Title)
    const pdfBlocks = blocksOf(dropRunningLines(pages))
    const blocks: BlockNode[] = pdfBlocks.map((b) =>
      b.kind === 'heading' ? heading(b.level, [text(b.text)]) : paragraph([text(b.text)]),
    )
    const kept = dropTitleHeading(blocks, title)
    const dropped = blocks.length - kept.length
    // Pages of page numbers and running headers only: once those are dropped, nothing is left.
    if (pdfBlocks.every((b) => b.text.trim() === '') || kept.length === 0)
      throw new HamishError('empty-file', localText('messages.pdfNoText', { name }))
    const lang = pdfLanguage(info.Language, pdfBlocks.map((b) => b.text).join(' '))
    const meta = declaredMeta({
      creators: splitNames(typeof info.Author === 'string' ? info.Author : null),
      date: pdfDate(info.CreationDate),
    })
    const article = finishArticle({ blocks: kept, title, date: null, lang, meta }, name)
    // Where each page starts: at its first block, or inside a block it continues.
    const starts: (number | null)[] = new Array<number | null>(doc.numPages).fill(null)
    let offset = 0
    pdfBlocks.slice(dropped).forEach((block, i) => {
      if (i > 0) offset += 2 // BLOCK_SEPARATOR
      if (starts[block.page - 1] === null) starts[block.page - 1] = offset
      for (const c of block.continued) {
        if (starts[c.page - 1] === null)
          starts[c.page - 1] = offset + codePoints(block.text.slice(0, c.offset))
      }
      offset += codePoints(block.text)
    })
    return { ...article, pdfPageStarts: starts }
  } finally {
    started.end()
    await close()
  }
}
