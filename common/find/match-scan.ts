import { foldQuery } from '../arabic-fold'
import { isWordAt } from '../search/word-index'
import { originalRangeMapper, toCodePoint, type SearchText } from '../search/search-text'

export interface FindOptions {
  /** Ignore diacritics and letter variants (the default). */
  folded: boolean
  /** Whole words only, with boundaries that work for Arabic. */
  wholeWord: boolean
}

/** A match as code points of the article's plain text. */
export interface FoundRange {
  start: number
  end: number
}

/** Matches found between two looks at the clock: a clock read costs more than one indexOf step. */
const CHECK_EVERY = 64

/**
 * One search of an article's text that can stop and go on: `run` finds
 * matches until its budget says stop and returns whether the text is done,
 * so the find bar spreads a search of a 4 MB book (tens of thousands of
 * matches, each mapped back to the original characters) over frames and
 * never holds the page for longer than one. The same matches, in the same
 * order, as one uninterrupted pass (`findMatches`).
 */
export class MatchScan {
  /** Every match found so far, ascending. */
  readonly found: FoundRange[] = []
  private readonly q: string
  private readonly haystack: string
  private readonly toOriginal: (a: number, b: number) => [number, number]
  /** Where the next indexOf starts; -1 once the text is done. */
  private next = 0

  constructor(
    private readonly text: SearchText,
    query: string,
    private readonly options: FindOptions,
  ) {
    this.q = options.folded ? foldQuery(query) : query
    this.haystack = options.folded ? text.folded : text.original
    this.toOriginal = originalRangeMapper(text)
    if (this.q.trim() === '') this.next = -1
  }

  get done(): boolean {
    return this.next < 0
  }

  /** Finds matches until `spent()` (asked every few matches) is true or the text is done; true when done. */
  run(spent: () => boolean): boolean {
    const { q, haystack, text } = this
    let sinceCheck = 0
    while (this.next >= 0) {
      const i = haystack.indexOf(q, this.next)
      if (i < 0) {
        this.next = -1
        break
      }
      const word = (at: number) => isWordAt(haystack, at)
      if (!this.options.wholeWord || (!word(i - 1) && !word(i + q.length))) {
        const [a, b] = this.options.folded ? this.toOriginal(i, i + q.length) : [i, i + q.length]
        this.found.push({ start: toCodePoint(text, a), end: toCodePoint(text, b) })
        this.next = i + q.length
      } else {
        this.next = i + 1
      }
      if (++sinceCheck >= CHECK_EVERY) {
        sinceCheck = 0
        if (spent()) break
      }
    }
    return this.next < 0
  }
}

/**
 * Every match of `query` in an article's plain text, as code-point ranges of
 * the ORIGINAL characters: folded matching finds `الشيباني` in `الشَّيْبَانِيّ`
 * and highlights the whole vocalised word, marks included. The same folding
 * and word boundaries as the library search (common/search).
 */
export function findMatches(text: SearchText, query: string, options: FindOptions): FoundRange[] {
  const scan = new MatchScan(text, query, options)
  scan.run(() => false)
  return scan.found
}
