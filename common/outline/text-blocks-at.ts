import type { BlockNode, DocNode, InlineNode } from '../document'
import { BLOCK_SEPARATOR, codePointLength } from '../plain-text'

/** One text block of a document with where it starts in the article's plain text. */
export interface PlacedBlock {
  /** The block's plain text, as plain-text.ts joins it (a hard break is '\n'). */
  text: string
  /** Code point of the plain text where this block starts. */
  offset: number
  /** Its length in code points. */
  length: number
  /** The block's heading level, or 0 for a paragraph. */
  heading: 0 | 1 | 2 | 3
}

const SEPARATOR_LENGTH = codePointLength(BLOCK_SEPARATOR)

function inlineText(content: InlineNode[] | undefined): string {
  if (!content) return ''
  let out = ''
  for (const node of content) out += node.type === 'text' ? node.text : '\n'
  return out
}

/**
 * Calls `visit` for every text block in reading order with its plain-text
 * offset, counted exactly as plainText() joins blocks, so whatever the
 * outline finds (a heading, a page marker) is at the code point an annotation
 * or a reading position would name. One pass, nothing kept.
 */
export function forEachPlacedBlock(doc: DocNode, visit: (block: PlacedBlock) => void): number {
  let offset = 0
  let first = true
  const walk = (blocks: BlockNode[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') {
        if (!first) offset += SEPARATOR_LENGTH
        first = false
        const text = inlineText(block.content)
        const length = codePointLength(text)
        visit({ text, offset, length, heading: block.type === 'heading' ? block.attrs.level : 0 })
        offset += length
      } else if (block.type === 'blockquote') {
        walk(block.content)
      } else {
        for (const item of block.content) walk(item.content)
      }
    }
  }
  walk(doc.content)
  return offset
}
