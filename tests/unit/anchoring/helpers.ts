import { readFileSync } from 'node:fs'
import type { Anchor, AnnotationTarget } from '../../../common/annotation'
import { describeSelection, prepareText } from '../../../common/anchoring'

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')

/** The book's vocalised text and its copy without diacritics (line for line the same). */
export const vocalisedBook = (): string =>
  fixture('large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
export const plainBook = (): string => fixture('large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt')

/** Annotates the `nth` occurrence of `quote` in `text`, as the reader would (code points). */
export function annotate(text: string, quote: string, nth = 0): AnnotationTarget {
  let at = text.indexOf(quote)
  for (let k = 0; k < nth; k++) at = text.indexOf(quote, at + 1)
  if (at < 0) throw new Error(`not in the text: ${quote}`)
  const p = prepareText(text)
  return describeSelection(p, p.toCodePoint(at), p.toCodePoint(at + quote.length))
}

/** The current text's characters under an anchor (positions are code points). */
export function textAt(text: string, anchor: Anchor | null): string | null {
  if (!anchor) return null
  const p = prepareText(text)
  return text.slice(p.toUtf16(anchor.start), p.toUtf16(anchor.end))
}

/** Code point index of a UTF-16 index. */
export const cpIndex = (text: string, index: number): number => prepareText(text).toCodePoint(index)
