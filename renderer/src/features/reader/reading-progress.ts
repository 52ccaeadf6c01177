import {
  lastAtOrBefore,
  pageAt,
  percentAt,
  type DocumentOutline,
} from '../../../../common/outline/document-outline'
import { el } from '../../ui/dom'
import { strings } from '../../ui/strings'
import { ContentsPanel } from './contents-panel'

/** What the progress bar asks of the reader. */
export interface ProgressHost {
  /** Plain-text offset of the first text on screen, or null when none is. */
  current(): number | null
  /** Brings the text at this offset to the top of the screen and focuses the text. */
  goTo(offset: number): void
}

/**
 * The bar kept at the bottom of the text column (sticky) while one reads:
 * how far in one is (percent of the text, and the printed page where the
 * text has page markers) and the Contents button that opens the table of
 * contents above it. It follows the scroll, once a frame at most.
 */
export class ReadingProgress {
  readonly element: HTMLElement
  private readonly position = el('span', { class: 'reader-position' })
  private readonly toggle: HTMLButtonElement | null
  private readonly panel: ContentsPanel | null
  private frame = 0
  private readonly onScroll = (): void => {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.update()
    })
  }

  constructor(
    private readonly outline: DocumentOutline,
    private readonly host: ProgressHost,
  ) {
    const hasContents = outline.entries.length > 0 || outline.pages.length > 0
    this.panel = hasContents ? new ContentsPanel(outline.entries, outline.pages, (o) => this.goTo(o)) : null
    this.toggle = this.panel
      ? el('button', {
          class: 'toc-toggle',
          attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': this.panel.element.id },
          text: strings.readerContents,
          on: { click: () => this.setOpen(this.panel!.element.hidden) },
        })
      : null
    this.element = el(
      'div',
      {
        class: 'reader-progress',
        on: {
          keydown: (event) => {
            if (event.key !== 'Escape' || !this.isOpen) return
            event.preventDefault()
            event.stopPropagation()
            this.setOpen(false)
            this.toggle?.focus()
          },
        },
      },
      [this.panel?.element, el('div', { class: 'reader-progress-bar' }, [this.position, this.toggle])],
    )
    window.addEventListener('scroll', this.onScroll, { passive: true })
    this.update()
  }

  /** Whether the article has headings or pages to list. */
  get hasContents(): boolean {
    return this.panel !== null
  }

  get isOpen(): boolean {
    return this.panel !== null && !this.panel.element.hidden
  }

  /** Shows where the screen's top is now; at the very end of the page, 100%. */
  update(): void {
    const atEnd =
      window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    const offset = atEnd ? this.outline.length : (this.host.current() ?? 0)
    const page = pageAt(this.outline.pages, offset)
    const last = this.outline.pages.at(-1)?.page
    const percent = strings.readerPercent(percentAt(this.outline, offset))
    this.position.textContent =
      page && last !== undefined ? `${percent} · ${strings.readerPage(page.page, last)}` : percent
    this.panel?.markCurrent(lastAtOrBefore(this.outline.entries, offset))
  }

  /** Opens or closes the table of contents; opening puts focus on the entry one is reading. */
  setOpen(open: boolean): void {
    if (!this.panel || !this.toggle) return
    this.panel.element.hidden = !open
    this.toggle.setAttribute('aria-expanded', String(open))
    if (open) {
      this.update()
      this.panel.focusFirst()
    }
  }

  destroy(): void {
    window.removeEventListener('scroll', this.onScroll)
    cancelAnimationFrame(this.frame)
  }

  private goTo(offset: number): void {
    this.setOpen(false)
    this.host.goTo(offset)
    this.update()
  }
}
