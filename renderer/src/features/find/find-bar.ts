import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { DocNode } from '../../../../common/document'
import { firstAtOrAfter, type MatchPage } from '../../../../common/find/match-page'
import { MatchScan, type FoundRange } from '../../../../common/find/match-scan'
import { plainText } from '../../../../common/plain-text'
import { prepareSearchText, type SearchText } from '../../../../common/search/search-text'
import { button, el } from '../../ui/dom'
import type { ArticleSearch } from '../../document/reader-parts'
import type { TextOffsets } from '../../document/text-offsets'
import { strings } from '../../ui/strings'
import { currentMatchRange } from './find-highlights'
import { setFindState } from './find-plugin'
import { decoratedSlice, DECORATE_ALL_UP_TO, SLICE_SIDE, sliceServes, type MatchSlice } from './find-window'

/** Texts longer than this (UTF-16 units) are searched once typing pauses, not on every key. */
const SEARCH_AS_YOU_TYPE_UP_TO = 200_000

/** Matches looked at one by one to find the first below the screen's top edge, within one tall block. */
const MAX_LINE_CHECKS = 2000

/** The pause in typing that starts a search in a long text. */
const TYPING_PAUSE_MS = 250

/** Code points counted as a screenful around which main's matches are decorated (a long line holds about 1,500 on screen). */
const SCREEN_POINTS = 3000

/** The time a search may take in one frame before it lets the page draw (ms): under one 60 Hz frame. */
const SLICE_MS = 8

