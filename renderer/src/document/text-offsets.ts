import type { Node as PMNode } from 'prosemirror-model'
import { BLOCK_SEPARATOR, codePointLength } from '../../../common/plain-text'

const SEPARATOR_LENGTH = codePointLength(BLOCK_SEPARATOR)

/**
 * Both directions between ProseMirror positions and offsets in the article's
 * plain text (common/plain-text.ts: text blocks joined by BLOCK_SEPARATOR, a
 * hard break is '\n', offsets in Unicode code points). Reading positions are
 * stored as such offsets, and annotations (TextPositionSelector) will be, so
 * they survive a change of schema or rendering: only the text counts.
 */
export interface TextOffsets {
  /** Length of the plain text in code points. */
  readonly length: number
  /**
   * Offset of a document position. A position between blocks (inside a list
   * or quote wrapper) maps to the start of the next text block.
   */
  toOffset(pos: number): number
  /**
   * Document position of an offset. An offset inside a block separator maps
   * to the end of the block before it (the first separator character) or the
   * start of the next block (the others).
   */
  toPos(offset: number): number
  /**
   * Makes sure [start, end] is laid out before its positions are used (to
   * scroll to it): a long article shown in sections (windowed-text.ts) moves
   * its window, fetching its blocks from main first; a whole document has
   * nothing to do and leaves it out.
   */
  reveal?(start: number, end?: number): Promise<void>
}

/** Code points of `text` before UTF-16 index `units`. */
function codePointsBefore(text: string, units: number): number {
  return codePointLength(text.slice(0, units))
}

/** UTF-16 index of the code point `points` in `text`. */
function unitsBefore(text: string, points: number): number {
  let units = 0
  for (let n = 0; n < points && units < text.length; n++) {
    const c = text.charCodeAt(units)
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1
  }
  return units
}

/** Code points of one inline node: its text, or 1 for a hard break ('\n'). */
const inlineLength = (node: PMNode): number => (node.isText ? codePointLength(node.text ?? '') : 1)

/** Index of the last entry ≤ value in an ascending array, or -1. */
function lastAtOrBefore(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= value) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

/**
 * Builds the mapping for one document in one pass over its text blocks. It
 * keeps four numbers per block and nothing per inline node (a 1.5 MB book
 * has thousands of paragraphs); within a block it walks the block's children
 * when asked, which is short work for one paragraph.
 */
export function buildTextOffsets(doc: PMNode): TextOffsets {
  /** Per text block: first content position, end position, first code point, length in code points. */
  const from: number[] = []
  const to: number[] = []
  const start: number[] = []
  const length: number[] = []
  let offset = 0
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (from.length > 0) offset += SEPARATOR_LENGTH
    let blockLength = 0
    node.forEach((child) => (blockLength += inlineLength(child)))
    from.push(pos + 1)
    to.push(pos + 1 + node.content.size)
    start.push(offset)
    length.push(blockLength)
    offset += blockLength
    return false
  })
  const total = offset
  const block = (i: number): PMNode => doc.nodeAt(from[i]! - 1)!

  const toOffset = (pos: number): number => {
    const i = lastAtOrBefore(from, pos)
    if (i < 0) return 0
    const end = start[i]! + length[i]!
    if (pos >= to[i]!) return pos === to[i] ? end : (start[i + 1] ?? total)
    let at = from[i]!
    let counted = start[i]!
    const node = block(i)
    for (let c = 0; c < node.childCount; c++) {
      const child = node.child(c)
      if (pos < at + child.nodeSize)
        return child.isText ? counted + codePointsBefore(child.text ?? '', pos - at) : counted
      at += child.nodeSize
      counted += inlineLength(child)
    }
    return end
  }

  const toPos = (target: number): number => {
    const wanted = Math.max(0, Math.min(total, Math.floor(target)))
    const i = lastAtOrBefore(start, wanted)
    if (i < 0) return from[0] ?? 0
    const end = start[i]! + length[i]!
    if (wanted >= end) return wanted === end || from[i + 1] === undefined ? to[i]! : from[i + 1]!
    let at = from[i]!
    let counted = start[i]!
    const node = block(i)
    for (let c = 0; c < node.childCount; c++) {
      const child = node.child(c)
      const size = inlineLength(child)
      if (wanted < counted + size)
        return child.isText ? at + unitsBefore(child.text ?? '', wanted - counted) : at
      at += child.nodeSize
      counted += size
    }
    return to[i]!
  }

  return { length: total, toOffset, toPos }
}
