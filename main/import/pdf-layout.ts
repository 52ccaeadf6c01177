import { reorderLine } from '../../common/bidi-visual-order'
import { PDF_WORD_GAP_EM } from './pdf-limits'

/**
 * One run of text as the page draws it, with its position (PDF units, y
 * upwards). Its text is in visual order, left to right as drawn (pdf.js's
 * own reordering is turned off, pdfjs-in-thread.ts): a line is put in
 * logical order as a whole, by the bidi algorithm (common/bidi-visual-order.ts).
 */
export interface PdfRun {
  text: string
  x: number
  y: number
  width: number
  /** Font size: the height of the run's text matrix. */
  size: number
  /** pdf.js's name for the run's font: a change of font ends a left-to-right span. */
  font?: string
}

/** A line on a page: its runs in reading order, joined. */
export interface PdfLine {
  text: string
  left: number
  right: number
  y: number
  size: number
  rtl: boolean
  /** A table's row: runs stand cell gaps apart in it. It is a paragraph of its own. */
  row?: boolean
  /** On a page set in columns, which one (0 the left): its edges are its own. */
  column?: number
  /** Text Hamish could not read (a heading in a font without a Unicode map) stands between this line and the one above: a new block starts here. */
  afterUnreadable?: boolean
}

/** A block made from one or more lines, with the page its first line is on (1-based). */
export interface PdfBlock {
  kind: 'paragraph' | 'heading'
  level: 1 | 2 | 3
  text: string
  page: number
  /** Pages after the first that this block continues onto, with the offset (UTF-16 units) where each starts. */
  continued: { page: number; offset: number }[]
}

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/g
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g
const STRONG_RTL_ONE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g

/**
 * Arabic presentation forms (the shaped letters some PDF fonts map their
 * glyphs to) back to base letters, so search, folding and copying see the
 * same letters as any other article. Only those two blocks: NFKC elsewhere
 * would also change ligatures, superscripts and digits the author chose.
 */
export function basePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (c) => (c === '\uFEFF' ? '' : c.normalize('NFKC')))
}

/** Whether a line reads right to left: more strong right-to-left letters than left-to-right ones. */
export function isRtlText(text: string): boolean {
  return (text.match(STRONG_RTL)?.length ?? 0) > (text.match(STRONG_LTR)?.length ?? 0)
}

/** One white-space character (an empty string is none). */
const SPACE = /^\s$/

/** Code points in a string, without making an array of them. */
function codePointCount(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdbff || i + 1 === text.length) n++
    else {
      const next = text.charCodeAt(i + 1)
      n++
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
  }
  return n
}

const NOTE_CALL = /^\s*[0-9\u0660-\u0669\u06F0-\u06F9*†‡]+\s*$/

/**
 * A footnote call: digits alone, set smaller than the line and raised above
 * its baseline. Left out of the line, where it would be glued to the word
 * before it («يونيكود١») and break that word for search; the note itself,
 * with its number, stays where the page has it.
 */
function isNoteCall(run: PdfRun, lineSize: number, lineY: number): boolean {
  return NOTE_CALL.test(run.text) && run.size < lineSize * 0.85 && run.y - lineY > lineSize * 0.15
}

const MARKS_ONLY = /^\p{M}+$/u

/**
 * Combining marks drawn as runs of their own (Chromium draws each fatha and
 * damma as its own glyph, a little above or below its letter) put back on
 * the letter they belong to. A mark without advance belongs to the next
 * letter drawn (in visual order, HarfBuzz draws a right-to-left letter's
 * marks just before it, at its left edge); any other, to the letter whose
 * box holds its middle, on the same line. Left as runs, marks would make a
 * line of their own above the text, or split the word they sit in.
 */
