import { codePointLength } from '../plain-text'

/** A printed page of the book: where it starts in the article's plain text. */
export interface PageMark {
  /** The page's number as printed (the volume's own count in a book of several volumes). */
  page: number
  /** The volume, where the marker names one (`[ ج 2 ص 12 ]`, `(2/12)`), else null. */
  volume: number | null
  /** Code point of the plain text where the page starts. */
  offset: number
}

/**
 * `[ ص 12 ]`, `[ص: 12]`, `[ ج 2 ص 12 ]`: the page that starts here (the
 * convention of books set from print, Shamela's newer exports among them).
 */
const PAGE_STARTS = /\[\s*(?:ج\s*:?\s*([0-9٠-٩]+)\s*[،,/-]?\s*)?ص\s*:?\s*([0-9٠-٩]+)\s*\]/g
/** `(1/26)`: Shamela's older exports close each page with its volume and number. */
const PAGE_ENDS = /\(([0-9٠-٩]{1,3})\/([0-9٠-٩]{1,5})\)/g

/** Fewer `(v/p)` marks than this in a text are taken for fractions, not pages. */
const MIN_PAGE_ENDS = 3

/** A number in Western or Arabic-Indic digits. */
function number(digits: string): number {
  return Number(digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)))
}

/**
 * The page number a reader typed, in Western or Arabic-Indic digits (an
 * Arabic keyboard types ١٢), or null when it is not a whole number.
 */
export function typedPageNumber(typed: string): number | null {
  const digits = typed.trim()
  return /^[0-9٠-٩]{1,7}$/.test(digits) ? number(digits) : null
}

/**
 * Collects one block's page markers as the text is walked block by block.
 * Code-point offsets are counted forward from the previous match, so a
 * 9,000-character line with many markers is not re-counted from its start.
 */
export class PageMarkerReader {
  private readonly starts: PageMark[] = []
  private readonly ends: PageMark[] = []
  /** Where the text after the last `(v/p)` mark starts: the next such page's start. */
  private afterEnd = 0
  /** Where the block read last ends. */
  private blockEnd = 0

  /**
   * Reads the markers of one text block that starts at code point `offset`
   * and is `length` code points long. A page whose mark closed the block
   * before starts with this block, not at the end of that one.
   */
  read(text: string, offset: number, length: number): void {
    if (this.afterEnd === this.blockEnd) this.afterEnd = offset
    this.blockEnd = offset + length
    if (!text.includes('ص') && !text.includes('/')) return
    let units = 0
    let points = offset
    const at = (index: number): number => {
      points += codePointLength(text.slice(units, index))
      units = index
      return points
    }
    for (const m of this.matches(text)) {
      const start = at(m.index)
      if (m.kind === 'start') {
        this.starts.push({ page: m.page, volume: m.volume, offset: start })
      } else {
        this.ends.push({ page: m.page, volume: m.volume, offset: this.afterEnd })
        this.afterEnd = at(m.index + m.length)
      }
    }
  }

  /**
   * The pages found, in text order. Page-start markers win when the text
   * has them; else `(v/p)` marks, if there are enough of them to be pages.
   */
  pages(): PageMark[] {
    if (this.starts.length > 0) return this.starts
    return this.ends.length >= MIN_PAGE_ENDS ? this.ends : []
  }

  private matches(
    text: string,
  ): { kind: 'start' | 'end'; index: number; length: number; page: number; volume: number | null }[] {
    const found: {
      kind: 'start' | 'end'
      index: number
      length: number
      page: number
      volume: number | null
    }[] = []
    for (const m of text.matchAll(PAGE_STARTS))
      found.push({
        kind: 'start',
        index: m.index,
        length: m[0].length,
        page: number(m[2]!),
        volume: m[1] ? number(m[1]) : null,
      })
    for (const m of text.matchAll(PAGE_ENDS))
      found.push({
        kind: 'end',
        index: m.index,
        length: m[0].length,
        page: number(m[2]!),
        volume: number(m[1]!),
      })
    return found.sort((a, b) => a.index - b.index)
  }
}