/**
 * Find in article (Ctrl/Cmd+F): a bar above the text with the match count,
 * next / previous (Enter, Shift+Enter), "ignore diacritics and letter
 * variants" on by default and whole-word matching. Escape closes it and
 * leaves the current match selected in the text, so H or 1–5 highlight it
 * like any selection. The article's folded text is built when the bar opens
 * and dropped when it closes.
 *
 * A long article (`search` given: the page holds only a window of its
 * text) is searched by main on every key; the bar holds the total and a
 * page of matches around the one shown (common/find/match-page.ts), asks
 * for another page when it steps or scrolls past it, and draws only the
 * matches near the screen. Matches are drawn as CSS Custom Highlights
 * (find-highlights.ts), which add no element to the text, so a key costs
 * the page a repaint, not a new layout of its paragraphs.
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
  /** The matches held, as code-point ranges of the plain text, ascending: every one, or main's page of them. */
  private found: FoundRange[] = []
  /** Index of `found[0]` among all matches (0 unless main pages them). */
  private pageFrom = 0
  /** Every match in the article. */
  private total = 0
  /** The current match's index among all of them, or -1. */
  private current = -1
  /** Main's searches asked for, so a late answer to an older one is dropped. */
  private asked = 0
  /** A search of main's still to answer: stepping waits for it. */
  private awaiting = false
  /** Matches shown (`show`): a reveal still running draws only if no later one began. */
  private shown = 0
  /** The show whose match's section is being laid out (0: none): the move's redraw is left to it, which draws and scrolls to it. */
  private revealing = 0
  /** With main's pages: the code points [from, to) whose matches are decorated now. */
  private decorated: { from: number; to: number } | null = null
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
    /** Main's find, for a long article; null: the page searches the text it holds. */
    private readonly remote: ArticleSearch | null = null,
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
        else if (!this.scan && !this.awaiting) this.step(event.shiftKey ? -1 : 1)
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
    // A long article shown in sections holds only a part of its text: main searches it.
    if (!this.text && !this.remote)
      this.text = prepareSearchText(plainText(this.view.state.doc.toJSON() as DocNode))
    this.element.hidden = false
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    this.input.focus()
    this.input.select()
    if (this.input.value) this.search(start)
  }

  /** Closes the bar; the current match stays selected in the text, ready to be highlighted. */
  close(): void {
    const match = this.held(this.current) ? this.positions(this.current) : undefined
    this.element.hidden = true
    document.removeEventListener('scroll', this.onScroll, { capture: true })
    cancelAnimationFrame(this.scrollFrame)
    this.scrollFrame = 0
    clearTimeout(this.pendingSearch)
    this.pendingSearch = 0
    this.stopScan()
    this.asked++
    this.shown++
    this.awaiting = false
    this.revealing = 0
    this.text = null
    this.setPage({ total: 0, from: 0, matches: [], at: 0 })
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
    // Main searches a long article off the page, a slice at a time, and drops a search the next key replaces.
    if (this.remote || !this.text || this.text.original.length <= SEARCH_AS_YOU_TYPE_UP_TO) this.search()
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
    if (this.remote) return this.searchInMain(start)
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
      this.setPage({ total: scan.found.length, from: 0, matches: scan.found, at: 0 })
      const first = start === null ? this.firstOnScreen() : firstAtOrAfter(this.found, start)
      this.current = this.found.length === 0 ? -1 : first < this.found.length ? first : 0
      this.show()
    }
    slice()
  }

  /**
   * Asks main for the matches (a long article): the total and a page around
   * `start` or the text at the top of the screen; the current match is the
   * first there, as in `search`. An answer to a search a later key replaced
   * is dropped (main stops that search too).
   */
  private searchInMain(start: number | null): void {
    const asked = ++this.asked
    const query = this.input.value
    if (query.trim() === '') {
      this.awaiting = false
      this.setPage({ total: 0, from: 0, matches: [], at: 0 })
      this.current = -1
      this.show()
      return
    }
    this.awaiting = true
    const near = start ?? this.screenOffset()
    void this.ask({ offset: near }, asked).then((page) => {
      if (!page) return
      this.awaiting = false
      const first = start === null ? this.firstOnScreen() : page.at
      this.current = page.total === 0 ? -1 : first < page.total ? first : 0
      this.show()
    })
  }

  /** One question to main about the query in the bar; the page it answers (held), or null when a newer one replaced it. */
  private async ask(
    near: { offset?: number; index?: number },
    asked = ++this.asked,
  ): Promise<MatchPage | null> {
    try {
      const answer = await this.remote!(
        this.input.value,
        { folded: this.folded.checked, wholeWord: this.wholeWord.checked },
        near,
      )
      if (asked !== this.asked || answer.superseded || !this.isOpen) return null
      this.setPage(answer)
      return answer
    } catch {
      if (asked === this.asked) this.awaiting = false
      return null
    }
  }

  /** Holds a page of matches (every match, in the page's own search). */
  private setPage(page: MatchPage): void {
    this.found = page.matches
    this.pageFrom = page.from
    this.total = page.total
    this.decorated = null
  }

  /** Whether match `i` (an index among all) is in the page held. */
  private held(i: number): boolean {
    return i >= this.pageFrom && i < this.pageFrom + this.found.length
  }

  /** Code point at the start of the block under the screen's top edge (where a search begins), or 0. */
  private screenOffset(): number {
    const pos = this.topPos()
    return pos === null ? 0 : this.offsets.toOffset(pos)
  }

  /** Document position of the start of the text block under the top edge of the screen, below the bar. */
  private topPos(): number | null {
    const text = this.view.dom.getBoundingClientRect()
    const top = Math.max(text.top, this.element.getBoundingClientRect().bottom) + 1
    if (top >= Math.min(text.bottom, window.innerHeight)) return null
    const hit = this.view.posAtCoords({ left: text.left + text.width / 2, top })
    if (!hit) return null
    const $hit = this.view.state.doc.resolve(hit.pos)
    return $hit.parent.isTextblock ? $hit.start() : hit.pos
  }

  private stopScan(): void {
    cancelAnimationFrame(this.scanFrame)
    this.scanFrame = 0
    this.scan = null
  }

  private step(direction: 1 | -1): void {
    const count = this.total
    if (count === 0 || this.scan || this.awaiting) return
    this.current = (this.current + direction + count) % count
    this.show()
  }

  /** Document positions of match `i` (an index among all; it must be held). */
  private positions(i: number): { from: number; to: number } {
    const { start, end } = this.found[i - this.pageFrom]!
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
    const last = this.pageFrom + this.found.length
    if (top >= Math.min(text.bottom, window.innerHeight)) return top >= text.bottom ? last : this.pageFrom
    const blockStart = this.topPos()
    if (blockStart === null) return this.pageFrom
    let i = this.pageFrom + firstAtOrAfter(this.found, this.offsets.toOffset(blockStart))
    for (let seen = 0; i < last && seen < MAX_LINE_CHECKS; i++, seen++) {
      const line = this.view.coordsAtPos(this.positions(i).from)
      if ((line.top + line.bottom) / 2 >= top) break
    }
    return i
  }

  /** With many matches, moves the decorated slice along as the page scrolls. */
  private followScreen(): void {
    if (this.remote) return this.followInWindow()
    const count = this.found.length
    if (count <= DECORATE_ALL_UP_TO) return
    const first = this.firstOnScreen()
    if (sliceServes(this.slice, count, first)) return
    this.slice = decoratedSlice(count, first)
    this.decorate()
  }

  /**
   * With main's pages: once the screen leaves the code points decorated,
   * decorates those around it, asking main first for the page there when
   * the one held does not reach it.
   */
  private followInWindow(): void {
    if (this.total === 0 || this.awaiting) return
    const at = this.screenOffset()
    const d = this.decorated
    if (d && at >= d.from && at + SCREEN_POINTS <= d.to) return
    const first = this.found[0]
    const last = this.found[this.found.length - 1]
    const reachesBack = this.pageFrom === 0 || (first !== undefined && at >= first.start)
    const reachesOn =
      this.pageFrom + this.found.length >= this.total ||
      (last !== undefined && at + 2 * SCREEN_POINTS <= last.start)
    if (reachesBack && reachesOn) return this.decorateAround(at)
    void this.ask({ offset: at }).then((page) => page && this.decorateAround(this.screenOffset()))
  }

  private decorate(): void {
    if (this.remote) {
      const match = this.held(this.current) ? this.found[this.current - this.pageFrom]! : null
      return this.decorateAround(match ? match.start : this.screenOffset())
    }
    const [from, to] = this.slice
    const matches: { from: number; to: number }[] = []
    for (let i = from; i < to; i++) matches.push(this.positions(i))
    this.view.dispatch(setFindState(this.view.state.tr, { matches, current: this.current - from }))
  }

  /**
   * Decorates the held matches near code point `at` (a screen's worth of
   * text each side, SLICE_SIDE matches at most each side) that are laid
   * out: redrawing a few lines on each key, not every long line that has a
   * match in the window.
   */
  private decorateAround(at: number): void {
    const centre = firstAtOrAfter(this.found, at)
    let from = centre
    let to = centre
    const lo = at - SCREEN_POINTS
    const hi = at + 2 * SCREEN_POINTS
    while (from > 0 && centre - from < SLICE_SIDE && this.found[from - 1]!.start >= lo) from--
    while (to < this.found.length && to - centre < SLICE_SIDE && this.found[to]!.start < hi) to++
    const matches: { from: number; to: number }[] = []
    let current = -1
    for (let i = from; i < to; i++) {
      const m = this.found[i]!
      if (!this.offsets.reveal || this.inWindow(m)) {
        if (i + this.pageFrom === this.current) current = matches.length
        matches.push(this.positions(i + this.pageFrom))
      }
    }
    this.decorated = { from: lo, to: hi }
    this.view.dispatch(setFindState(this.view.state.tr, { matches, current }))
  }

  /** Whether a match lies in the laid-out text (its positions would not both clamp to one edge). */
  private inWindow(m: FoundRange): boolean {
    return this.offsets.toOffset(this.offsets.toPos(m.start)) === m.start
  }

  /**
   * Scrolls the current match itself (not its paragraph, which may be taller
   * than the window) to the middle of the screen below the bar, when it is
   * not already there. Its geometry is read once, after the highlights were
   * set, which change no layout.
   */
  private scrollToCurrent(): void {
    const current = currentMatchRange()
    if (!(current instanceof Range)) return
    const box = current.getBoundingClientRect()
    const barBottom = this.element.getBoundingClientRect().bottom
    if (box.top >= barBottom && box.bottom <= window.innerHeight) return
    const middle = (barBottom + window.innerHeight) / 2
    window.scrollBy({ top: (box.top + box.bottom) / 2 - middle, behavior: 'instant' })
  }

  /** Draws the matches again (the laid-out section of a long article moved): with main's pages, those near the screen. */
  redraw(): void {
    if (!this.isOpen || this.total === 0 || this.revealing !== 0) return
    if (!this.remote) return this.decorate()
    this.decorated = null
    this.followInWindow()
  }

  private show(): void {
    const count = this.total
    this.count.textContent =
      this.input.value.trim() === ''
        ? ''
        : count === 0
          ? strings.findNone
          : strings.findCount(this.current + 1, count)
    if (this.remote && this.current >= 0 && !this.held(this.current)) {
      // A match past the page held (stepping on): main's page around it first.
      this.awaiting = true
      void this.ask({ index: this.current }).then((page) => {
        if (!page) return
        this.awaiting = false
        this.show()
      })
      return
    }
    // In a long article shown in sections, the current match's section is laid out (fetched from main) first.
    const match = this.held(this.current) ? this.found[this.current - this.pageFrom] : undefined
    const revealed = match ? this.offsets.reveal?.(match.start, match.end) : undefined
    const shown = ++this.shown
    const draw = (): void => {
      if (this.revealing === shown) this.revealing = 0
      if (shown !== this.shown || !this.isOpen) return
      this.slice = decoratedSlice(this.found.length, Math.max(0, this.current - this.pageFrom))
      this.decorate()
      this.scrollToCurrent()
    }
    if (revealed) {
      this.revealing = shown
      void revealed.then(draw)
    } else draw()
  }
}
