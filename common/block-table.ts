import type { BlockNode, DocNode } from './document'
import { BLOCK_SEPARATOR, codePointLength, textBlocks } from './plain-text'

const SEPARATOR_LENGTH = codePointLength(BLOCK_SEPARATOR)

/** Per top-level block of a document: its first code point in the plain text and its length in code points. */
export interface BlockTable {
  starts: number[]
  lengths: number[]
  /** The plain text's length in code points. */
  length: number
}

/**
 * Where each top-level block's text lies in the article's plain text. Main
 * sends it in a long article's head, so the reader maps every whole-text
 * offset (annotations, reading position, find matches) to a block without
 * holding the text.
 */
export function blockTable(doc: DocNode): BlockTable {
  const starts: number[] = []
  const lengths: number[] = []
  let offset = 0
  for (const block of doc.content) {
    if (starts.length > 0) offset += SEPARATOR_LENGTH
    const length = blockLength(block)
    starts.push(offset)
    lengths.push(length)
    offset += length
  }
  return { starts, lengths, length: offset }
}

/** Code points of one top-level block's plain text (its text blocks joined as in the article's). */
function blockLength(block: BlockNode): number {
  const parts = textBlocks({ type: 'doc', content: [block] })
  let n = SEPARATOR_LENGTH * Math.max(0, parts.length - 1)
  for (const part of parts) n += codePointLength(part)
  return n
}
