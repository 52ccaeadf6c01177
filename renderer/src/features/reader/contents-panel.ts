import type { OutlineEntry } from '../../../../common/outline/document-outline'
import { pageStart } from '../../../../common/outline/document-outline'
import { typedPageNumber, type PageMark } from '../../../../common/outline/page-markers'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'

/**
 * The table of contents the Contents button opens: the article's headings
 * (or a plain-text book's chapter markers), each a button that goes to its
 * place, and, where the text has printed pages, "Go to page". A page that
 * does not exist is refused with the pages there are, and nothing moves.
 */
export class ContentsPanel {
  readonly element: HTMLElement
  private readonly entries: HTMLButtonElement[]
  private readonly pageInput = el('input', {
    class: 'toc-page-input',
    attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 5 },
  })
  private readonly pageError = el('p', { class: 'toc-error', attrs: { role: 'alert', hidden: true } })
  private current = -1

  constructor(
    entries: readonly OutlineEntry[],
    private readonly pages: readonly PageMark[],
    private readonly goTo: (offset: number) => void,
  ) {
    this.entries = entries.map((entry) =>
      button(entry.title, () => this.goTo(entry.offset), {
        class: 'toc-entry',
        attrs: { dir: 'auto', 'data-level': entry.level },
      }),
    )
    const list =
      this.entries.length > 0
        ? el(
            'ol',
            { class: 'toc-list' },
            this.entries.map((b) => el('li', {}, [b])),
          )
        : el('p', { class: 'muted', text: strings.readerContentsNone })
    const inputId = uid('toc-page')
    this.pageInput.id = inputId
    const pageForm =
      pages.length > 0
        ? el('form', { class: 'toc-pages', on: { submit: (event) => this.submitPage(event) } }, [
            el('label', { attrs: { for: inputId }, text: strings.readerGoToPage }),
            this.pageInput,
            el('button', { attrs: { type: 'submit' }, text: strings.readerGo }),
            this.pageError,
          ])
        : null
    this.element = el(
      'nav',
      {
        class: 'toc-panel',
        attrs: { id: uid('toc'), 'aria-label': strings.readerContentsLabel, hidden: true },
      },
      [list, pageForm],
    )
  }

  /** Marks the entry the reading position is in (`aria-current`), index -1 for none. */
  markCurrent(index: number): void {
    if (index === this.current) return
    this.entries[this.current]?.removeAttribute('aria-current')
    this.current = index
    this.entries[index]?.setAttribute('aria-current', 'location')
  }

  /** Focus on opening: the entry the reader is in, else the first, else the page field. */
  focusFirst(): void {
    const target = this.entries[this.current] ?? this.entries[0] ?? this.pageInput
    target.focus()
    if (target === this.entries[this.current]) target.scrollIntoView({ block: 'nearest' })
  }

  private submitPage(event: SubmitEvent): void {
    event.preventDefault()
    const page = typedPageNumber(this.pageInput.value)
    const offset = page === null ? null : pageStart(this.pages, page)
    if (offset === null) {
      let first = Infinity
      let last = 0
      for (const p of this.pages) {
        first = Math.min(first, p.page)
        last = Math.max(last, p.page)
      }
      this.pageError.textContent = strings.readerNoSuchPage(first, last)
      this.pageError.hidden = false
      this.pageInput.setAttribute('aria-invalid', 'true')
      return
    }
    this.pageError.hidden = true
    this.pageInput.removeAttribute('aria-invalid')
    this.goTo(offset)
  }
}
