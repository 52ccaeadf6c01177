import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { BlockWindow, WindowedText } from '../../document/windowed-text'
import { firstVisiblePos, scrollPosToTop } from './visible-position'

/** A selection whose moving end comes within this many blocks of the window's edge grows the window past it. */
const EDGE_BLOCKS = 2

/** Height guessed for a code point of text before any has been measured (the font's size and line height). */
const GUESS_PX_PER_POINT = 0.25

/**
 * Moves the laid-out section of a long article (a WindowedText) as the
 * reader scrolls and when something outside it is asked for. While
 * scrolling, once a placeholder comes within a screen of the window's edge,
 * the window is centred again on the text at the top of the screen, and the
 * page is scrolled by however far that text moved, so nothing on screen
 * jumps; a placeholder reached at once (the scrollbar dragged, End) stands
 * for its blocks in proportion to their text, and the text there is laid
 * out and put at the top. Placeholders' heights are estimated from the
 * laid-out text's height per code point, measured once the font is in.
 * A move first fetches the blocks it lacks from main (WindowedText.load);
 * moves run one after another, and the screen is held still at the moment
 * the new window replaces the old.
 *
 * A selection is never cut by a move: the window always covers it, and
 * when its moving end comes near the window's edge (Shift+arrows, a drag)
 * the window grows past it (`selectionChanged`), so a selection can run
 * across sections and copy copies exactly what it holds.
 */
