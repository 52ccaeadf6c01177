import type { EditorView } from 'prosemirror-view'
import type { BlockWindow, WindowedText } from '../../document/windowed-text'
import { firstVisiblePos, scrollPosToTop } from './visible-position'

/** Articles with at least this many code points of text are shown in sections; shorter ones whole, as before. */
export const SECTIONS_FROM = 300_000

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
 */
export class ReaderSections {
  private pxPerPoint = GUESS_PX_PER_POINT
  private frame = 0
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
    text.onReveal = (start) => this.moveTo(text.windowAround(start))
  }

  /** The first document: the window around the opening offset. */
  initialDoc(offset: number | null): ReturnType<WindowedText['setWindow']> {
    return this.text.setWindow(this.text.windowAround(offset ?? 0), this.heightOf)
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
    this.moveTo(this.text.window)
    window.addEventListener('scroll', this.onScroll, { passive: true })
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    window.removeEventListener('scroll', this.onScroll)
    this.text.onReveal = null
  }

  private readonly heightOf = (first: number, end: number): number => {
    const from = this.text.blockRange(first).start
    const to = this.text.blockRange(end - 1).end
    return (to - from) * this.pxPerPoint
  }

  /** Lays out `window` in place of the current one. */
  private moveTo(window: BlockWindow): void {
    const view = this.view()
    if (!view) return
    const doc = this.text.setWindow(window, this.heightOf)
    const tr = view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content)
    view.dispatch(tr.setMeta('addToHistory', false))
    this.moved()
  }

  /** On scroll: moves the window when the screen nears one of its placeholders. */
  private follow(): void {
    const view = this.view()
    if (!view || !view.dom.isConnected) return
    const top = this.top()
    const margin = window.innerHeight
    const near = placeholders(view).find((p) => {
      const r = p.getBoundingClientRect()
      return r.height > 0 && r.bottom > top - margin && r.top < window.innerHeight + margin
    })
    if (!near) return
    const jumped = this.offsetInPlaceholder(view, top)
    if (jumped !== null) {
      this.moveTo(this.text.windowAround(jumped))
      scrollPosToTop(view, this.text.toPos(jumped), top)
      return
    }
    const pos = firstVisiblePos(view, top)
    if (pos === null) return
    const offset = this.text.toOffset(pos)
    const next = this.text.windowAround(offset)
    const now = this.text.window
    if (next.first === now.first && next.end === now.end) return
    const before = view.coordsAtPos(pos, 1).top
    this.moveTo(next)
    const after = view.coordsAtPos(this.text.toPos(offset), 1).top
    if (after !== before) window.scrollBy({ top: after - before, behavior: 'instant' })
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
