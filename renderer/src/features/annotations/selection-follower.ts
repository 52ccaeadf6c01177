import type { EditorView } from 'prosemirror-view'
import type { TextRange } from './selection-range'
import type { SelectionToolbar } from './selection-toolbar'

/**
 * Shows the selection toolbar beside the selection while there is one in
 * the text, and hides it otherwise. It waits for the mouse button to be
 * released (no toolbar flickering along a drag), follows keyboard selection
 * as it grows, and redraws at most once a frame. The bar lines up with the
 * start of the selection's paragraph direction: its left edge in a
 * left-to-right paragraph, its right edge in a right-to-left one; it sits a
 * whole line above the selection (below it when there is no room above), so
 * it covers neither the selected lines nor the line next to them.
 */
export class SelectionFollower {
  private dragging = false
  private frame = 0
  private readonly cleanups: (() => void)[] = []

  constructor(
    private readonly view: EditorView,
    private readonly toolbar: SelectionToolbar,
    private readonly read: () => TextRange | null,
    private readonly top: () => number,
  ) {
    const on = (target: Document | Window | HTMLElement, type: string, listener: () => void): void => {
      target.addEventListener(type, listener)
      this.cleanups.push(() => target.removeEventListener(type, listener))
    }
    on(view.dom, 'mousedown', () => {
      this.dragging = true
      toolbar.hide()
    })
    on(window, 'mouseup', () => {
      this.dragging = false
      this.schedule()
    })
    on(document, 'selectionchange', () => this.schedule())
    on(window, 'resize', () => this.schedule())
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    if (this.frame) cancelAnimationFrame(this.frame)
  }

  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.update()
    })
  }

  private update(): void {
    if (this.dragging || !this.view.dom.isConnected) return
    const range = this.read()
    if (!range) {
      this.toolbar.hide()
      return
    }
    const first = this.view.coordsAtPos(range.from, 1)
    const last = this.view.coordsAtPos(range.to, -1)
    // The whole selection, first line to last, lined up with where it starts.
    const anchor = {
      left: first.left,
      right: first.right,
      top: Math.min(first.top, last.top),
      bottom: Math.max(first.bottom, last.bottom),
    }
    this.toolbar.show(anchor, this.directionAt(range.from), this.top(), this.lineHeightAt(range.from))
  }

  /** The height of a line of text at a position, so the bar can leave the line next to the selection uncovered. */
  private lineHeightAt(pos: number): number {
    const { node } = this.view.domAtPos(pos)
    const element = node instanceof Element ? node : node.parentElement
    const height = element ? Number.parseFloat(getComputedStyle(element).lineHeight) : Number.NaN
    return Number.isFinite(height)
      ? height
      : 1.5 * Number.parseFloat(getComputedStyle(this.view.dom).fontSize)
  }

  /** The direction of the paragraph at a position (an English paragraph in an Arabic article is ltr). */
  private directionAt(pos: number): 'ltr' | 'rtl' {
    const { node } = this.view.domAtPos(pos)
    const element = node instanceof Element ? node : node.parentElement
    return element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr'
  }
}