export class ReaderSections {
  private pxPerPoint = GUESS_PX_PER_POINT
  private frame = 0
  /** The move running now (moves run one at a time), or null. */
  private moving: Promise<void> | null = null
  private destroyed = false
  private readonly onScroll = (): void => {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.follow()
    })
  }

  constructor(
    private readonly text: WindowedText,
    private readonly view: () => EditorView | null,
    private readonly top: () => number,
    /** Called after the window moved: highlights and find matches are drawn again. */
    private readonly moved: () => void,
  ) {
    text.onReveal = (start) => this.moveTo(text.windowAround(start), undefined, false)
  }

  /** The first document: the window around the opening offset, its blocks fetched from main. */
  async initialDoc(offset: number | null): Promise<ReturnType<WindowedText['setWindow']>> {
    const window = this.text.windowAround(offset ?? 0)
    await this.text.load(window)
    return this.text.setWindow(window, this.heightOf)
  }

  /**
   * The selection changed: when it is not empty and its moving end is
   * within EDGE_BLOCKS of a window edge with text beyond, the window grows
   * by a section past it (and keeps the selection).
   */
  selectionChanged(): void {
    const view = this.view()
    const selected = view && this.selectedOffsets(view)
    if (!selected) return
    // A move still fetching its blocks: look again once it is in.
    if (this.moving) {
      void this.moving.then(() => this.selectionChanged())
      return
    }
    const { first, end } = this.text.window
    const head = this.text.blockAt(selected.head)
    const nearStart = first > 0 && head < first + EDGE_BLOCKS
    const nearEnd = end < this.text.blockCount && head >= end - EDGE_BLOCKS
    if (!nearStart && !nearEnd) return
    const around = this.text.windowAround(selected.head)
    void this.moveTo({ first: Math.min(first, around.first), end: Math.max(end, around.end) })
  }

  /** The selection as whole-text offsets (anchor: where it began, head: its moving end), or null when empty. */
  private selectedOffsets(view: EditorView): { anchor: number; head: number } | null {
    // The page's selection first: keys and the mouse move it before ProseMirror reads it (on selectionchange).
    const dom = document.getSelection()
    if (dom && !dom.isCollapsed && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
      try {
        const anchor = view.posAtDOM(dom.anchorNode!, dom.anchorOffset)
        const head = view.posAtDOM(dom.focusNode!, dom.focusOffset)
        if (anchor !== head) return { anchor: this.text.toOffset(anchor), head: this.text.toOffset(head) }
      } catch {
        // Not a position of the text (inside a placeholder): ProseMirror's own selection below.
      }
    }
    const { selection } = view.state
    if (selection.empty || !(selection instanceof TextSelection)) return null
    return { anchor: this.text.toOffset(selection.anchor), head: this.text.toOffset(selection.head) }
  }

  /** `blocks` grown to cover the selection's blocks, so a move never cuts a selection. */
  private covering(view: EditorView, blocks: BlockWindow): BlockWindow {
    const selected = this.selectedOffsets(view)
    if (!selected) return blocks
    const a = this.text.blockAt(Math.min(selected.anchor, selected.head))
    const b = this.text.blockAt(Math.max(selected.anchor, selected.head))
    return { first: Math.min(blocks.first, a), end: Math.max(blocks.end, b + 1) }
  }

  /** Once the text is laid out in its font: estimates placeholders from it, then follows the scroll. */
  start(): void {
    const view = this.view()
    if (!view) return
    const { first, end } = this.text.window
    const points = this.text.blockRange(end - 1).end - this.text.blockRange(first).start
    let height = view.dom.getBoundingClientRect().height
    for (const p of placeholders(view)) height -= p.getBoundingClientRect().height
    if (points > 0 && height > 0) this.pxPerPoint = height / points
    void this.moveTo(this.text.window)
    window.addEventListener('scroll', this.onScroll, { passive: true })
  }

  destroy(): void {
    this.destroyed = true
    cancelAnimationFrame(this.frame)
    window.removeEventListener('scroll', this.onScroll)
    this.text.onReveal = null
  }

  private readonly heightOf = (first: number, end: number): number => {
    const from = this.text.blockRange(first).start
    const to = this.text.blockRange(end - 1).end
    return (to - from) * this.pxPerPoint
  }

  /**
   * Lays out `blocks` in place of the current window, once they are
   * fetched, after any move still running. The text at the top of the
   * screen stays where it is on screen; `then` runs right after, in the
   * same task (a jump scrolls to its text). A move that follows the scroll
   * or the selection keeps the selection in the window; a jump (go to, a
   * find match, the scrollbar dragged far) does not: laying out everything
   * between a selection left behind and the place jumped to could be the
   * whole book, so such a selection ends at the window's edge.
   */
  private moveTo(blocks: BlockWindow, then?: () => void, keepSelection = true): Promise<void> {
    const run = async (): Promise<void> => {
      const current = this.view()
      const wanted = current && keepSelection ? this.covering(current, blocks) : blocks
      await this.text.load(wanted)
      const view = this.view()
      if (!view || this.destroyed) return
      // The selection may have changed while the blocks came: cover it as it is now.
      const laid = keepSelection ? this.covering(view, wanted) : wanted
      if (laid.first < wanted.first || laid.end > wanted.end) await this.text.load(laid)
      const pos = firstVisiblePos(view, this.top())
      const held = pos === null ? null : this.text.toOffset(pos)
      const before = pos === null ? 0 : view.coordsAtPos(pos, 1).top
      const selected = this.selectedOffsets(view)
      const doc = this.text.setWindow(laid, this.heightOf)
      let tr = view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content)
      // The selection stays on the same text (ProseMirror writes it back to the page's selection).
      if (
        selected &&
        this.text.contains(Math.min(selected.anchor, selected.head), Math.max(selected.anchor, selected.head))
      )
        tr = tr.setSelection(
          TextSelection.create(tr.doc, this.text.toPos(selected.anchor), this.text.toPos(selected.head)),
        )
      view.dispatch(tr.setMeta('addToHistory', false))
      if (held !== null && this.text.contains(held)) {
        const after = view.coordsAtPos(this.text.toPos(held), 1).top
        if (after !== before) window.scrollBy({ top: after - before, behavior: 'instant' })
      }
      then?.()
      this.moved()
    }
    const next = (this.moving ?? Promise.resolve()).then(run, run)
    const mine = next.finally(() => {
      if (this.moving === mine) this.moving = null
    })
    this.moving = mine
    return mine
  }

  /** On scroll: moves the window when the screen nears one of its placeholders. */
  private follow(): void {
    const view = this.view()
    if (!view || !view.dom.isConnected) return
    // A move still fetching its blocks: look again once it is in.
    if (this.moving) {
      void this.moving.then(() => this.onScroll())
      return
    }
    const top = this.top()
    const margin = window.innerHeight
    const near = placeholders(view).find((p) => {
      const r = p.getBoundingClientRect()
      return r.height > 0 && r.bottom > top - margin && r.top < window.innerHeight + margin
    })
    if (!near) return
    const jumped = this.offsetInPlaceholder(view, top)
    if (jumped !== null) {
      void this.moveTo(
        this.text.windowAround(jumped),
        () => scrollPosToTop(view, this.text.toPos(jumped), this.top()),
        false,
      )
      return
    }
    const pos = firstVisiblePos(view, top)
    if (pos === null) return
    const next = this.text.windowAround(this.text.toOffset(pos))
    const now = this.text.window
    if (next.first === now.first && next.end === now.end) return
    void this.moveTo(next)
  }

  /** The offset a placeholder under the screen's top stands for (in proportion to its text), or null. */
  private offsetInPlaceholder(view: EditorView, top: number): number | null {
    const { first, end } = this.text.window
    for (const p of placeholders(view)) {
      const r = p.getBoundingClientRect()
      if (r.height <= 0 || r.top > top || r.bottom <= top) continue
      const share = (top - r.top) / r.height
      const before = p === view.dom.firstElementChild && first > 0
      const from = before ? 0 : this.text.blockRange(end).start
      const to = before ? this.text.blockRange(first).start : this.text.length
      return Math.floor(from + share * (to - from))
    }
    return null
  }
}

/** The placeholder elements of the view (at most two: before and after the window). */
function placeholders(view: EditorView): HTMLElement[] {
  return [...view.dom.children].filter(
    (c): c is HTMLElement => c instanceof HTMLElement && c.classList.contains('section-placeholder'),
  )
}
