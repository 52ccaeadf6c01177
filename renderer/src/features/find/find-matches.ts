import { foldQuery } from '../../../../common/arabic-fold'
import { isWordAt } from '../../../../common/search/word-index'
import { linearFind } from '../../../../common/search/engine'
import { originalRangeMapper, toCodePoint, type SearchText } from '../../../../common/search/search-text'

export interface FindOptions {
  /** Ignore diacritics and letter variants (the default). */
  folded: boolean
  /** Whole words only, with boundaries that work for Arabic. */
  wholeWord: boolean
}

/**
 * Every match of `query` in an article's plain text, as code-point ranges of
 * the ORIGINAL characters: folded matching finds `الشيباني` in `الشَّيْبَانِيّ`
 * and highlights the whole vocalised word, marks included. The same folding
 * and word boundaries as the library search (common/search).
 */
export function findMatches(
  text: SearchText,
  query: string,
  options: FindOptions,
): { start: number; end: number }[] {
  const q = options.folded ? foldQuery(query) : query
  if (q.trim() === '') return []
  const haystack = options.folded ? text.folded : text.original
  const starts = options.folded
    ? linearFind(haystack, q, options.wholeWord)
    : exactFind(haystack, q, options.wholeWord)
  const toOriginal = originalRangeMapper(text)
  return starts.map((s) => {
    const [a, b] = options.folded ? toOriginal(s, s + q.length) : [s, s + q.length]
    return { start: toCodePoint(text, a), end: toCodePoint(text, b) }
  })
}

function exactFind(text: string, q: string, wholeWord: boolean): number[] {
  const out: number[] = []
  for (let i = text.indexOf(q); i >= 0;) {
    if (!wholeWord || (!isWordAt(text, i - 1) && !isWordAt(text, i + q.length))) {
      out.push(i)
      i = text.indexOf(q, i + q.length)
    } else i = text.indexOf(q, i + 1)
  }
  return out
}
