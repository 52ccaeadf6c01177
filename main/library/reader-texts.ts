import { blockTable, type BlockTable } from '../../common/block-table'
import type { BlockNode, DocNode } from '../../common/document'
import { HamishError } from '../../common/errors'
import { matchPage, type MatchNear } from '../../common/find/match-page'
import { MatchScan, type FoundRange } from '../../common/find/match-scan'
import type { OpenedArticle } from '../../common/contract/article-head'
import type { FindInArticleOptions, FindInArticleResult } from '../../common/contract/find-in-article'
import { FIND_PAGE_SIZE, MAX_BLOCKS_PER_CALL, SECTIONS_FROM } from '../../common/contract/limits'
import { documentOutline } from '../../common/outline/document-outline'
import { plainText } from '../../common/plain-text'
import { prepareSearchText, surrogatePairs, type SearchText } from '../../common/search/search-text'
import type { Library } from './library'

/** Long articles kept ready in memory (text, folded text, last search): the one open in each of a couple of windows. */
const HELD_ARTICLES = 2

/** Time one slice of a search may hold main's event loop before it lets other calls in (ms). */
const SLICE_MS = 8

/** One long article as main serves it to the reader. */
interface HeldArticle {
  doc: DocNode
  table: BlockTable
  /** Its plain text, and its folded form once a search needed it. */
  search: SearchText | null
  text: string
  /** UTF-16 indices of its surrogate pairs, for code point ranges. */
  pairs: Int32Array
  /** The last search run to the end, for paging through its matches. */
  last: { key: string; found: FoundRange[] } | null
  /** Raised by each new search: a running search that sees another number stops. */
  generation: number
}

/**
 * What the reader of a long article asks main for, since it never holds
 * the whole text (docs/ARCHITECTURE.md, "Long articles in sections"): the
 * head when it opens, blocks by range as its window moves, a text range to
 * copy, and find. Main keeps the last few articles asked about in memory;
 * a search runs a slice at a time between other calls, so main keeps
 * answering while it runs, and a newer search of the article stops it.
 */
export class ReaderTexts {
  readonly #held = new Map<string, HeldArticle>()

  constructor(private readonly library: Pick<Library, 'getArticle'>) {}

  /** A short article whole; a long one as its head (no text: blocks come by range). */
  async open(id: string): Promise<OpenedArticle> {
    const article = await this.library.getArticle(id)
    const table = blockTable(article.doc)
    if (table.length < SECTIONS_FROM) return { kind: 'whole', article }
    this.#keep(id, article.doc, table)
    return {
      kind: 'sections',
      head: {
        summary: article.summary,
        annotations: article.annotations,
        blockStarts: table.starts,
        blockLengths: table.lengths,
        outline: documentOutline(article.doc),
      },
    }
  }

  /** Top-level blocks [first, end) of the article (end past the last block reads to the last). */
  async blocks(id: string, first: number, end: number): Promise<BlockNode[]> {
    if (end - first > MAX_BLOCKS_PER_CALL)
      throw new HamishError('invalid-argument', `more than ${MAX_BLOCKS_PER_CALL} blocks in one call`)
    const held = await this.#get(id)
    return held.doc.content.slice(first, end)
  }

  /** The plain text between two code points (clamped to the text). */
  async text(id: string, start: number, end: number): Promise<string> {
    const { text, pairs } = await this.#get(id)
    return text.slice(unitOf(pairs, start), unitOf(pairs, end))
  }

  /**
   * Finds a query in the article, a slice of SLICE_MS at a time with other
   * calls let in between; answers the total and a page of FIND_PAGE_SIZE
   * matches near `near`, or `superseded` when a newer search of this
   * article began before it finished. The same search again (paging) is
   * answered from the last one's matches at once.
   */
  async find(
    id: string,
    query: string,
    options: FindInArticleOptions,
    near: MatchNear,
  ): Promise<FindInArticleResult> {
    const held = await this.#get(id)
    const key = JSON.stringify([query, options.folded, options.wholeWord])
    if (held.last?.key === key) return matchPage(held.last.found, near, FIND_PAGE_SIZE)
    const generation = ++held.generation
    held.search ??= prepareSearchText(held.text)
    const scan = new MatchScan(held.search, query, options)
    for (;;) {
      const until = performance.now() + SLICE_MS
      if (scan.run(() => performance.now() >= until)) break
      await new Promise((resolve) => setImmediate(resolve))
      if (held.generation !== generation) return { superseded: true }
    }
    held.last = { key, found: scan.found }
    return matchPage(scan.found, near, FIND_PAGE_SIZE)
  }

  async #get(id: string): Promise<HeldArticle> {
    const held = this.#held.get(id)
    if (held) {
      // Most recently used last.
      this.#held.delete(id)
      this.#held.set(id, held)
      return held
    }
    const { doc } = await this.library.getArticle(id)
    return this.#keep(id, doc, blockTable(doc))
  }

  #keep(id: string, doc: DocNode, table: BlockTable): HeldArticle {
    const existing = this.#held.get(id)
    if (existing) return existing
    const text = plainText(doc)
    const held: HeldArticle = {
      doc,
      table,
      search: null,
      text,
      pairs: surrogatePairs(text),
      last: null,
      generation: 0,
    }
    this.#held.set(id, held)
    while (this.#held.size > HELD_ARTICLES) this.#held.delete(this.#held.keys().next().value!)
    return held
  }
}

/** UTF-16 index of code point `points`, given the text's surrogate pairs (SearchText.pairs, ascending). */
export function unitOf(pairs: Int32Array, points: number): number {
  // Pair k starts at code point pairs[k] - k; count the pairs that start before `points`.
  let lo = 0
  let hi = pairs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pairs[mid]! - mid < points) lo = mid + 1
    else hi = mid
  }
  return points + lo
}
