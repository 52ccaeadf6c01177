/** One run of text as pdf.js reports it, with its position on the page (PDF units, y upwards). */
export interface PdfRun {
  text: string
  x: number
  y: number
  width: number
  /** Font size: the height of the run's text matrix. */
  size: number
}

/** A line on a page: its runs in reading order, joined. */
export interface PdfLine {
  text: string
  left: number
  right: number
  y: number
  size: number
  rtl: boolean
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

/**
 * The runs of one page gathered into lines: runs whose baselines are within
 * a third of their size are one line, ordered by position — right to left
 * for a line of mostly right-to-left letters — so a line stored as separate
 * words or glyph runs (as Chromium and many typesetters write them) reads in
 * logical order whatever order the content stream drew them in.
 */
export function linesOf(runs: PdfRun[]): PdfLine[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: PdfRun[][] = []
  for (const run of sorted) {
    const last = groups[groups.length - 1]
    const anchor = last?.[0]
    if (last && anchor && Math.abs(anchor.y - run.y) <= Math.max(anchor.size, run.size) / 3) last.push(run)
    else groups.push([run])
  }
  return groups.map((group) => {
    const rtl = isRtlText(group.map((r) => r.text).join(''))
    group.sort((a, b) => (rtl ? b.x + b.width - (a.x + a.width) : a.x - b.x))
    let text = ''
    let edge: number | null = null
    for (const run of group) {
      const gap = edge === null ? 0 : rtl ? edge - (run.x + run.width) : run.x - edge
      const size = run.size || 1
      if (edge !== null && gap > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
      text += run.text
      edge = rtl ? Math.min(edge ?? Infinity, run.x) : Math.max(edge ?? -Infinity, run.x + run.width)
    }
    const size = Math.max(...group.map((r) => r.size))
    return {
      text: basePresentationForms(text).replace(/\s+/g, ' ').trim(),
      left: Math.min(...group.map((r) => r.x)),
      right: Math.max(...group.map((r) => r.x + r.width)),
      y: group[0]?.y ?? 0,
      size,
      rtl,
    }
  })
}

/** A line's text with its digits (Western and Arabic-Indic) made alike, to see a running header or footer repeat. */
function repeatKey(text: string): string {
  return text.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]+/g, '#').replace(/\s+/g, ' ')
}

const PAGE_NUMBER =
  /^[-–—\s]*(?:(?:page|p\.|صفحة|ص)\s*)?[0-9\u0660-\u0669\u06F0-\u06F9ivxlcdm]+(?:\s*(?:\/|of|من)\s*[0-9\u0660-\u0669\u06F0-\u06F9]+)?[-–—\s]*$/i

/**
 * Drops what a printed page repeats but an article does not hold: a first
 * or last line that is only a page number, and a first or last line that
 * (digits aside) comes back at the top or bottom of at least half of the
 * pages — running titles, dates and "page N of M" footers.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  if (pages.length === 0) return pages
  const counts = new Map<string, number>()
  const edges = (lines: PdfLine[]): PdfLine[] =>
    lines.length <= 2
      ? lines
      : [lines[0], lines[1], lines[lines.length - 2], lines[lines.length - 1]].filter(
          (l): l is PdfLine => !!l,
        )
  for (const lines of pages) {
    for (const key of new Set(edges(lines).map((l) => repeatKey(l.text))))
      counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const repeated = (line: PdfLine): boolean =>
    pages.length >= 3 && (counts.get(repeatKey(line.text)) ?? 0) >= Math.max(2, pages.length / 2)
  return pages.map((lines) => {
    const edge = new Set(edges(lines))
    return lines.filter((line) => !(edge.has(line) && (PAGE_NUMBER.test(line.text) || repeated(line))))
  })
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
 * The pages' lines joined into paragraphs and headings. A line set at least
 * 15% larger than the body text is a heading (the three largest such sizes
 * are levels 1–3). A new paragraph starts after a gap taller than the usual
 * line spacing, at an indented line, or after a line that stops well short
 * of the column's end (its start, right to left); otherwise a line
 * continues the one before, across a page break too, and an English word
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
  let open: PdfBlock | null = null
  let previous: PdfLine | null = null
  pages.forEach((lines, pageIndex) => {
    const page = pageIndex + 1
    const bodyLines = lines.filter((l) => levelOf(l) === null)
    const left = Math.min(...bodyLines.map((l) => l.left))
    const right = Math.max(...bodyLines.map((l) => l.right))
    const spacings = bodyLines
      .slice(1)
      .map((l, i) => (bodyLines[i]?.y ?? 0) - l.y)
      .filter((d) => d > 0)
      .sort((a, b) => a - b)
    const spacing = spacings[Math.floor(spacings.length / 2)] ?? body * 1.2
    let above: PdfLine | null = null
    for (const line of lines) {
      const level = levelOf(line)
      const em = line.size || body
      const indented = line.rtl ? right - line.right > em * 1.2 : line.left - left > em * 1.2
      const gap = above !== null && above.y - line.y > spacing * 1.4
      const shortBefore =
        previous !== null &&
        (previous.rtl ? previous.left - left > em * 2.5 : right - previous.right > em * 2.5)
      const continues =
        open !== null &&
        open.kind === 'paragraph' &&
        level === null &&
        previous !== null &&
        !indented &&
        !gap &&
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
        !gap
      ) {
        open.text = `${open.text} ${line.text}`
      } else {
        open = {
          kind: level === null ? 'paragraph' : 'heading',
          level: level ?? 3,
          text: line.text,
          page,
          continued: [],
        }
        blocks.push(open)
      }
      previous = line
      above = line
    }
  })
  return blocks
}