function withMarksOnTheirLetters(runs: PdfRun[]): PdfRun[] {
  if (!runs.some((r) => MARKS_ONLY.test(r.text))) return runs
  const copies = runs.map((r) => ({ ...r }))
  const isLetter = (r: PdfRun): boolean => r.text.trim() !== '' && !MARKS_ONLY.test(r.text)
  const sameLine = (a: PdfRun, b: PdfRun): boolean => Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 0.6
  const letters = copies.filter(isLetter)
  const byX = [...letters].sort((a, b) => a.x - b.x)
  const kept = new Set<PdfRun>(letters)
  copies.forEach((mark, index) => {
    if (!MARKS_ONLY.test(mark.text)) return
    let owner: PdfRun | null = null
    if (mark.width === 0) {
      let next = index + 1
      while (next < copies.length && copies[next]!.text.trim() === '') next++
      const candidate = copies[next]
      if (
        candidate &&
        isLetter(candidate) &&
        sameLine(candidate, mark) &&
        Math.abs(candidate.x - mark.x) <= mark.size
      )
        owner = candidate
    }
    if (!owner) owner = letterUnder(mark, byX, sameLine)
    // Text is in visual order: a mark goes before (left of) right-to-left letters, after left-to-right ones.
    if (owner) owner.text = RTL_LETTER.test(owner.text) ? mark.text + owner.text : owner.text + mark.text
    else kept.add(mark)
  })
  return copies.filter((r) => kept.has(r))
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

/**
 * The part of a lam-alef ligature drawn without advance, put back on its
 * lam. Noto Naskh Arabic draws «لأ» as two glyphs: the alef (with its
 * hamza, its marks) first, without advance, at the left edge of the glyph
 * drawn next, the lam (pdf.js joins that lam to the letters after it in the
 * run). Drawn first, it goes first in the next run's (visual) text, at its
 * left edge: the logical end of right-to-left text. Placed by position instead, the alef ties with the letter on its left and lands
 * after it, or alone in its own paragraph: «النأ دلس» for «الأندلس».
 */
export function withLigaturePartsJoined(runs: PdfRun[]): PdfRun[] {
  const out: PdfRun[] = []
  for (let i = 0; i < runs.length; i++) {
    const part = withoutGapCountedTwice(runs[i]!, runs[i + 1])
    runs[i] = part
    const next = runs[i + 1]
    if (
      next &&
      part.width < 0.01 &&
      RTL_LETTER.test(part.text) &&
      !MARKS_ONLY.test(part.text) &&
      RTL_LETTER.test(next.text) &&
      Math.abs(next.x - part.x) <= Math.max(part.size, next.size) * 0.05 &&
      Math.abs(next.y - part.y) <= Math.max(part.size, next.size) * 0.3
    ) {
      runs[i + 1] = { ...next, text: part.text + next.text }
      continue
    }
    out.push(part)
  }
  return out
}

/** A lone alef (with its marks) after a space and before a lam, in visual order: a lam-alef pdf.js split with a space. */
const LAM_ALEF_SPLIT = /(?<=\S )([\u0622\u0623\u0625\u0627]\p{M}*) (?=\u0644)/gu

/**
 * A run in which pdf.js counted one word gap twice around the alef of a
 * lam-alef, mended. pdf.js measures a glyph's distance from the last glyph
 * that advanced; the alef Noto Naskh draws without advance right after a
 * word space does not, so the lam after it is measured from before that
 * space again: a second space lands between alef and lam («إل ا أن» for
 * «إلا أن»), and the run is made wider by the gap, so that it covers the
 * next word's gap too («حاجةل ا» for «حاجة لا»). That extra space is
 * moved to the run's end, over the gap its box covers, or, when the next
 * run drawn starts inside the box (the rest of the word), the box ends there.
 * A word of one alef between spaces, which this pattern also matches, is
 * too rare in Arabic prose to weigh against the words it mends.
 */
function withoutGapCountedTwice(run: PdfRun, next: PdfRun | undefined): PdfRun {
  if (!run.text.includes(' \u0644')) return run
  const text = run.text.replace(LAM_ALEF_SPLIT, '$1')
  if (text === run.text) return run
  const sameLine = next !== undefined && Math.abs(next.y - run.y) <= run.size * 0.3
  // The gap pdf.js added stands past the run's last letter: the next run drawn starts inside it when that
  // run is the same word («فلا»); else the run's box covers a word gap, whose space goes where that gap is.
  if (sameLine && next.x > run.x && next.x < run.x + run.width - run.size * 0.05)
    return { ...run, text, width: next.x - run.x }
  return { ...run, text: `${text} ` }
}

/** The letter whose box holds a mark's middle (the nearest such middle), by binary search over letters sorted by x. */
function letterUnder(
  mark: PdfRun,
  byX: PdfRun[],
  sameLine: (a: PdfRun, b: PdfRun) => boolean,
): PdfRun | null {
  const middle = mark.x + mark.width / 2
  let lo = 0
  let hi = byX.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (byX[mid]!.x < middle - mark.size * 2) lo = mid + 1
    else hi = mid
  }
  let best: PdfRun | null = null
  let distance = Infinity
  for (let i = lo; i < byX.length && byX[i]!.x <= middle + 0.5; i++) {
    const letter = byX[i]!
    if (!sameLine(letter, mark) || middle < letter.x - 0.5 || middle > letter.x + letter.width + 0.5) continue
    const d = Math.abs(middle - (letter.x + letter.width / 2))
    if (d < distance) [best, distance] = [letter, d]
  }
  return best
}

/** A gap between two runs of a line wider than this (in em) is between two cells of a table: no justified line stretches a space so far. */
const CELL_GAP_EM = 2.5

const NEUTRAL_ONLY = /^[^\p{L}\p{N}]+$/u
const LATIN = /[A-Za-z\u00C0-\u024F]/

