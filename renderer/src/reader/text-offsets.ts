import type { Node as PMNode } from 'prosemirror-model'
import { BLOCK_SEPARATOR, codePointLength } from '../../../common/plain-text'

/** One inline piece of a text block: a text node or a hard break. */
interface Segment {
  /** Document position where the piece starts. */
  pos: number
  /** Code-point offset in the plain text where it starts. */
  offset: number
  /** The text, or null for a hard break (one position, one code point: '\n'). */
  text: string | null
  /** Its size in document positions (UTF-16 units for text). */
  size: number
  /** Its length in code points. */
  length: number
}

/** One text block (paragraph or heading), in reading order. */
interface Block {
  /** Position of the block's first content position and of its end (inside the block). */
  from: number
  to: number
  /** Its first code point in the plain text. */
  offset: number
  /** Its length in code points. */
  length: number
  segments: Segment[]
}

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

/** Index of the last item whose key is ≤ value (items sorted by key), or -1. */
function lastAtOrBefore<T>(items: T[], value: number, key: (item: T) => number): number {
  let lo = 0
  let hi = items.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (key(items[mid]!) <= value) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

/** Builds the mapping for one document, in one pass over its text blocks. */
export function buildTextOffsets(doc: PMNode): TextOffsets {
  const blocks: Block[] = []
  let offset = 0
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (blocks.length > 0) offset += SEPARATOR_LENGTH
    const from = pos + 1
    const segments: Segment[] = []
    let blockLength = 0
    node.forEach((child, childOffset) => {
      const text = child.isText ? (child.text ?? '') : null
      const length = text === null ? 1 : codePointLength(text)
      segments.push({ pos: from + childOffset, offset: offset + blockLength, text, size: child.nodeSize, length })
      blockLength += length
    })
    blocks.push({ from, to: from + node.content.size, offset, length: blockLength, segments })
    offset += blockLength
    return false
  })
  const total = offset

  const toOffset = (pos: number): number => {
    const i = lastAtOrBefore(blocks, pos, (b) => b.from)
    if (i < 0) return 0
    const block = blocks[i]!
    if (pos >= block.to) {
      if (pos === block.to) return block.offset + block.length
      const next = blocks[i + 1]
      return next ? next.offset : total
    }
    const s = lastAtOrBefore(block.segments, pos, (seg) => seg.pos)
    const seg = block.segments[s]
    if (!seg) return block.offset
    if (seg.text === null) return seg.offset
    return seg.offset + codePointsBefore(seg.text, pos - seg.pos)
  }

  const toPos = (target: number): number => {
    const at = Math.max(0, Math.min(total, Math.floor(target)))
    const i = lastAtOrBefore(blocks, at, (b) => b.offset)
    if (i < 0) return blocks[0]?.from ?? 0
    const block = blocks[i]!
    const end = block.offset + block.length
    if (at >= end) {
      const next = blocks[i + 1]
      return at === end || !next ? block.to : next.from
    }
    const s = lastAtOrBefore(block.segments, at, (seg) => seg.offset)
    const seg = block.segments[s]
    if (!seg) return block.from
    if (seg.text === null) return seg.pos
    return seg.pos + unitsBefore(seg.text, at - seg.offset)
  }

  return { length: total, toOffset, toPos }
}
