/** Characters of original text shown at most on each side of a match (the ellipsis aside). */
export const SNIPPET_CONTEXT = 40

/**
 * Characters decoded past the context on each side, so the word a cut falls
 * in can be seen whole and left out (a word longer than this is cut at a
 * letter instead).
 */
export const SNIPPET_SLACK = 24

/** Marks a snippet side that does not reach the end of its text. */
export const SNIPPET_ELLIPSIS = '…'

/** A match with a little of its text on each side, as the result list shows it. */
export interface Snippet {
  before: string
  match: string
  after: string
}

/** Blanks and the punctuation that ends a clause, left at the start of a side cut just after it («…، فَأَبَى»). */
const LEADING_SEPARATORS = /^[\s،,؛;.:؟?!]+/u

// Word and grapheme boundaries of UAX #29: neither ever falls between a letter and its combining marks.
const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Starts of the segments of `text` (and its end), ascending. */
function boundaries(segmenter: Intl.Segmenter, text: string): number[] {
  const out: number[] = []
  for (const s of segmenter.segment(text)) out.push(s.index)
  out.push(text.length)
  return out
}

/** The first boundary at or after `min` that leaves some of `text` after it; else the first one that can. */
function startAtOrAfter(text: string, min: number): number {
  for (const segmenter of [words, graphemes]) {
    const at = boundaries(segmenter, text).find((i) => i >= min)
    if (at !== undefined && at < text.length) return at
  }
  return text.length
}

/** The last boundary at or before `max` that keeps some of `text` before it; else the last one that can. */
function endAtOrBefore(text: string, max: number): number {
  for (const segmenter of [words, graphemes]) {
    const at = boundaries(segmenter, text).filter((i) => i <= max)
    const last = at[at.length - 1]
    if (last !== undefined && last > 0) return last
  }
  return 0
}

/**
 * The snippet of a match at `a`–`b` (UTF-16 units) of `window`, a stretch
 * of the text decoded with `SNIPPET_CONTEXT + SNIPPET_SLACK` units on each
 * side where the text has them (`atStart`/`atEnd`: the window begins or
 * ends where the text does). A side longer than the context is cut at a
 * word boundary (at a letter for one word longer than the slack), never
 * between a letter and its marks nor in a half word ("…ّ رَجَعَ" was the
 * old cut), with the blank (and a clause's comma or stop) at the cut
 * dropped and the ellipsis outside the words; a side that reaches the end of its text is whole and has none.
 * Search results (the page and the CLI) show the sides as they are.
 */
export function snippetOf(window: string, a: number, b: number, atStart: boolean, atEnd: boolean): Snippet {
  const head = window.slice(0, a)
  const tail = window.slice(b)
  let before = head
  if (!(atStart && head.length <= SNIPPET_CONTEXT)) {
    const kept = head.slice(startAtOrAfter(head, head.length - SNIPPET_CONTEXT))
    before = SNIPPET_ELLIPSIS + kept.replace(LEADING_SEPARATORS, '')
  }
  let after = tail
  if (!(atEnd && tail.length <= SNIPPET_CONTEXT)) {
    after = tail.slice(0, endAtOrBefore(tail, SNIPPET_CONTEXT)).trimEnd() + SNIPPET_ELLIPSIS
  }
  return { before, match: window.slice(a, b), after }
}
