import type { Node as PMNode, Schema } from 'prosemirror-model'
import { blockTable, type BlockTable } from '../../../common/block-table'
import { MAX_BLOCKS_PER_CALL } from '../../../common/contract/limits'
import type { BlockNode, DocNode } from '../../../common/document'
import { buildTextOffsets, type TextOffsets } from './text-offsets'

/** Fetches top-level blocks [first, end) of the article (at most MAX_BLOCKS_PER_CALL): main's getArticleBlocks. */
export type BlockSource = (first: number, end: number) => Promise<BlockNode[]>

/** Code points of text laid out on each side of the centre of a window. */
export const WINDOW_SIDE = 30_000

/** Blocks laid out on each side of the centre block at least, however long they are. */
const MIN_SIDE_BLOCKS = 2

/** Top-level blocks [first, end) of the article that are laid out. */
export interface BlockWindow {
  readonly first: number
  readonly end: number
}

/**
 * A long article shown in sections: one ProseMirror document holding the
 * top-level blocks of a window around the reading position, with a
 * `section_placeholder` standing for the blocks before it and one for those
 * after it. The page never holds the whole text: it knows each block's
 * place in the text (the head's block table) and fetches a window's blocks
 * from main (`load`) before laying them out; only the window's blocks exist
 * as ProseMirror nodes, dropped when they leave it.
 *
 * It is the reader's `TextOffsets`, so annotations, find, reading position
 * and the contents keep counting code points of the whole text: an offset
 * inside the window maps to its position; one outside maps to the window's
 * nearest edge (so a highlight outside is drawn nowhere and one across an
 * edge is drawn up to it). `reveal` asks the reader to move the window
 * before a position outside it is needed.
 */
export class WindowedText implements TextOffsets {
  readonly length: number
  /** Per top-level block: first code point in the whole text, and length in code points. */
  private readonly starts: number[]
  private readonly lengths: number[]
  private readonly nodes = new Map<number, PMNode>()
  private current: BlockWindow = { first: 0, end: 0 }
  private inner: TextOffsets | null = null
  private docNode: PMNode | null = null
  /** Set by the reader: moves the window so that these offsets are laid out. */
  onReveal: ((start: number, end: number) => Promise<void>) | null = null

  constructor(
    table: BlockTable,
    private readonly schema: Schema,
    private readonly source: BlockSource,
  ) {
    this.starts = table.starts
    this.lengths = table.lengths
    this.length = table.length
  }

  /** A WindowedText over a document held whole (tests; an article that is not fetched by range). */
  static of(doc: DocNode, schema: Schema): WindowedText {
    return new WindowedText(blockTable(doc), schema, async (first, end) => doc.content.slice(first, end))
  }

  /**
   * Fetches the blocks of `window` not held yet, in pieces of at most
   * MAX_BLOCKS_PER_CALL, and makes their nodes, so `setWindow` can lay it
   * out. The JSON is dropped as soon as each node is made.
   */
  async load(window: BlockWindow): Promise<void> {
    const { first, end } = this.clamp(window)
    let from = first
    while (from < end) {
      while (from < end && this.nodes.has(from)) from++
      let to = from
      while (to < end && to - from < MAX_BLOCKS_PER_CALL && !this.nodes.has(to)) to++
      if (to === from) break
      const blocks = await this.source(from, to)
      blocks.forEach((block, i) => this.nodes.set(from + i, this.schema.nodeFromJSON(block)))
      if (blocks.length < to - from) throw new Error(`WindowedText: blocks ${from}–${to} not found`)
      from = to
    }
  }

  /** `window` within the article's blocks, one block at least. */
  private clamp(window: BlockWindow): BlockWindow {
    const first = Math.max(0, Math.min(window.first, this.blockCount - 1))
    return { first, end: Math.max(first + 1, Math.min(window.end, this.blockCount)) }
  }

  /** Number of top-level blocks in the article. */
  get blockCount(): number {
    return this.starts.length
  }

  /** The blocks laid out now. */
  get window(): BlockWindow {
    return this.current
  }

  /** The document the view shows now (after `setWindow`). */
  get doc(): PMNode {
    if (!this.docNode) throw new Error('WindowedText: no window set')
    return this.docNode
  }

  /** The whole text's first and last code point of block `i`'s text (end exclusive). */
  blockRange(i: number): { start: number; end: number } {
    return { start: this.starts[i]!, end: this.starts[i]! + this.lengths[i]! }
  }

  /** The top-level block holding `offset` (a separator belongs to the block after it). */
  blockAt(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    let found = 0
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid]! <= offset) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /** The window centred on the block holding `offset`: WINDOW_SIDE code points (and two blocks at least) each side. */
  windowAround(offset: number): BlockWindow {
    const centre = this.blockAt(Math.max(0, Math.min(this.length, offset)))
    let first = centre
    let budget = WINDOW_SIDE
    while (first > 0 && (centre - first < MIN_SIDE_BLOCKS || budget > 0)) {
      first--
      budget -= this.lengths[first]!
    }
    let end = centre + 1
    budget = WINDOW_SIDE
    while (end < this.starts.length && (end - centre <= MIN_SIDE_BLOCKS || budget > 0)) {
      budget -= this.lengths[end]!
      end++
    }
    return { first, end }
  }

  /** Whether [start, end] is laid out now. */
  contains(start: number, end: number = start): boolean {
    const { first, end: last } = this.current
    if (last <= first) return false
    return start >= this.starts[first]! && end <= this.blockRange(last - 1).end
  }

  /**
   * Makes `window` the laid-out part and returns the new document: the
   * window's blocks (the same node objects for blocks that stay, so the
   * view keeps their DOM) between placeholders whose heights `heightOf`
   * estimates for the blocks they stand for. Its blocks must have been
   * loaded (`load`); blocks outside it are dropped.
   */
  setWindow(window: BlockWindow, heightOf: (first: number, end: number) => number): PMNode {
    const { first, end } = this.clamp(window)
    const content: PMNode[] = []
    const placeholder = this.schema.nodes['section_placeholder']!
    if (first > 0) content.push(placeholder.create({ height: heightOf(0, first) }))
    for (let i = first; i < end; i++) {
      const node = this.nodes.get(i)
      if (!node) throw new Error(`WindowedText: block ${i} was not loaded`)
      content.push(node)
    }
    for (const i of [...this.nodes.keys()]) if (i < first || i >= end) this.nodes.delete(i)
    if (end < this.blockCount) content.push(placeholder.create({ height: heightOf(end, this.blockCount) }))
    this.current = { first, end }
    this.docNode = this.schema.nodes['doc']!.create(null, content)
    this.inner = buildTextOffsets(this.docNode)
    return this.docNode
  }

  toOffset(pos: number): number {
    if (!this.inner) return 0
    return this.starts[this.current.first]! + this.inner.toOffset(pos)
  }

  toPos(offset: number): number {
    if (!this.inner) return 0
    const base = this.starts[this.current.first]!
    return this.inner.toPos(Math.max(0, Math.min(this.inner.length, offset - base)))
  }

  async reveal(start: number, end: number = start): Promise<void> {
    if (!this.contains(start, end)) await this.onReveal?.(start, end)
  }
}