/** The font most right-to-left letters on a page are set in. */
function rightToLeftFont(runs: PdfRun[]): string | undefined {
  const fonts = new Map<string, number>()
  for (const run of runs)
    if (run.font && RTL_LETTER.test(run.text))
      fonts.set(run.font, (fonts.get(run.font) ?? 0) + run.text.length)
  return [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/**
 * Two Latin runs side by side, a word gap apart, one in the right-to-left
 * text's font and one in another (TeX: «Stylistic Set 1» in Amiri, «ss01»
 * in a monospace font, each in a box of its own): the space between them
 * stands in the right-to-left text. Chromium sets no Latin in an Arabic font.
 */
function boxesApart(a: PdfRun, b: PdfRun, rtlFont: string | undefined): boolean {
  const latin = (r: PdfRun): boolean => LATIN.test(r.text) && !RTL_LETTER.test(r.text)
  return (
    rtlFont !== undefined &&
    latin(a) &&
    latin(b) &&
    a.font !== b.font &&
    (a.font === rtlFont || b.font === rtlFont)
  )
}

/**
 * Punctuation or a space set in the right-to-left text's font between two
 * Latin runs in another font, or in two fonts: TeX wraps each Latin term of an Arabic sentence in
 * a box of its own («`U+0660`–`U+0669`», «ss01 (Stylistic Set 1)»), so the
 * dash or bracket between them stands in the right-to-left text and the
 * terms read right to left; the bidi algorithm alone would join them into
 * one left-to-right run. The fonts are the only trace of those boxes
 * (Chromium sets the space inside an English phrase in its Latin font).
 */
function neutralsSetRightToLeft(group: PdfRun[], rtlFont: string | undefined): Set<PdfRun> {
  const found = new Set<PdfRun>()
  const apart = (a: PdfRun, b: PdfRun): boolean =>
    Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width)) > (a.size || 1) * PDF_WORD_GAP_EM
  const latinIn = (run: PdfRun | undefined): run is PdfRun =>
    run !== undefined && LATIN.test(run.text) && !RTL_LETTER.test(run.text)
  group.forEach((run, i) => {
    if (!NEUTRAL_ONLY.test(run.text)) return
    let left = i - 1
    while (left >= 0 && NEUTRAL_ONLY.test(group[left]!.text)) left--
    let right = i + 1
    while (right < group.length && NEUTRAL_ONLY.test(group[right]!.text)) right++
    const [before, after] = [group[left], group[right]]
    if (!latinIn(before) || !latinIn(after)) return
    // A space, or punctuation standing apart on both sides (not the dot of «Node.js», nor Chromium's «, »
    // drawn in the Arabic font inside an English line).
    if (run.text.trim() !== '' && !(apart(before, run) && apart(run, after))) return
    if (
      before.font !== after.font ||
      (rtlFont !== undefined && run.font === rtlFont && before.font !== rtlFont && after.font !== rtlFont)
    )
      found.add(run)
  })
  return found
}

/** Whether the rightmost run of a line that has letters has right-to-left ones: the line's first word in Arabic. */
function startsRightToLeft(runs: PdfRun[]): boolean {
  let first: PdfRun | null = null
  for (const run of runs)
    if (/\p{L}/u.test(run.text) && (first === null || run.x + run.width > first.x + first.width)) first = run
  return first !== null && STRONG_RTL_ONE.test(first.text) && !STRONG_LTR_ONE.test(first.text)
}

const STRONG_LTR_ONE = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/

/**
 * Whether a would-be line is only footnote calls raised above the line
 * under it, too far for the same baseline (Chromium's <sup>1</sup> stands
 * 0.4 em up): they are left out as calls within a line are, instead of
 * ending the paragraph around them as a line of their own.
 */
function raisedNoteCalls(group: PdfRun[], below: PdfRun[] | undefined): boolean {
  if (!below || !group.every((r) => NOTE_CALL.test(r.text))) return false
  const size = Math.max(...below.map((r) => r.size))
  const y = below[0]!.y
  return group.every((r) => r.size < size * 0.9 && r.y > y && r.y - y < size * 0.7)
}

/**
 * The runs of one page gathered into lines: runs whose baselines are within
 * a third of their size are one line. A line is put together as drawn, left
 * to right (a space at each word gap), then read into logical order by the
 * bidi algorithm (common/bidi-visual-order.ts) in the line's direction —
 * right to left for a line of mostly right-to-left letters, or one without
 * any set flush right on a right-to-left page — so numbers, Latin terms and
 * brackets inside Arabic, and Arabic inside English, come back as typed.
 */
