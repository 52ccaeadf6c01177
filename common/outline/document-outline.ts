import type { DocNode } from '../document'
import { PageMarkerReader, type PageMark } from './page-markers'
import { forEachPlacedBlock } from './text-blocks-at'
import { markerLevel, markerTitle } from './text-markers'

/** One entry of the table of contents. */
export interface OutlineEntry {
  level: 1 | 2 | 3
  /** The heading's words (a plain-text marker's first words). */
  title: string
  /** Code point of the article's plain text where the heading starts. */
  offset: number
}

/** What the reader's table of contents, position indicator and "go to page" are built from. */
export interface DocumentOutline {
  /** The plain text's length in code points. */
  length: number
  entries: OutlineEntry[]
  /** Printed pages, in text order; empty when the text has no page markers. */
  pages: PageMark[]
}

/** Characters of a heading the table of contents shows at most. */
const MAX_TITLE = 120

/**
 * The article's outline, read from its document in one pass: its headings
 * (what HTML, Markdown and EPUB chapters import as), or, in a text with no
 * headings (a plain-text book), its own chapter markers (text-markers.ts);
 * and its printed-page markers (page-markers.ts). Offsets are code points of
 * the whole plain text, like annotations and reading positions, so the
 * reader maps them as it maps those, however it lays the text out.
 */
export function documentOutline(doc: DocNode): DocumentOutline {
  const headings: OutlineEntry[] = []
  const markers: OutlineEntry[] = []
  const pages = new PageMarkerReader()
  const length = forEachPlacedBlock(doc, ({ text, offset, length, heading }) => {
    pages.read(text, offset, length)
    const words = text.replace(/\s+/g, ' ').trim()
    if (words === '') return
    if (heading) {
      headings.push({ level: heading, title: cut(words), offset })
    } else if (headings.length === 0) {
      const level = markerLevel(words)
      if (level) markers.push({ level, title: markerTitle(words), offset })
    }
  })
  return { length, entries: headings.length > 0 ? headings : markers, pages: pages.pages() }
}

function cut(words: string): string {
  return words.length > MAX_TITLE ? `${words.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…` : words
}

/** Index of the last item whose offset is ≤ `offset`, or -1: the entry or page a position is in. */
export function lastAtOrBefore(items: readonly { offset: number }[], offset: number): number {
  let lo = 0
  let hi = items.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.offset <= offset) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

/**
 * Where "go to page" goes: the start of the first page with that number
 * (in a book of several volumes, the first volume's), or null when the
 * text has no such page.
 */
export function pageStart(pages: readonly PageMark[], page: number): number | null {
  return pages.find((p) => p.page === page)?.offset ?? null
}

/** The page a position is on (the text before the first marker is on none), or null. */
export function pageAt(pages: readonly PageMark[], offset: number): PageMark | null {
  const i = lastAtOrBefore(pages, offset)
  return i < 0 ? null : pages[i]!
}

/** Whole percent of the text before `offset` (100 only at the very end). */
export function percentAt(outline: Pick<DocumentOutline, 'length'>, offset: number): number {
  if (outline.length === 0) return 100
  return Math.min(100, Math.floor((Math.max(0, offset) / outline.length) * 100))
}
