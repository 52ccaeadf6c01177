import type { Mark } from '../document'
import type { Piece } from './segments'

/**
 * Splits pieces into maximal runs with the same key (compared with ===).
 * Writers nest their output by grouping a block's pieces level by level
 * (highlight, link, strong, em), so every element they open closes inside
 * its parent and nothing interleaves.
 */
export function runsOf<T>(items: readonly T[], key: (item: T) => unknown): T[][] {
  const runs: T[][] = []
  let current: T[] = []
  let currentKey: unknown
  for (const item of items) {
    const k = key(item)
    if (current.length > 0 && k !== currentKey) {
      runs.push(current)
      current = []
    }
    currentKey = k
    current.push(item)
  }
  if (current.length > 0) runs.push(current)
  return runs
}

/** The link mark of the document model (the only mark with attributes). */
export type LinkMark = Extract<Mark, { type: 'link' }>

/** The piece's link mark, if any. */
export function linkOf(piece: Piece): LinkMark | null {
  if (piece.kind !== 'text') return null
  for (const mark of piece.marks) if (mark.type === 'link') return mark
  return null
}

/** A key that is equal for two pieces of the same link (null outside links). */
export function linkKey(piece: Piece): string | null {
  const link = linkOf(piece)
  return link ? `${link.attrs.href}\u0000${link.attrs.title ?? ''}` : null
}

/** Whether the piece carries the em or strong mark. */
export function hasMark(piece: Piece, type: 'em' | 'strong'): boolean {
  return piece.kind === 'text' && piece.marks.some((m) => m.type === type)
}

/** Whether a piece is highlighted (the key that groups a block into highlight clusters). */
export const highlighted = (piece: Piece): boolean => piece.cover !== null

/** Whether no piece carries a mark (most article text): writers then skip the mark grouping. */
export function unmarked(items: readonly Piece[]): boolean {
  for (const p of items) if (p.kind === 'text' && p.marks.length > 0) return false
  return true
}