export function linesOf(allRuns: PdfRun[]): PdfLine[] {
  const runs = withMarksOnTheirLetters(withLigaturePartsJoined(allRuns))
  const pageRtl = isRtlText(runs.map((r) => r.text).join(''))
  const rtlFont = rightToLeftFont(runs)
  const rightMost = Math.max(...runs.map((r) => r.x + r.width))
  const leftMost = Math.min(...runs.map((r) => r.x))
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: PdfRun[][] = []
  for (const run of sorted) {
    const last = groups[groups.length - 1]
    const anchor = last?.[0]
    if (last && anchor && Math.abs(anchor.y - run.y) <= Math.max(anchor.size, run.size) / 3) last.push(run)
    else groups.push([run])
  }
  const kept = groups.filter((g, i) => !raisedNoteCalls(g, groups[i + 1]))
  // Split at a gutter, a line of raised calls may stand alone over its column's line: left out too.
  const inOrder = inColumns(kept, pageRtl)
  const read = inOrder.filter(
    (line, i) => line.column === undefined || !raisedNoteCalls(line.runs, inOrder[i + 1]?.runs),
  )
  const lines = read.map(({ runs: runsOfLine, column }) => {
    const lineText = runsOfLine.map((r) => r.text).join('')
    const lineSize = Math.max(...runsOfLine.map((r) => r.size))
    const lineLeft = Math.min(...runsOfLine.map((r) => r.x))
    const lineRight = Math.max(...runsOfLine.map((r) => r.x + r.width))
    // A line without Arabic letters on a right-to-left page, set flush right and short of the
    // left margin, was laid out in a right-to-left paragraph (a term, a label): its spans read right to left.
    // A line set to the right on a right-to-left page, well short of the left margin, whose rightmost
    // (first) words are Arabic reads right to left however much Latin follows («1. انظر: Halil İnalcık…»,
    // a list's item, indented).
    const shortOfLeft = lineLeft - leftMost > lineSize * 3
    const rtl =
      isRtlText(lineText) ||
      (pageRtl && !STRONG_RTL_ONE.test(lineText) && rightMost - lineRight < lineSize && shortOfLeft) ||
      (pageRtl && shortOfLeft && rightMost - lineRight < lineLeft - leftMost && startsRightToLeft(runsOfLine))
    // The baseline of the line's longest run: a raised note call may be its first.
    const lineY = runsOfLine.reduce((a, b) => (b.text.length > a.text.length ? b : a)).y
    const group = runsOfLine.filter((r) => !isNoteCall(r, lineSize, lineY)).sort((a, b) => a.x - b.x)
    // The line as drawn, left to right, a space wherever two runs stand a word gap apart.
    let visual = ''
    // Code points in `visual` so far: positions in rightToLeft count code points.
    let visualLength = 0
    let before: PdfRun | null = null
    const inRightToLeft = neutralsSetRightToLeft(group, rtlFont)
    const cellGaps: { from: number; to: number }[] = []
    const rightToLeft = new Set<number>()
    for (const run of group) {
      // The space between the two runs' boxes, whichever side of the other each is on.
      const gap =
        before === null ? 0 : Math.max(before.x - (run.x + run.width), run.x - (before.x + before.width))
      const size = run.size || 1
      if (before !== null && gap > size * CELL_GAP_EM)
        cellGaps.push({
          from: Math.min(before.x + before.width, run.x),
          to: Math.max(before.x, run.x + run.width),
        })
      if (
        before !== null &&
        gap > size * PDF_WORD_GAP_EM &&
        !SPACE.test(visual.charAt(visual.length - 1)) &&
        !SPACE.test(run.text.charAt(0))
      ) {
        // Between two cells of a table, or two TeX boxes, the space stands in the right-to-left text: each
        // cell is read on its own («1299 1326» after «عثمان الأول», not joined to «Osman I»).
        if (boxesApart(before, run, rtlFont) || (rtl && gap > size * CELL_GAP_EM))
          rightToLeft.add(visualLength)
        visual += ' '
        visualLength++
      }
      const runLength = codePointCount(run.text)
      if (inRightToLeft.has(run)) for (let k = 0; k < runLength; k++) rightToLeft.add(visualLength + k)
      visual += run.text
      visualLength += runLength
      before = run
    }
    const text = reorderLine(visual, rtl, rightToLeft)
    const size = lineSize
    return {
      // NFC: marks in canonical order (Chromium's /ActualText may give shadda before fatha), as typed text has them.
      text: basePresentationForms(text).normalize('NFC').replace(/\s+/g, ' ').trim(),
      left: Math.min(...group.map((r) => r.x)),
      right: Math.max(...group.map((r) => r.x + r.width)),
      y: lineY,
      size,
      rtl,
      ...(column === undefined ? {} : { column }),
      cellGaps,
    }
  })
  return lines.map(({ cellGaps, ...line }, i) => {
    const row = isTableRow(cellGaps, lines[i - 1], lines[i + 1], line.size)
    return row ? { ...line, row } : line
  })
}

/**
 * Whether a line with gaps wider than a justified space can stretch is a
 * table's row: one of those gaps lines up (an edge within half an em) with
 * such a gap of the line above or below — the cells of a column start
 * together. A justified line in a narrow column also leaves wide gaps now
 * and then («Paragraph five.   Nevertheless,»), where nothing lines up.
 */
function isTableRow(
  gaps: { from: number; to: number }[],
  above: { cellGaps: { from: number; to: number }[] } | undefined,
  below: { cellGaps: { from: number; to: number }[] } | undefined,
  size: number,
): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= size / 2
  return gaps.some((gap) =>
    [above, below].some((other) => other?.cellGaps.some((g) => near(g.from, gap.from) || near(g.to, gap.to))),
  )
}

/**
 * A page's lines in reading order when it is set in columns: a vertical
 * gutter (gutterOf) splits each line that does not cross it in two; lines
 * that cross it (a title over both columns) divide the page into bands, and
 * within a band the columns are read one after the other in the page's
 * direction — the right one first on a right-to-left page. Where the lines
 * across the page are too many for a gutter of the whole page (a journal's
 * title and abstract above its two columns), the gutter is sought among the
 * lines that leave the middle of the page open, and only a band that reads
 * as two columns of text (inColumnBand) is split. Without a gutter, the
 * lines as they are.
 */
