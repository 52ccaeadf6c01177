import type { BlockNode, InlineNode } from '../../common/document'
import { MAX_TITLE_LENGTH } from '../../common/contract/limits'
import { sanitizeText } from './inline-buffer'
import { isDataRow, isGeneratorLine } from '../../common/title-candidates'

/** Longest first line that still counts as a title line in .txt and Markdown files. */
export const TITLE_LINE_MAX = 120
/** Longest title made up from the first sentence of a text that has no title line. */
export const DERIVED_TITLE_MAX = 80

const ELLIPSIS = '…'

/**
 * Cuts `text` to at most `max` UTF-16 units (the unit of every length check
 * on titles) at a word boundary, adding "…" when something was cut; never
 * splits a surrogate pair.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  let head = text.slice(0, max - 1)
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1)
  const space = head.search(/\s\S*$/u)
  const cut = space > max / 3 ? head.slice(0, space) : head
  return cut.replace(/[\s،,;؛:.\-–—]+$/u, '') + ELLIPSIS
}

/** A title as stored: one line, spaces collapsed, trimmed, at most 200 characters; '' when nothing visible is left. */
export function cleanTitle(title: string | null | undefined): string {
  if (!title) return ''
  const one = sanitizeText(title).replace(/\s+/gu, ' ').trim()
  return /^[\s\p{Cf}]*$/u.test(one) ? '' : cutAtWord(one, MAX_TITLE_LENGTH)
}

/**
 * Whether a first line reads as a title: short, and not ending like a
 * sentence or clause (. : ، , ; ؛ …). A question or exclamation mark is
 * allowed: headlines often end with one.
 */
export function isTitleLine(line: string): boolean {
  const trimmed = line.trim()
  return /[^\s\p{Cf}]/u.test(trimmed) && trimmed.length <= TITLE_LINE_MAX && !/[.:،,;؛…]$/u.test(trimmed)
}

/** The lines of `plain` with visible text, spaces collapsed. */
function visibleLines(plain: string): string[] {
  return plain
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => /[^\s\p{Cf}]/u.test(line))
}

/**
 * A title made from the text itself, for files that carry none: the first
 * sentence of the first line with visible text when it is short enough; otherwise its first
 * clause or its opening words, cut at a word boundary to at most 80
 * characters and marked with "…". All the text stays in the body. Lines a
 * generating program wrote are passed over; a text that opens with a data
 * row (`1|1|بسم الله…`) gets no title from its text ('' — the file name is
 * used), since a record names nothing.
 */
export function deriveTitle(plain: string): string {
  const lines = visibleLines(plain.slice(0, 64 * 1024))
  const at = lines.findIndex((line) => !isGeneratorLine(line))
  const firstLine = at < 0 ? '' : (lines[at] as string)
  if (!firstLine || isDataRow(firstLine, lines[at + 1])) return ''
  const sentenceEnd = /[.!?؟](?=\s|$)/u.exec(firstLine)
  const sentence = sentenceEnd ? firstLine.slice(0, sentenceEnd.index + 1) : firstLine
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence.replace(/\.$/, '')
  const clauseEnd = /[،,؛;:](?=\s)/u.exec(sentence)
  if (clauseEnd && clauseEnd.index >= 15 && clauseEnd.index < DERIVED_TITLE_MAX) {
    return sentence.slice(0, clauseEnd.index) + ELLIPSIS
  }
  return cutAtWord(sentence, DERIVED_TITLE_MAX)
}

/** The plain text of a heading or paragraph's inline content, spaces collapsed. */
export function inlinePlain(content: InlineNode[] | undefined): string {
  return (content ?? [])
    .map((n) => (n.type === 'text' ? n.text : ' '))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Compares two titles as a reader would: case, spacing and Unicode form ignored. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase()
  return norm(a) !== '' && norm(a) === norm(b)
}

/**
 * Removes the first block when it is a heading that repeats `title`: the
 * reader shows the title above the text, so it would appear twice.
 */
export function dropTitleHeading(blocks: BlockNode[], title: string | null): BlockNode[] {
  const first = blocks[0]
  if (title && first?.type === 'heading' && sameTitle(inlinePlain(first.content), title))
    return blocks.slice(1)
  return blocks
}
