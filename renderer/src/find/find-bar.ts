import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { DocNode } from '../../../common/document'
import { plainText } from '../../../common/plain-text'
import { prepareSearchText, type SearchText } from '../../../common/search/search-text'
import { button, el } from '../app/dom'
import type { TextOffsets } from '../reader/text-offsets'
import { strings } from '../strings'
import { findMatches } from './find-matches'
import { setFindState } from './find-plugin'

/**
 * Find in article (Ctrl/Cmd+F): a bar above the text with the match count,
 * next / previous (Enter, Shift+Enter), "ignore diacritics and letter
 * variants" on by default and whole-word matching. Escape closes it and
 * leaves the current match selected in the text, so H or 1–5 highlight it
 * like any selection. The article's folded text is built when the bar opens
 * and dropped when it closes.
 */
export class FindBar {
  readonly element: HTMLElement
  private readonly input = el('input', {
    class: 'find-input',
    attrs: { type: 'search', 'aria-label': strings.findLabel, placeholder: strings.findPlaceholder },
  })
  private readonly count = el('span', {
    class: 'find-count muted',
    attrs: { role: 'status', 'aria-live': 'polite' },
  })
  private readonly folded = el('input', { attrs: { type: 'checkbox' } })
  private readonly wholeWord = el('input', { attrs: { type: 'checkbox' } })
  private text: SearchText | null = null
  private matches: { from: number; to: number }[] = []
  private current = -1

  constructor(
    private readonly view: EditorView,
    private readonly offsets: TextOffsets,
  ) {
    this.folded.checked = true
    this.element = el('div', { class: 'find-bar', attrs: { role: 'search', hidden: true } }, [
      this.input,
      this.count,
      button('↑', () => this.step(-1), {
        class: 'icon-button',
        attrs: { 'aria-label': strings.findPrevious },
      }),
      button('↓', () => this.step(1), { class: 'icon-button', attrs: { 'aria-label': strings.findNext } }),
      el('label', { class: 'find-option' }, [this.folded, strings.findFolded]),
      el('label', { class: 'find-option' }, [this.wholeWord, strings.findWholeWord]),
      button('×', () => this.close(), { class: 'icon-button', attrs: { 'aria-label': strings.findClose } }),
    ])
    this.input.addEventListener('input', () => this.search())
    this.folded.addEventListener('change', () => this.search())
    this.wholeWord.addEventListener('change', () => this.search())
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        this.step(event.shiftKey ? -1 : 1)
      } else if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        this.close()
      }
    })
  }

  get isOpen(): boolean {
    return !this.element.hidden
  }

  open(): void {
    if (!this.text) this.text = prepareSearchText(plainText(this.view.state.doc.toJSON() as DocNode))
    this.element.hidden = false
    this.input.focus()
    this.input.select()
    if (this.input.value) this.search()
  }

  /**
   * Opens the bar on a query with its options, at the match that starts at
   * `start` (a code-point offset in the article's plain text), or else the
   * first after it: how a library-search result opens, with every match of
   * the query shown and Enter going on to the next.
   */
  openWith(query: string, options: { folded: boolean; wholeWord: boolean }, start: number): void {
    this.input.value = query
    this.folded.checked = options.folded
    this.wholeWord.checked = options.wholeWord
    this.open()
    const pos = this.offsets.toPos(start)
    const at = this.matches.findIndex((m) => m.from >= pos)
    if (at > 0) {
      this.current = at
      this.show()
    }
  }

  /** Closes the bar; the current match stays selected in the text, ready to be highlighted. */
  close(): void {
    const match = this.matches[this.current]
    this.element.hidden = true
    this.text = null
    this.matches = []
    this.current = -1
    let tr = setFindState(this.view.state.tr, { matches: [], current: -1 })
    if (match) tr = tr.setSelection(TextSelection.create(tr.doc, match.from, match.to))
    this.view.dispatch(tr)
    // ProseMirror's focus() does not focus a read-only view; the reader's text is focusable itself.
    this.view.dom.focus({ preventScroll: true })
    if (match) {
      // A read-only view does not draw its selection into the DOM; do it, so the page's selection is the match.
      const start = this.view.domAtPos(match.from)
      const end = this.view.domAtPos(match.to)
      document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
    }
  }

  private search(): void {
    if (!this.text) return
    const found = findMatches(this.text, this.input.value, {
      folded: this.folded.checked,
      wholeWord: this.wholeWord.checked,
    })
    this.matches = found.map((m) => ({ from: this.offsets.toPos(m.start), to: this.offsets.toPos(m.end) }))
    // Start from the first match at or after what is on screen, as browsers do.
    this.current = this.matches.length > 0 ? 0 : -1
    this.show()
  }

  private step(direction: 1 | -1): void {
    if (this.matches.length === 0) return
    this.current = (this.current + direction + this.matches.length) % this.matches.length
    this.show()
  }

  private show(): void {
    this.view.dispatch(setFindState(this.view.state.tr, { matches: this.matches, current: this.current }))
    this.count.textContent =
      this.input.value.trim() === ''
        ? ''
        : this.matches.length === 0
          ? strings.findNone
          : strings.findCount(this.current + 1, this.matches.length)
    const match = this.matches[this.current]
    if (match) {
      const { node } = this.view.domAtPos(match.from)
      const element = node instanceof Element ? node : node.parentElement
      element?.scrollIntoView({ block: 'center', behavior: 'instant' })
    }
  }
}