function inColumns(groups: PdfRun[][], pageRtl: boolean): { runs: PdfRun[]; column?: number }[] {
  const whole = gutterOf(groups)
  // A column's last lines at the top of a page are few: four will do where each band is checked.
  const gutter =
    whole ??
    gutterOf(
      groups.filter((g) => !acrossTheMiddle(g, groups)),
      4,
    )
  if (gutter === null) return groups.map((runs) => ({ runs }))
  const out: { runs: PdfRun[]; column?: number }[] = []
  let band: PdfRun[][] = []
  const flush = (): void => {
    if (whole !== null || inColumnBand(band, gutter)) {
      const columns: PdfRun[][][] = [[], []]
      for (const runs of band) {
        const left = runs.filter((r) => r.x + r.width / 2 < gutter.at)
        const right = runs.filter((r) => r.x + r.width / 2 >= gutter.at)
        if (left.length > 0) columns[0]!.push(left)
        if (right.length > 0) columns[1]!.push(right)
      }
      for (const c of pageRtl ? [1, 0] : [0, 1]) for (const runs of columns[c]!) out.push({ runs, column: c })
    } else for (const runs of band) out.push({ runs })
    band = []
  }
  const sizes = groups
    .flat()
    .map((r) => r.size)
    .sort((a, b) => a - b)
  const body = sizes[sizes.length >> 1] ?? 0
  groups.forEach((runs, i) => {
    if (crosses(runs, gutter) || (whole === null && headingUnderColumns(groups, i, gutter, body))) {
      flush()
      out.push({ runs })
    } else band.push(runs)
  })
  flush()
  return out
}

/**
 * Whether line `i` is a heading in larger type on one side of the gutter
 * with no text on the other side below it before the next line across the
 * gutter: the heading of what follows the columns (set flush to the
 * page's start edge, it never reaches the gutter), not a column's own.
 */
function headingUnderColumns(groups: PdfRun[][], i: number, gutter: { at: number }, body: number): boolean {
  const line = groups[i]!
  if (Math.max(...line.map((r) => r.size)) < body * 1.15) return false
  const onLeft = (g: PdfRun[]): boolean => g.some((r) => r.x + r.width / 2 < gutter.at)
  const onRight = (g: PdfRun[]): boolean => g.some((r) => r.x + r.width / 2 >= gutter.at)
  const left = onLeft(line)
  if (left === onRight(line)) return false
  for (const g of groups.slice(i + 1)) {
    if (crosses(g, gutter)) return true
    if (left ? onRight(g) : onLeft(g)) return false
  }
  return true
}

/**
 * Whether a line's text runs unbroken (word gaps under an em) over the
 * middle half of the page's text, or stands over its very middle (a
 * centred page number or running title): a line set across the page, not
 * a column's.
 */
function acrossTheMiddle(runs: PdfRun[], page: PdfRun[][]): boolean {
  let leftMost = Infinity
  let rightMost = -Infinity
  for (const line of page)
    for (const r of line) {
      leftMost = Math.min(leftMost, r.x)
      rightMost = Math.max(rightMost, r.x + r.width)
    }
  const from = leftMost + (rightMost - leftMost) / 4
  const to = rightMost - (rightMost - leftMost) / 4
  const middle = (leftMost + rightMost) / 2
  // A page number or running title centred over the gutter.
  if (runs.some((r) => r.x < middle + r.size / 2 && r.x + r.width > middle - r.size / 2)) return true
  const sorted = [...runs].sort((a, b) => a.x - b.x)
  let reach = -Infinity
  for (const r of sorted) {
    if (r.x > from && r.x - reach >= (r.size || 1) && reach < to) return false
    if (reach === -Infinity && r.x > from) return false
    reach = Math.max(reach, r.x + r.width)
  }
  return reach >= to
}

/**
 * Whether a band of lines between lines across the gutter is two columns of
 * text: a third of its lines at least, and three, have text on each side
 * (the columns' baselines need not meet), and on each side most lines fill
 * most of their column (prose wraps at the column's edge; a table's cells
 * end where their words do, and its rows stay rows).
 */
function inColumnBand(band: PdfRun[][], gutter: { at: number }): boolean {
  const sides = [
    band.map((g) => g.filter((r) => r.x + r.width / 2 < gutter.at)).filter((p) => p.length > 0),
    band.map((g) => g.filter((r) => r.x + r.width / 2 >= gutter.at)).filter((p) => p.length > 0),
  ]
  return sides.every((parts) => {
    if (parts.length < Math.max(3, band.length / 3)) return false
    const extent = (p: PdfRun[]): [number, number] => [
      Math.min(...p.map((r) => r.x)),
      Math.max(...p.map((r) => r.x + r.width)),
    ]
    const left = Math.min(...parts.map((p) => extent(p)[0]))
    const right = Math.max(...parts.map((p) => extent(p)[1]))
    const full = parts.filter((p) => extent(p)[1] - extent(p)[0] >= (right - left) * 0.7)
    return full.length >= parts.length / 2
  })
}

