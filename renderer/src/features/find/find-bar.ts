import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { DocNode } from '../../../../common/document'
import { plainText } from '../../../../common/plain-text'
import { prepareSearchText, type SearchText } from '../../../../common/search/search-text'
import { button, el } from '../../ui/dom'
import type { TextOffsets } from '../../document/text-offsets'
import { strings } from '../../ui/strings'
import { MatchScan } from './find-matches'
import { setFindState } from './find-plugin'
import {
  decoratedSlice,
  DECORATE_ALL_UP_TO,
  firstAtOrAfter,
  sliceServes,
  type MatchSlice,
} from './find-window'

/** Texts longer than this (UTF-16 units) are searched once typing pauses, not on every key. */
const SEARCH_AS_YOU_TYPE_UP_TO = 200_000

/** Matches looked at one by one to find the first below the screen's top edge, within one tall block. */
const MAX_LINE_CHECKS = 2000

/** The pause in typing that starts a search in a long text. */
const TYPING_PAUSE_MS = 250

/** The time a search may take in one frame before it lets the page draw (ms): under one 60 Hz frame. */
const SLICE_MS = 8

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
  /** Every match, as code-point ranges of the plain text, ascending. */
  private found: { start: number; end: number }[] = []
  private current = -1
  /** The matches decorated now (all of them unless there are many). */
  private slice: MatchSlice = [0, 0]
  private pendingSearch = 0
  /** The search being run a slice a frame, and its frame; null when none runs. */
  private scan: MatchScan | null = null
  private scanFrame = 0
  private scrollFrame = 0
  private readonly onScroll = () => {
    if (this.scrollFrame) return
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0
      this.followScreen()
    })
  }

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
    this.input.addEventListener('input', () => this.searchSoon())
    this.folded.addEventListener('change', () => this.search())
    this.wholeWord.addEventListener('change', () => this.search())
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        // Enter right after typing in a long text: the search that was waiting for a pause, at its first match
        // (and while a search runs, its first match is what it will show).
        if (this.pendingSearch) this.search()
        else if (!this.scan) this.step(event.shiftKey ? -1 : 1)
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
    this.openAt(null)
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
    this.openAt(start)
  }

  /** Opens the bar; a query already in it is searched again, from `start` (a code-point offset) or the screen. */
  private openAt(start: number | null): void {
    // A long article shown in sections holds only a part in its document: find searches the whole text.
    if (!this.text)
      this.text = prepareSearchText(
        this.offsets.wholeText?.() ?? plainText(this.view.state.doc.toJSON() as DocNode),
      )
    this.element.hidden = false
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    this.input.focus()
    this.input.select()
    if (this.input.value) this.search(start)
  }

  /** Closes the bar; the current match stays selected in the text, ready to be highlighted. */
  close(): void {
    const match = this.current >= 0 ? this.positions(this.current) : undefined
    this.element.hidden = true
    document.removeEventListener('scroll', this.onScroll, { capture: true })
    cancelAnimationFrame(this.scrollFrame)
    this.scrollFrame = 0
    clearTimeout(this.pendingSearch)
    this.pendingSearch = 0
    this.stopScan()
    this.text = null
    this.found = []
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

  /** Searches now in a short text; in a long one once typing pauses, so each key is not a search of the book. */
  private searchSoon(): void {
    clearTimeout(this.pendingSearch)
    this.pendingSearch = 0
    if (!this.text || this.text.original.length <= SEARCH_AS_YOU_TYPE_UP_TO) this.search()
    else this.pendingSearch = window.setTimeout(() => this.search(), TYPING_PAUSE_MS)
  }

  /**
   * Searches the text a slice a frame (MatchScan), so no key holds the page
   * for longer than a frame; a new key drops the search still running.
   * Once done, the current match is the first at `start` (a code-point
   * offset) or after it, else the first on screen, as browsers do.
   */
  private search(start: number | null = null): void {
    clearTimeout(this.pendingSearch)
    this.pendingSearch = 0
    this.stopScan()
    if (!this.text) return
    const scan = new MatchScan(this.text, this.input.value, {
      folded: this.folded.checked,
      wholeWord: this.wholeWord.checked,
    })
    this.scan = scan
    const slice = (): void => {
      this.scanFrame = 0
      const until = performance.now() + SLICE_MS
      if (!scan.run(() => performance.now() >= until)) {
        this.scanFrame = requestAnimationFrame(slice)
        return
      }
      this.scan = null
      this.found = scan.found
      const first = start === null ? this.firstOnScreen() : firstAtOrAfter(this.found, start)
      this.current = this.found.length === 0 ? -1 : first < this.found.length ? first : 0
      this.show()
    }
    slice()
  }

  private stopScan(): void {
    cancelAnimationFrame(this.scanFrame)
    this.scanFrame = 0
    this.scan = null
  }

  private step(direction: 1 | -1): void {
    const count = this.found.length
    if (count === 0 || this.scan) return
    this.current = (this.current + direction + count) % count
    this.show()
  }

  /** Document positions of match `i`. */
  private positions(i: number): { from: number; to: number } {
    const { start, end } = this.found[i]!
    return { from: this.offsets.toPos(start), to: this.offsets.toPos(end) }
  }

  /**
   * Index of the first match on screen, below the bar (or the count if the
   * text is above the screen). The search starts at the top of the block
   * under the screen's top edge and skips matches on lines above that edge,
   * whichever way the block runs.
   */
  private firstOnScreen(): number {
    const text = this.view.dom.getBoundingClientRect()
    const top = Math.max(text.top, this.element.getBoundingClientRect().bottom) + 1
    if (top >= Math.min(text.bottom, window.innerHeight)) return top >= text.bottom ? this.found.length : 0
    const hit = this.view.posAtCoords({ left: text.left + text.width / 2, top })
    if (!hit) return 0
    const $hit = this.view.state.doc.resolve(hit.pos)
    const blockStart = $hit.parent.isTextblock ? $hit.start() : hit.pos
    let i = firstAtOrAfter(this.found, this.offsets.toOffset(blockStart))
    for (let seen = 0; i < this.found.length && seen < MAX_LINE_CHECKS; i++, seen++) {
      const line = this.view.coordsAtPos(this.positions(i).from)
      if ((line.top + line.bottom) / 2 >= top) break
    }
    return i
  }

  /** With many matches, moves the decorated slice along as the page scrolls. */
  private followScreen(): void {
    const count = this.found.length
    if (count <= DECORATE_ALL_UP_TO) return
    const first = this.firstOnScreen()
    if (sliceServes(this.slice, count, first)) return
    this.slice = decoratedSlice(count, first)
    this.decorate()
  }

  private decorate(): void {
    const [from, to] = this.slice
    const matches: { from: number; to: number }[] = []
    for (let i = from; i < to; i++) matches.push(this.positions(i))
    this.view.dispatch(setFindState(this.view.state.tr, { matches, current: this.current - from }))
  }

  /** Draws the matches again (the laid-out section of a long article moved). */
  redraw(): void {
    if (this.isOpen && this.found.length > 0) this.decorate()
  }

  private show(): void {
    const count = this.found.length
    // In a long article shown in sections, the current match's section is laid out first.
    const match = this.found[this.current]
    if (match) this.offsets.reveal?.(match.start, match.end)
    this.slice = decoratedSlice(count, Math.max(0, this.current))
    this.decorate()
    this.count.textContent =
      this.input.value.trim() === ''
        ? ''
        : count === 0
          ? strings.findNone
          : strings.findCount(this.current + 1, count)
    // The current match itself (not its paragraph, which may be taller than the window), below the bar.
    const current = this.view.dom.querySelector('.find-current')
    if (current) {
      const box = current.getBoundingClientRect()
      if (box.top < this.element.getBoundingClientRect().bottom || box.bottom > window.innerHeight)
        current.scrollIntoView({ block: 'center', behavior: 'instant' })
    }
  }
}
