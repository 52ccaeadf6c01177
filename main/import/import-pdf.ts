import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { heading, paragraph, text } from '../../common/document'
import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { guessLanguage } from '../../common/language'
import { finishArticle, refuseTextPastLimit } from './finish-article'
import { declaredMeta, pdfDate, splitNames } from '../../common/meta/file-meta'
import {
  blocksOf,
  dropRunningLines,
  linesOf,
  markAfterUnreadable,
  basePresentationForms,
  type PdfLine,
  type PdfRun,
} from './pdf-layout'
import { PDF_LIMITS } from './pdf-limits'
import { loadPdfjs } from './pdfjs-in-thread'
import { dropTitleHeading } from './title'

/** An imported PDF: the article, and where each of its pages starts in the plain text. */
export interface ImportedPdf extends ImportedArticle {
  /** For page N, index N-1: the code-point offset in the plain text where its text starts; null for a page without text. */
  pdfPageStarts: (number | null)[]
}

/**
 * C0 controls other than whitespace and NUL: what a font without a usable
 * ToUnicode map yields (glyph ids, not letters).
 */
const GLYPH_IDS = /[\u0001-\u0008\u000E-\u001F]/g

/**
 * NUL: a glyph with no text of its own. Chromium (Skia) gives a cluster's
 * text to its first glyph and maps the cluster's other glyphs (a mark fused
 * to its letter, Amiri's ligature pieces) to U+0000; nothing is lost by
 * dropping them.
 */
const NO_TEXT = /\u0000/g

/** Above this share of glyph ids among a font's characters, the font has no usable Unicode map: its runs are noise. */
const GLYPH_ID_FONT_SHARE = 0.1

/** A PDF Hamish cannot read, with the reason in Hamish's own words (pdf.js's error text is English only). */
function invalidPdf(name: string, detail: LocalText): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidPdf', { name, detail }))
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

/**
 * The runs of a marked-content span with /ActualText as one run holding that
 * text, over the box its glyphs cover: Chromium gives an Arabic cluster
 * whose glyphs are not one per letter (a ligature, a letter with its marks)
 * its text only there, in logical order.
 */
function spanRun(actualText: string, glyphs: PdfRun[]): PdfRun | null {
  // The box of its glyphs that draw something: a space glyph inside would hide the gap to the next word.
  const inked = glyphs.filter((g) => g.text.trim() !== '' || g.text === '')
  // Its baseline and size from a letter, not from a mark drawn above or below one.
  // (Else a glyph left without text, U+0000, that advances: a letter's, where a mark's does not.)
  const first =
    inked.find((g) => g.text.trim() !== '' && !/^\p{M}+$/u.test(g.text.trim())) ??
    inked.find((g) => g.text === '' && g.width > 0) ??
    inked.find((g) => g.text === '') ??
    inked[0] ??
    glyphs[0]
  if (!first) return null
  // A letter whose span draws only its marks is not on this page (Chromium writes, past a page's last line, the
  // spans of text it clips, some keeping a mark): placed by the mark, it made a paragraph of its own («أَ»).
  if (/[^\p{M}\s]/u.test(actualText) && inked.every((g) => g.width === 0 && /^\p{M}+$/u.test(g.text.trim())))
    return null
  // The box of its letters: a mark (or a glyph without text and without advance) may be drawn out in the gap.
  const letters = inked.filter((g) => g.width > 0 && !/^\p{M}+$/u.test(g.text.trim()))
  // A span of letters without advance (the alef of a lam-alef with its marks) sits where its letter is.
  const unadvanced = inked.filter((g) => !/^\p{M}+$/u.test(g.text.trim()))
  const boxes =
    letters.length > 0 ? letters : unadvanced.length > 0 ? unadvanced : inked.length > 0 ? inked : glyphs
  const left = Math.min(...boxes.map((g) => g.x))
  const right = Math.max(...boxes.map((g) => g.x + g.width))
  return { ...first, text: visualText(actualText.replace(NO_TEXT, ''), glyphs), x: left, width: right - left }
}

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