/**
 * Whether a line's text runs across the gutter: a run over its middle em,
 * or two runs closer than an em on either side of its middle. A column's
 * line that only starts or ends inside the gutter (justified Arabic leaves
 * its lines' left ends uneven) stays in its column.
 */
function crosses(runs: PdfRun[], gutter: { at: number }): boolean {
  const sorted = [...runs].sort((a, b) => a.x - b.x)
  return sorted.some((r, i) => {
    const half = (r.size || 1) / 2
    if (r.x < gutter.at + half && r.x + r.width > gutter.at - half) return true
    const next = sorted[i + 1]
    return (
      next !== undefined &&
      r.x + r.width <= gutter.at &&
      next.x >= gutter.at &&
      next.x - (r.x + r.width) < r.size
    )
  })
}

/**
 * The gutter between two columns: the widest vertical stretch, in the
 * middle half of the text's width and at least an em wide, that at most a
 * tenth of the lines cross (word spaces filled), with text on both sides of
 * it in at least a third of the lines each. Null on a page of one column.
 */
function gutterOf(groups: PdfRun[][], fewest = 6): { at: number; from: number; to: number } | null {
  if (groups.length < fewest) return null
  const all = groups.flat()
  const leftMost = Math.min(...all.map((r) => r.x))
  const rightMost = Math.max(...all.map((r) => r.x + r.width))
  const size = all.map((r) => r.size).sort((a, b) => a - b)[all.length >> 1] ?? 10
  const cells = Math.ceil(rightMost - leftMost) + 1
  if (cells < size * 10) return null
  const covered = new Uint16Array(cells)
  for (const runs of groups) {
    const hit = new Uint8Array(cells)
    const sorted = [...runs].sort((a, b) => a.x - b.x)
    sorted.forEach((r, i) => {
      const next = sorted[i + 1]
      // A word space is filled: only a gap wider than an em can be a gutter.
      const end = next !== undefined && next.x - (r.x + r.width) < size ? next.x : r.x + r.width
      for (let x = Math.max(0, Math.floor(r.x - leftMost)); x <= Math.ceil(end - leftMost) && x < cells; x++)
        hit[x] = 1
    })
    for (let x = 0; x < cells; x++) covered[x] = covered[x]! + hit[x]!
  }
  let best: { from: number; to: number } | null = null
  let start = -1
  for (let x = Math.floor(cells / 4); x <= Math.ceil((cells * 3) / 4); x++) {
    const open = x < cells && covered[x]! <= groups.length / 10
    if (open && start < 0) start = x
    if (!open && start >= 0) {
      if (!best || x - start > best.to - best.from) best = { from: start, to: x }
      start = -1
    }
  }
  if (!best || best.to - best.from < size) return null
  const gutter = {
    at: leftMost + (best.from + best.to) / 2,
    from: leftMost + best.from,
    to: leftMost + best.to,
  }
  const sides = (side: (r: PdfRun) => boolean): number => groups.filter((g) => g.some(side)).length
  if (
    sides((r) => r.x + r.width <= gutter.from) < groups.length / 3 ||
    sides((r) => r.x >= gutter.to) < groups.length / 3
  )
    return null
  return gutter
}

/** A line's text with its digits (Western and Arabic-Indic) made alike, to see a running header or footer repeat. */
function repeatKey(text: string): string {
  return text.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]+/g, '#').replace(/\s+/g, ' ')
}

/** Dot leaders: four or more dots, spaced or not, as a table of contents sets between an entry and its page. */
const DOT_LEADERS = /(?:\.\s?){4,}|…{2,}/

const PAGE_NUMBER =
  /^[-–—\s]*(?:(?:page|p\.|صفحة|ص)\s*)?[0-9\u0660-\u0669\u06F0-\u06F9ivxlcdm]+(?:\s*(?:\/|of|من)\s*[0-9\u0660-\u0669\u06F0-\u06F9]+)?[-–—\s]*$/i

/**
 * Marks each line that has unreadable text (at the baselines in
 * `unreadable`) between it and the line above, or above it for a page's
 * first line: where a heading was, a paragraph ends.
 */
export function markAfterUnreadable(lines: PdfLine[], unreadable: number[]): void {
  let above = Infinity
  for (const line of lines) {
    if (unreadable.some((y) => y < above && y > line.y + line.size * 0.3)) line.afterUnreadable = true
    above = line.y
  }
}

