import type { EditorView } from 'prosemirror-view'
import { debounce } from '../../ui/debounce'
import type { TextOffsets } from '../../document/text-offsets'
import { firstVisiblePos, scrollPosToTop } from './visible-position'

/** Quiet time after the last scroll before the position is written. */
const SAVE_DELAY_MS = 500

/**
 * Remembers where the reader is in an article: after scrolling stops it
 * stores the plain-text offset of the first visible text, and on opening it
 * scrolls that text back to the top. Offsets, not pixels, so the place
 * survives a new font, size or window width.
 */
export class ReadingPosition {
  private last: number | null = null
  private listening = false
  private readonly save = debounce(() => this.capture(), SAVE_DELAY_MS)
  private readonly onScroll = (): void => this.save()
  private readonly onHide = (): void => this.save.flush()

  constructor(
    private readonly view: EditorView,
    private readonly offsets: TextOffsets,
    private readonly store: (offset: number) => void,
    private readonly top: () => number,
  ) {}

  /** Scrolls to a stored offset (or the top), then starts following the scroll. */
  restore(offset: number | null): void {
    if (offset === null || offset <= 0) {
      window.scrollTo({ top: 0, behavior: 'instant' })
    } else {
      scrollPosToTop(this.view, this.offsets.toPos(offset), this.top())
    }
    this.last = offset ?? 0
    // The scroll event of the restore itself arrives on the next frame: listen after it.
    requestAnimationFrame(() => requestAnimationFrame(() => this.listen()))
  }

  /** The offset at the top of the screen now. */
  current(): number | null {
    const pos = firstVisiblePos(this.view, this.top())
    if (pos === null) return null
    return window.scrollY <= 0 ? 0 : this.offsets.toOffset(pos)
  }

  /** Saves what is pending and stops listening. */
  destroy(): void {
    this.save.flush()
    window.removeEventListener('scroll', this.onScroll)
    window.removeEventListener('pagehide', this.onHide)
    this.listening = false
  }

  private listen(): void {
    if (this.listening || !this.view.dom.isConnected) return
    this.listening = true
    window.addEventListener('scroll', this.onScroll, { passive: true })
    window.addEventListener('pagehide', this.onHide)
  }

  private capture(): void {
    if (!this.view.dom.isConnected) return
    const offset = this.current()
    if (offset === null || offset === this.last) return
    this.last = offset
    this.store(offset)
  }
}
