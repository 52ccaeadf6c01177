import type { AnchoredAnnotation } from '../annotation'
import type { DocNode } from '../document'
import { PageMarkerReader, type PageMark } from '../outline/page-markers'
import { forEachPlacedBlock } from '../outline/text-blocks-at'
import type { ExportLabels } from './labels'

/** Where a quote stands in its article, for a reader to find it again on paper or on screen. */
export interface QuoteLocation {
  /** The text of the nearest heading before the quote, or null before the first heading. */
  heading: string | null
  /**
   * Its paragraph number: the 1-based count of the text blocks that are not
   * headings (paragraphs, list items' and quotes' paragraphs), in reading
   * order, up to the one the quote starts in. A heading's own quote gets
   * the number of the last paragraph before it (0 before any).
   */
  paragraph: number
  /** The page of the PDF the article came from (1-based), when it came from a PDF. */
  pdfPage: number | null
  /** The printed page of a book set from print (`[ ص 12 ]` markers), with its volume where named. */
  printed: { page: number; volume: number | null } | null
}

/** The last index in sorted `starts` whose value is ≤ `at`, or -1. */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! <= at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * Where each placed annotation's quote starts: heading, paragraph number,
 * PDF page (from the article file's `pdfPages`, docs/FORMATS.md) and
 * printed page (common/outline's page markers). One pass over the blocks,
 * then a binary search per annotation, so a 462-page book with thousands
 * of notes costs little more than reading it. Orphans get no location.
 */
export function quoteLocations(
  doc: DocNode,
  annotations: readonly AnchoredAnnotation[],
  pdfPages?: readonly (number | null)[],
): Map<AnchoredAnnotation, QuoteLocation> {
  const blockStarts: number[] = []
  const headings: (string | null)[] = []
  const paragraphs: number[] = []
  const markers = new PageMarkerReader()
  let heading: string | null = null
  let paragraph = 0
  forEachPlacedBlock(doc, (block) => {
    markers.read(block.text, block.offset, block.length)
    if (block.heading > 0) heading = block.text.replace(/\s+/g, ' ').trim() || heading
    else paragraph++
    blockStarts.push(block.offset)
    headings.push(heading)
    paragraphs.push(paragraph)
  })
  const printed: PageMark[] = markers.pages()
  const printedStarts = printed.map((p) => p.offset)
  // Pages none of whose text was kept (null) are skipped: a quote is on the last page that starts at or before it.
  const pdf: { page: number; offset: number }[] = []
  pdfPages?.forEach((offset, i) => {
    if (offset !== null) pdf.push({ page: i + 1, offset })
  })
  const pdfStarts = pdf.map((p) => p.offset)

  const out = new Map<AnchoredAnnotation, QuoteLocation>()
  for (const a of annotations) {
    if (!a.anchor) continue
    const at = a.anchor.start
    const b = lastAtOrBefore(blockStarts, at)
    const p = lastAtOrBefore(printedStarts, at)
    const q = lastAtOrBefore(pdfStarts, at)
    out.set(a, {
      heading: b >= 0 ? headings[b]! : null,
      paragraph: b >= 0 ? paragraphs[b]! : 0,
      pdfPage: q >= 0 ? pdf[q]!.page : null,
      printed: p >= 0 ? { page: printed[p]!.page, volume: printed[p]!.volume } : null,
    })
  }
  return out
}

/**
 * A location as the words an export prints, in the labels' language:
 * "Under “Heading”", "paragraph 12", "PDF page 5", "ص 12" — only the parts
 * known. Raw text: each writer escapes it for its format.
 */
export function locationParts(location: QuoteLocation, labels: ExportLabels): string[] {
  const parts: string[] = []
  if (location.heading) parts.push(labels.underHeading(location.heading))
  if (location.paragraph > 0) parts.push(labels.paragraphNumber(location.paragraph))
  if (location.pdfPage !== null) parts.push(labels.pdfPage(location.pdfPage))
  if (location.printed) parts.push(labels.printedPage(location.printed.page, location.printed.volume))
  return parts
}