/**
 * Drops what a printed page repeats but an article does not hold: a first
 * or last line (two at each end) that is only a page number, and a line set
 * apart at the top or bottom of a page (marginBands) that (digits aside)
 * comes back there on three pages or half of them — running titles, dates and "page N of M" footers; and any line
 * with dot leaders, a printed table of contents' entry, which points at
 * page numbers the article does not have (the reader has its own Contents)
 * and, set full width, would run on into the text of the next page.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  if (pages.length === 0) return pages
  const counts = new Map<string, number>()
  const bands = pages.map(marginBands)
  for (const band of bands) {
    for (const key of new Set([...band].map((l) => repeatKey(l.text))))
      counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  // On at least three pages, or half of them (two at least).
  const repeated = (line: PdfLine): boolean =>
    pages.length >= 2 && (counts.get(repeatKey(line.text)) ?? 0) >= Math.max(2, Math.min(3, pages.length / 2))
  return pages.map((lines, i) => {
    const band = bands[i]!
    // A page number needs no gap: nothing else is only a number.
    const ends = new Set([lines[0], lines[1], lines[lines.length - 2], lines[lines.length - 1]])
    return lines.filter(
      (line) =>
        !(ends.has(line) && PAGE_NUMBER.test(line.text)) &&
        !(band.has(line) && repeated(line)) &&
        !DOT_LEADERS.test(line.text),
    )
  })
}

/**
 * A page's first and last lines (two at most at each end) that stand apart
 * from the text: a gap taller than 1.4 usual line spacings, or a change of
 * size, between them and the body. Only these can be a running header or
 * footer: a paragraph's last line that happens to read like another page's
 * («the PDF text layer.») is set at the line spacing and continues its text.
 */
function marginBands(lines: PdfLine[]): Set<PdfLine> {
  const band = new Set<PdfLine>()
  const n = lines.length
  if (n <= 2) {
    for (const line of lines) band.add(line)
    return band
  }
  const steps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((d) => d > 0)
    .sort((a, b) => a - b)
  const spacing = steps[Math.floor(steps.length / 2)] ?? 0
  const apart = (a: PdfLine, b: PdfLine): boolean =>
    Math.abs(a.y - b.y) > spacing * 1.4 || Math.abs(a.size - b.size) > Math.max(a.size, b.size) * 0.1
  for (const k of [0, 1]) {
    if (k + 1 >= n - 1) break
    if (apart(lines[k]!, lines[k + 1]!)) {
      for (let i = 0; i <= k; i++) band.add(lines[i]!)
      break
    }
  }
  for (const k of [n - 1, n - 2]) {
    if (k - 1 <= 0) break
    if (apart(lines[k]!, lines[k - 1]!)) {
      for (let i = k; i < n; i++) band.add(lines[i]!)
      break
    }
  }
  return band
}

/** The size most of the text is set in (by characters), the measure headings stand out from. */
function bodySize(pages: PdfLine[][]): number {
  const chars = new Map<number, number>()
  for (const line of pages.flat()) {
    const size = Math.round(line.size * 2) / 2
    chars.set(size, (chars.get(size) ?? 0) + line.text.length)
  }
  let best = 0
  let most = -1
  for (const [size, n] of chars) if (n > most) [best, most] = [size, n]
  return best
}

/**
 * Where a page's column starts or ends: the edge most lines set in the body
 * size share (to the half point), so a footnote, a URL or a table that
 * sticks out into the margin does not make every line look indented.
 */
function columnEdge(lines: PdfLine[], body: number, edge: (l: PdfLine) => number): number {
  const counts = new Map<number, number>()
  for (const line of lines) {
    if (Math.abs(line.size - body) > body * 0.1) continue
    const at = Math.round(edge(line) * 2) / 2
    counts.set(at, (counts.get(at) ?? 0) + 1)
  }
  let best = NaN
  let most = 0
  for (const [at, n] of counts) if (n > most) [best, most] = [at, n]
  return Number.isNaN(best) ? Math.min(...lines.map(edge)) : best
}

/** About how wide a line's first word is set: its share of the line's characters. */
function firstWordWidth(line: PdfLine): number {
  const first = line.text.split(' ')[0] ?? ''
  return ((line.right - line.left) * [...first].length) / Math.max(1, [...line.text].length)
}

/**
 * The pages' lines joined into paragraphs and headings. A line set at least
 * 15% larger than the body text is a heading (the three largest such sizes
 * are levels 1–3). A new paragraph starts after a gap taller than the usual
 * line spacing, at an indented line, or after a line that stops short of
 * the column's end (its start, right to left) by more than the next line's
 * first word would have needed (ragged text wraps short lines too), or at a change of font
 * size (a footnote under the text), or after text that could not be read
 * (a heading without a Unicode map); otherwise a line continues the one before, across a page break too, and an English word
 * hyphenated at a line's end is joined again.
 */