/**
 * A span's text in the order its glyphs are drawn, as every other run's
 * text is: /ActualText is logical, so a right-to-left cluster is reversed;
 * a span for one mirrored bracket keeps its glyph («(» drawn for a closing
 * parenthesis in right-to-left text), which the bidi algorithm mirrors back.
 */
function visualText(actualText: string, glyphs: PdfRun[]): string {
  if (RIGHT_TO_LEFT.test(actualText)) return [...actualText].reverse().join('')
  const drawn = glyphs
    .map((g) => g.text)
    .join('')
    .trim()
  return drawn !== '' && [...drawn].length === [...actualText.trim()].length ? drawn : actualText
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
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (err) {
    await task.destroy()
    const kind = (err as { name?: string }).name
    if (kind === 'PasswordException')
      throw new HamishError('invalid-content', localText('messages.pdfEncrypted', { name }))
    throw invalidPdf(name, localText('messages.reasonPdfDamaged'))
  }
  try {
    if (doc.numPages > PDF_LIMITS.maxPages) {
      throw new HamishError(
        'too-large',
        localText('messages.pdfTooManyPages', { name, pages: doc.numPages, limit: PDF_LIMITS.maxPages }),
      )
    }
    const pages: PdfLine[][] = []
    // Per font, characters seen and how many were glyph ids: a font with a usable Unicode map gives
    // none or a stray few; one without gives many.
    const fontChars = new Map<string, { all: number; ids: number }>()
    const isGlyphIdFont = (font: string): boolean => {
      const seen = fontChars.get(font)
      return seen !== undefined && seen.ids > seen.all * GLYPH_ID_FONT_SHARE
    }
    let chars = 0
    for (let number = 1; number <= doc.numPages; number++) {
      let page
      try {
        page = await doc.getPage(number)
      } catch {
        throw invalidPdf(name, localText('messages.reasonPdfPage', { page: number }))
      }
      const content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: true })
      if (content.items.length > PDF_LIMITS.maxRunsPerPage) {
        throw invalidPdf(
          name,
          localText('messages.reasonPdfPageTooFull', { page: number, limit: PDF_LIMITS.maxRunsPerPage }),
        )
      }
      for (const item of content.items) {
        if (!('str' in item)) continue
        const seen = fontChars.get(item.fontName) ?? { all: 0, ids: 0 }
        seen.all += item.str.length
        seen.ids += item.str.match(GLYPH_IDS)?.length ?? 0
        fontChars.set(item.fontName, seen)
      }
      const runs: PdfRun[] = []
      // Baselines of text in fonts without a usable Unicode map.
      const unreadable: number[] = []
      // Inside a span with /ActualText: its runs, and how deep in marked content the span opened.
      let spanText: string | null = null
      let spanRuns: PdfRun[] = []
      let depth = 0
      let spanDepth = 0
      for (const item of content.items) {
        if (!('str' in item)) {
          const mark = item as { type: string; actualText?: string }
          if (mark.type === 'beginMarkedContent' || mark.type === 'beginMarkedContentProps') {
            depth++
            if (spanText === null && typeof mark.actualText === 'string') {
              spanText = mark.actualText
              spanRuns = []
              spanDepth = depth
            }
          } else if (mark.type === 'endMarkedContent') {
            if (spanText !== null && depth === spanDepth) {
              const span = spanRun(spanText, spanRuns)
              if (span) runs.push(span)
              spanText = null
            }
            depth = Math.max(0, depth - 1)
          }
          continue
        }
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[]
        if (isGlyphIdFont(item.fontName)) {
          if (item.str.trim() !== '') unreadable.push(y)
          continue
        }
        const run = {
          text: item.str.replace(NO_TEXT, '').replace(GLYPH_IDS, ''),
          x,
          y,
          width: item.width,
          size: Math.hypot(c, d) || Math.hypot(a, b),
          font: item.fontName,
        }
        if (spanText !== null) spanRuns.push(run)
        else runs.push(run)
        chars += item.str.length
      }
      refuseTextPastLimit(chars, name)
      const lines = linesOf(runs)
      markAfterUnreadable(lines, unreadable)
      pages.push(lines)
      page.cleanup()
    }
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
    await doc.destroy()
  }
}
