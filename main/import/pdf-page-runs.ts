import type { PdfRun } from './pdf-layout'

/**
 * C0 controls other than whitespace and NUL: what a font without a usable
 * ToUnicode map yields (glyph ids, not letters).
 */
const GLYPH_IDS = /[\u0001-\u0008\u000E-\u001F]/g
const GLYPH_ID = /[\u0001-\u0008\u000E-\u001F]/

/**
 * NUL: a glyph with no text of its own. Chromium (Skia) gives a cluster's
 * text to its first glyph and maps the cluster's other glyphs (a mark fused
 * to its letter, Amiri's ligature pieces) to U+0000; nothing is lost by
 * dropping them.
 */
const NO_TEXT = /\u0000/g
const NO_TEXT_OR_GLYPH_ID = /[\u0000-\u0008\u000E-\u001F]/

/** Above this share of glyph ids among a font's characters, the font has no usable Unicode map: its runs are noise. */
const GLYPH_ID_FONT_SHARE = 0.1

/**
 * The runs of a marked-content span with /ActualText as one run holding that
 * text, over the box its glyphs cover: Chromium gives an Arabic cluster
 * whose glyphs are not one per letter (a ligature, a letter with its marks)
 * its text only there, in logical order.
 */
function spanRun(actualText: string, glyphs: PdfRun[]): PdfRun | null {
  // The glyphs that draw something (a space glyph inside would hide the gap to the next word), each with
  // whether it is only marks: worked out once, as a page has thousands of spans.
  const inked: { glyph: PdfRun; mark: boolean }[] = []
  for (const glyph of glyphs) {
    const trimmed = glyph.text.trim()
    if (trimmed !== '' || glyph.text === '') inked.push({ glyph, mark: MARKS_ONLY.test(trimmed) })
  }
  // Its baseline and size from a letter, not from a mark drawn above or below one.
  // (Else a glyph left without text, U+0000, that advances: a letter's, where a mark's does not.)
  const first =
    inked.find((g) => g.glyph.text !== '' && !g.mark)?.glyph ??
    inked.find((g) => g.glyph.text === '' && g.glyph.width > 0)?.glyph ??
    inked.find((g) => g.glyph.text === '')?.glyph ??
    inked[0]?.glyph ??
    glyphs[0]
  if (!first) return null
  // A letter whose span draws only its marks is not on this page (Chromium writes, past a page's last line, the
  // spans of text it clips, some keeping a mark): placed by the mark, it made a paragraph of its own («أَ»).
  if (inked.every((g) => g.glyph.width === 0 && g.mark) && NOT_MARK_OR_SPACE.test(actualText)) return null
  // The box of its letters: a mark (or a glyph without text and without advance) may be drawn out in the gap;
  // else a span of letters without advance (the alef of a lam-alef with its marks) sits where its letter is.
  let boxes = inked.filter((g) => g.glyph.width > 0 && !g.mark)
  if (boxes.length === 0) boxes = inked.filter((g) => !g.mark)
  if (boxes.length === 0) boxes = inked
  let left = Infinity
  let right = -Infinity
  for (const { glyph } of boxes.length > 0 ? boxes : glyphs.map((glyph) => ({ glyph }))) {
    left = Math.min(left, glyph.x)
    right = Math.max(right, glyph.x + glyph.width)
  }
  return { ...first, text: visualText(actualText.replace(NO_TEXT, ''), glyphs), x: left, width: right - left }
}

const MARKS_ONLY = /^\p{M}+$/u
const NOT_MARK_OR_SPACE = /[^\p{M}\s]/u

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

/** Per font (pdf.js's name for it), characters seen and how many were glyph ids. */
export type FontCharCounts = Map<string, { all: number; ids: number }>

/** A page's text runs, as pdf-layout.ts takes them, and what else the page says about its text. */
export interface PageRuns {
  runs: PdfRun[]
  /** Baselines of text in fonts without a usable Unicode map: a block starts below it (markAfterUnreadable). */
  unreadable: number[]
  /** Characters pdf.js gave for the page, for the text limit. */
  chars: number
}

/** One of pdf.js's text content items: a run of text, or the start or end of a marked-content span. */
export interface TextContentItem {
  str?: string
  transform?: number[]
  width?: number
  fontName?: string
  type?: string
  actualText?: string
}

/**
 * A page's runs from pdf.js's text content. A span with /ActualText
 * becomes one run with that text (spanRun); text in a font that gives
 * glyph ids rather than letters is left out, its baseline kept, judged by
 * `fonts`, the counts of the pages read before and this one (a font with a
 * usable Unicode map gives none or a stray few).
 */
export function pageRuns(items: readonly TextContentItem[], fonts: FontCharCounts): PageRuns {
  for (const item of items) {
    if (item.str === undefined) continue
    const font = item.fontName ?? ''
    let seen = fonts.get(font)
    if (!seen) fonts.set(font, (seen = { all: 0, ids: 0 }))
    seen.all += item.str.length
    if (GLYPH_ID.test(item.str)) seen.ids += item.str.match(GLYPH_IDS)?.length ?? 0
  }
  const isGlyphIdFont = (font: string): boolean => {
    const seen = fonts.get(font)
    return seen !== undefined && seen.ids > seen.all * GLYPH_ID_FONT_SHARE
  }
  const runs: PdfRun[] = []
  const unreadable: number[] = []
  let chars = 0
  // Inside a span with /ActualText: its runs, and how deep in marked content the span opened.
  let spanText: string | null = null
  let spanRuns: PdfRun[] = []
  let depth = 0
  let spanDepth = 0
  for (const item of items) {
    if (item.str === undefined) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        depth++
        if (spanText === null && typeof item.actualText === 'string') {
          spanText = item.actualText
          spanRuns = []
          spanDepth = depth
        }
      } else if (item.type === 'endMarkedContent') {
        if (spanText !== null && depth === spanDepth) {
          const span = spanRun(spanText, spanRuns)
          if (span) runs.push(span)
          spanText = null
        }
        depth = Math.max(0, depth - 1)
      }
      continue
    }
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform ?? []
    const font = item.fontName ?? ''
    if (isGlyphIdFont(font)) {
      if (item.str.trim() !== '') unreadable.push(y)
      continue
    }
    const run = {
      text: NO_TEXT_OR_GLYPH_ID.test(item.str)
        ? item.str.replace(NO_TEXT, '').replace(GLYPH_IDS, '')
        : item.str,
      x,
      y,
      width: item.width ?? 0,
      size: Math.sqrt(c * c + d * d) || Math.sqrt(a * a + b * b),
      font,
    }
    if (spanText !== null) spanRuns.push(run)
    else runs.push(run)
    chars += item.str.length
  }
  return { runs, unreadable, chars }
}