export function blocksOf(pages: PdfLine[][]): PdfBlock[] {
  const body = bodySize(pages)
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((l) => l.size >= body * 1.15)
        .map((l) => Math.round(l.size * 2) / 2),
    ),
  ]
    .sort((a, b) => b - a)
    .slice(0, 3)
  const levelOf = (line: PdfLine): 1 | 2 | 3 | null => {
    if (line.size < body * 1.15) return null
    const index = headingSizes.findIndex((s) => Math.round(line.size * 2) / 2 >= s)
    return (index < 0 ? 3 : Math.min(index + 1, 3)) as 1 | 2 | 3
  }
  const blocks: PdfBlock[] = []
  // Notes from the foot of pages, waiting for the paragraph they cut to end.
  let notes: PdfBlock[] = []
  const placeNotes = (): void => {
    blocks.push(...notes)
    notes = []
  }
  const main: Stream = {
    open: null,
    previous: null,
    above: null,
    add: (block) => {
      placeNotes()
      blocks.push(block)
    },
  }
  pages.forEach((allLines, pageIndex) => {
    const page = pageIndex + 1
    const foot = footnotesOf(allLines, body)
    const lines = allLines.slice(0, allLines.length - foot.length)
    const bodyLines = lines.filter((l) => levelOf(l) === null && !l.row)
    // Each column's own edges, on a page set in columns.
    const edges = new Map<number | undefined, { left: number; right: number }>()
    const edgesOf = (line: PdfLine): { left: number; right: number } => {
      let found = edges.get(line.column)
      if (!found) {
        const same = bodyLines.filter((l) => l.column === line.column)
        const of = same.length > 0 ? same : bodyLines
        found = { left: columnEdge(of, body, (l) => l.left), right: columnEdge(of, body, (l) => l.right) }
        edges.set(line.column, found)
      }
      return found
    }
    const spacings = bodyLines
      .slice(1)
      .map((l, i) => (bodyLines[i]?.y ?? 0) - l.y)
      .filter((d) => d > 0)
      .sort((a, b) => a - b)
    const spacing = spacings[Math.floor(spacings.length / 2)] ?? body * 1.2
    main.above = null
    // Lines into blocks: a stream is the body's (across pages) or a page's notes.
    const take = (line: PdfLine, stream: Stream): void => {
      const { open, previous, above } = stream
      const level = levelOf(line)
      const em = line.size || body
      const { left, right } = edgesOf(line)
      const indented = line.rtl ? right - line.right > em * 1.2 : line.left - left > em * 1.2
      const gap = above !== null && above.y - line.y > spacing * 1.4
      // Room left at the end of the line before: if this line's first word would have fitted there, that
      // line ended its paragraph; if not (ragged text), it was only wrapped.
      const room =
        previous === null
          ? 0
          : previous.rtl
            ? previous.left - edgesOf(previous).left
            : edgesOf(previous).right - previous.right
      const shortBefore = previous !== null && room > em * 2.5 && room > firstWordWidth(line) + em * 0.5
      const continues =
        open !== null &&
        open.kind === 'paragraph' &&
        level === null &&
        previous !== null &&
        Math.abs(line.size - previous.size) <= Math.max(line.size, previous.size) * 0.1 &&
        !indented &&
        !gap &&
        !line.afterUnreadable &&
        !line.row &&
        !previous.row &&
        !shortBefore
      if (continues && open) {
        const hyphenated = !line.rtl && /[a-z]-$/i.test(open.text) && /^[a-z]/.test(line.text)
        if (page !== open.page && !open.continued.some((c) => c.page === page)) {
          open.continued.push({ page, offset: open.text.length + (hyphenated ? -1 : 1) })
        }
        open.text = hyphenated ? open.text.slice(0, -1) + line.text : `${open.text} ${line.text}`
      } else if (
        level !== null &&
        open?.kind === 'heading' &&
        open.level === level &&
        open.page === page &&
        above !== null &&
        // A wrapped heading's lines stand its own line spacing apart, wider than the body's.
        above.y - line.y <= Math.max(spacing * 1.4, line.size * 1.8)
      ) {
        open.text = `${open.text} ${line.text}`
      } else {
        stream.open = {
          kind: level === null ? 'paragraph' : 'heading',
          level: level ?? 3,
          text: line.text,
          page,
          continued: [],
        }
        stream.add(stream.open)
      }
      stream.previous = line
      stream.above = line
    }
    for (const line of lines) take(line, main)
    // A page's notes are paragraphs by the same rules, kept until the body's open paragraph ends.
    const noteStream: Stream = { open: null, previous: null, above: null, add: (b) => notes.push(b) }
    for (const line of foot) take(line, noteStream)
  })
  placeNotes()
  return blocks
}

/** Where lines are being made into blocks: the block open, the line before (on this page: `above`), where blocks go. */
interface Stream {
  open: PdfBlock | null
  previous: PdfLine | null
  above: PdfLine | null
  add(block: PdfBlock): void
}

/**
 * A page's footnotes: its last lines, set smaller than the body text (by a
 * tenth at least), below a gap taller than the body's line spacing, with
 * body text above them. Left in the flow, they ended the paragraph that
 * runs on to the next page and cut it in two; they are kept as paragraphs
 * of their own after it.
 */
function footnotesOf(lines: PdfLine[], body: number): PdfLine[] {
  const small = (l: PdfLine): boolean => l.size < body * 0.9
  let start = lines.length
  while (start > 0 && small(lines[start - 1]!)) start--
  if (start === lines.length || start === 0) return []
  const above = lines[start - 1]!
  const first = lines[start]!
  const notes = lines.slice(start)
  const bodyAbove = lines.slice(0, start).filter((l) => Math.abs(l.size - body) <= body * 0.1)
  // Below everything else on the page, and apart from it.
  if (bodyAbove.length === 0 || lines.slice(0, start).some((l) => l.y < first.y)) return []
  if (above.y - first.y <= Math.max(body, above.size) * 1.6) return []
  return notes
}
