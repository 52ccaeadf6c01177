import { Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { AnchoredAnnotation, HighlightColor } from '../../../../common/annotation'
import type { ArticleSummary } from '../../../../common/article'
import { el } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { inTextField } from '../../ui/keys'
import type { Toast, ToastOptions } from '../../ui/toasts'
import type { TextOffsets } from '../../document/text-offsets'
import { strings } from '../../ui/strings'
import { firstStrongOfNode } from '../../document/text-direction'
import { AnnotationActions, type AnnotationApi, type Outcome } from './annotation-actions'
import type { ConflictChoice } from '../../../../common/sharing/resolve-conflict'
import { excerpt } from './annotation-parts'
import { AnnotationStore, type StoreChange } from './annotation-store'
import { lastColor, rememberColor } from './colors'
import { HIGHLIGHTS_DRAWN_MARK, LATER_CHUNK, splitForFirstPaint } from './first-paint'
import type { Box } from './floating'
import { highlightBox, highlightDirection, scrollToHighlight } from './highlight-dom'
import { highlightKeys, selectionKey, type KeyTarget } from './highlight-keys'
import { nextHighlight } from './highlight-order'
import { dispatchHighlights, highlightsPlugin, type Highlight } from './highlight-plugin'
import { HighlightPopover } from './highlight-popover'
import { History } from './history'
import { NotesPanel } from './notes-panel'
import { windowWidth } from './narrow-window'
import { loadPanelOpen, savePanelOpen } from './panel-memory'
import { SelectionFollower } from './selection-follower'
import { readSelection, type TextRange } from './selection-range'
import { SelectionToolbar } from './selection-toolbar'
import { formatInteger } from '../../ui/format'

/** What the annotation layer needs from the reader around it. */
export interface AnnotationHost {
  api: AnnotationApi
  summary: ArticleSummary
  offsets: TextOffsets
  /** Viewport y of the bottom of the top bar. */
  top(): number
  openLink(href: string): void
  notify(options: ToastOptions): Toast
  /** Document position of the first text on screen. */
  firstVisiblePos(view: EditorView): number | null
  /** The plain-text offset the reader opens at (its saved reading position), or null for the top. */
  openingOffset: number | null
}

/** How long a highlight flashes after the panel jumps to it. */
const FLASH_MS = 1600

/**
 * Highlights and notes for one open article: it owns the store of its
 * annotations, the undo history, the highlights plugin, the selection
 * toolbar, the popover and the notes panel, and wires them to each other and
 * to the keyboard. The reader creates it before its EditorView (for the
 * plugins), attaches it to the view, and destroys it with the view.
 */
export class AnnotationController implements KeyTarget {
  readonly store: AnnotationStore
  readonly history: History
  readonly panel: NotesPanel
  readonly toggle: HTMLButtonElement
  private readonly actions: AnnotationActions
  private readonly toolbar: SelectionToolbar
  private readonly popover: HighlightPopover
  private readonly live = el('p', {
    class: 'visually-hidden',
    attrs: { role: 'status', 'aria-live': 'polite' },
  })
  private view: EditorView | null = null
  private active: string | null = null
  private follower: SelectionFollower | null = null
  private page: HTMLElement | null = null
  /** Ids of highlights not drawn yet (a large set, drawn after the first paint). */
  private undrawn: string[] = []
  private drawTimer: ReturnType<typeof setTimeout> | null = null
  private downAt = { x: 0, y: 0 }
  private flashTimer: ReturnType<typeof setTimeout> | null = null
  private returnFocus: HTMLElement | null = null
  private deleteToast: Toast | null = null
  private readonly cleanups: (() => void)[] = []
  private readonly width = windowWidth()

  constructor(
    private readonly host: AnnotationHost,
    annotations: AnchoredAnnotation[],
  ) {
    this.store = new AnnotationStore(host.summary.id, annotations)
    this.history = new History((kind, err) =>
      host.notify({
        message: (kind === 'undo' ? strings.undoFailed : strings.redoFailed) + errorMessage(err),
        kind: 'error',
      }),
    )
    this.actions = new AnnotationActions(host.api, this.store, this.history)
    this.toolbar = new SelectionToolbar({
      highlight: (color) => void this.highlightSelection(color, false),
      note: () => void this.highlightSelection(lastColor(), true),
    })
    this.popover = new HighlightPopover(
      {
        recolor: (id, color) => this.recolor(id, color),
        saveNote: (id, note) => this.actions.update(id, { note }),
        saveTags: (id, tags) => this.actions.update(id, { tags }),
        remove: (id) => this.remove(id),
        openLink: host.openLink,
        leave: () => this.view?.dom.focus({ preventScroll: true }),
        onClose: (hadFocus) => this.popoverClosed(hadFocus),
      },
      host.summary.lang,
    )
    this.panel = new NotesPanel(
      this.store,
      {
        goTo: (id) => this.goTo(id),
        edit: (id, opener) => this.editFromPanel(id, opener),
        saveNote: (id, note) => this.actions.update(id, { note }),
        remove: async (id) => (await this.remove(id)).ok,
        openLink: host.openLink,
        directionOf: (a) => this.paragraphDirection(a),
        hiddenAuthorsChanged: () => this.redrawAll(),
        resolve: (id, versionId, choice) => void this.resolveConflict(id, versionId, choice),
        addNote: (about, note) => this.actions.createNote(about, note),
      },
      host.summary.lang,
      () => this.setPanelOpen(false, true),
    )
    this.toggle = el('button', {
      class: 'notes-toggle',
      attrs: {
        type: 'button',
        'aria-controls': this.panel.element.id,
        title: strings.notesPanelShortcut,
        'data-action': 'toggle-notes',
      },
    })
    // On a narrow window the panel opens over the text, so focus goes into it (Escape gives it back).
    this.toggle.addEventListener('click', () => this.setPanelOpen(!this.panel.open, this.width.narrow))
    this.panel.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !this.width.narrow || !this.panel.open) return
      event.preventDefault()
      this.setPanelOpen(false, false)
    })
    this.cleanups.push(this.store.subscribe((change) => this.onStoreChange(change)))
    this.cleanups.push(this.history.subscribe(() => this.dismissDeleteToast()))
  }

  /**
   * The highlights plugin (with the highlights to draw before the first
   * paint: all of them, or for a heavily annotated book those around the
   * reading position; see first-paint.ts) and the keyboard and mouse
   * handling in the text.
   */
  plugins(): Plugin[] {
    const { now, later } = splitForFirstPaint(this.store.all, this.host.openingOffset ?? 0)
    this.undrawn = later
    return [
      highlightsPlugin(this.toHighlights(now)),
      highlightKeys(this),
      new Plugin({
        props: {
          handleDOMEvents: {
            mousedown: (_view, event) => {
              this.downAt = { x: event.clientX, y: event.clientY }
              return false
            },
            click: (_view, event) => this.onTextClick(event),
          },
        },
      }),
    ]
  }

  /** Starts following the selection, the keyboard and the window, once the view exists. */
  attach(view: EditorView, page: HTMLElement): void {
    this.view = view
    this.page = page
    page.dataset.highlights = this.undrawn.length > 0 ? 'partial' : 'all'
    if (this.undrawn.length === 0) performance.mark(HIGHLIGHTS_DRAWN_MARK)
    document.body.append(this.popover.element)
    // The toolbar is no dialog: it belongs in the page's main landmark, after the text it acts on.
    page.append(this.panel.element, this.toolbar.element, this.live)
    const listen = <K extends keyof DocumentEventMap>(
      target: Document | Window,
      type: K,
      listener: (event: DocumentEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ): void => {
      target.addEventListener(type, listener as EventListener, options)
      this.cleanups.push(() => target.removeEventListener(type, listener as EventListener, options))
    }
    this.follower = new SelectionFollower(view, this.toolbar, () => this.currentSelection(), this.host.top)
    listen(document, 'keydown', (event) => {
      if (event.defaultPrevented) return
      // Undo, redo and the notes panel's keys are the app's commands (shell/app-commands.ts).
      if (this.selectionKeyOutsideText(event)) event.preventDefault()
    })
    listen(document, 'mousedown', (event) => this.onDocumentMouseDown(event), { capture: true })
    listen(window, 'resize', () => this.repositionPopover())
    // A narrow window: the panel would cover the ends of the lines, so it waits for its toggle.
    this.setPanelOpen(!this.width.narrow && loadPanelOpen(), false, false)
    this.cleanups.push(
      this.width.watch((narrow) => this.setPanelOpen(!narrow && loadPanelOpen(), false, false)),
    )
    this.updateToggle()
  }

  /**
   * Draws the highlights left out of the first paint, a chunk at a time with
   * the browser free to paint and handle input in between. Called by the
   * reader once its text is on screen.
   */
  /**
   * Annotations another window changed: shown as main now has them, except
   * one whose note is being written here: its save is then refused as made
   * on an older version, with the text kept, and the current one loaded.
   */
  syncFromMain(ids: readonly string[]): Promise<void> {
    const writing = this.popover.isEditing ? this.popover.current : null
    return this.actions.syncFromMain(ids.filter((id) => id !== writing))
  }

  drawRest(): void {
    if (this.drawTimer !== null || this.undrawn.length === 0) return
    const step = (): void => {
      this.drawTimer = null
      const view = this.view
      if (!view) return
      const chunk = this.undrawn.splice(0, LATER_CHUNK)
      const highlights: Highlight[] = []
      for (const id of chunk) {
        const a = this.store.get(id)
        const h = a ? this.toHighlight(a) : null
        if (h) highlights.push(h)
      }
      if (highlights.length > 0) dispatchHighlights(view, { type: 'add', highlights })
      if (this.undrawn.length > 0) {
        this.drawTimer = setTimeout(step, 0)
      } else {
        if (this.page) this.page.dataset.highlights = 'all'
        performance.mark(HIGHLIGHTS_DRAWN_MARK)
      }
    }
    this.drawTimer = setTimeout(step, 0)
  }

  destroy(): void {
    if (this.drawTimer !== null) clearTimeout(this.drawTimer)
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    this.follower?.destroy()
    if (this.flashTimer) clearTimeout(this.flashTimer)
    this.dismissDeleteToast()
    this.popover.close()
    this.toolbar.element.remove()
    this.popover.element.remove()
    this.panel.destroy()
    this.view = null
  }

  // Undo / redo -----------------------------------------------------------

  /** Undoes the latest annotation change; false when there is none (Ctrl+Z goes elsewhere then). */
  undo(): boolean {
    if (!this.history.canUndo) return false
    void this.history.undo().then((label) => label && this.announce(strings.undone(label)))
    return true
  }

  redo(): boolean {
    if (!this.history.canRedo) return false
    void this.history.redo().then((label) => label && this.announce(strings.redone(label)))
    return true
  }

  // The notes panel ---------------------------------------------------------

  /** Ctrl/Cmd+Shift+M and the menu: opens the notes panel (focusing it) or closes it. */
  toggleNotes(): void {
    this.setPanelOpen(!this.panel.open, !this.panel.open)
  }

  /** `remember`: whether a wide window opens with the panel as it is now (not when the width, not the user, closed it). */
  setPanelOpen(open: boolean, focus: boolean, remember = true): void {
    const wasOpen = this.panel.open
    this.panel.setOpen(open)
    if (remember) savePanelOpen(open)
    const page = this.panel.element.parentElement
    page?.classList.toggle('has-notes', open)
    this.updateToggle()
    if (focus && open) this.panel.focus()
    else if (wasOpen && !open && this.panel.element.contains(document.activeElement)) this.toggle.focus()
    this.repositionPopover()
  }

  /** Moves the popover along with its highlight after the text reflowed (window or panel resized). */
  private repositionPopover(): void {
    const id = this.popover.current
    if (id && this.view) this.popover.reposition(highlightBox(this.view.dom, id) ?? undefined)
  }

  // KeyTarget: what the keys in the text do -------------------------------------

  /** Whether text of the article is selected (so H, N and 1–5 highlight it). */
  hasSelection(): boolean {
    return this.view !== null && this.currentSelection() !== null
  }

  /** Highlights the selection in `color` (the last one used for `last`), opening the note editor with `withNote`. */
  highlightWith(color: HighlightColor | 'last', withNote: boolean): void {
    void this.highlightSelection(color === 'last' ? lastColor() : color, withNote)
  }

  /** Moves the keyboard to the next (+1) or previous (-1) highlight; false when there is none that way. */
  step(direction: 1 | -1): boolean {
    const view = this.view
    if (!view) return false
    const hidden = this.panel.hiddenAuthors
    const list = this.store.anchored.filter((a) => !hidden.has(a.creator.id))
    const selection = this.currentSelection()
    const from = selection ? selection.from : (this.host.firstVisiblePos(view) ?? 0)
    const index = nextHighlight(list, this.active, this.host.offsets.toOffset(from), direction)
    const target = list[index]
    if (index < 0 || !target) {
      this.setActive(null)
      void this.popover.requestClose()
      return false
    }
    const go = (): void => {
      if (this.view !== view) return
      this.setActive(target.id)
      scrollToHighlight(view.dom, target.id, 'nearest')
      this.openPopover(target.id, null)
      this.announce(
        strings.highlightOf(index + 1, list.length, excerpt(target.target?.quote.exact ?? '', 80)),
      )
    }
    // In a long article shown in sections, the highlight's section is laid out (fetched from main) first.
    const revealed = target.anchor
      ? this.host.offsets.reveal?.(target.anchor.start, target.anchor.end)
      : undefined
    if (revealed) void revealed.then(go)
    else go()
    return true
  }

  /**
   * H, N and 1–5 pressed while focus is outside the text act on a selection
   * in the article as they do inside it: a drag that starts in the margin
   * leaves focus on the page around the text (`<main>`) while the selection
   * and its toolbar are in the text. Never from a text field or a dialog
   * (the popover included), whose keys are their own.
   */
  private selectionKeyOutsideText(event: KeyboardEvent): boolean {
    const view = this.view
    const target = event.target
    if (!view || !(target instanceof Node) || view.dom.contains(target) || inTextField(target)) return false
    if (target instanceof Element && target.closest('dialog, [role=dialog]')) return false
    return selectionKey(event, this)
  }

  /** Enter on the highlight the keyboard is on: into its popover. */
  enterActive(): boolean {
    if (!this.active) return false
    this.openPopover(this.active, 'controls')
    return true
  }

  /** Escape in the text: closes the popover and leaves the highlight. */
  escape(): boolean {
    if (!this.active && !this.popover.current && !this.toolbar.visible) return false
    this.toolbar.hide()
    void this.popover.requestClose()
    this.setActive(null)
    return true
  }

  /** Delete on the highlight the keyboard is on. */
  deleteActive(): boolean {
    if (!this.active) return false
    void this.remove(this.active)
    return true
  }

  // Internals -------------------------------------------------------------------

  private toHighlights(list: readonly AnchoredAnnotation[]): Highlight[] {
    const out: Highlight[] = []
    for (const a of list) {
      const h = this.toHighlight(a)
      if (h) out.push(h)
    }
    return out
  }

  /** Draws every highlight again from its offsets: the laid-out section of a long article moved. */
  redraw(): void {
    this.redrawAll()
  }

  /**
   * Redraws every highlight (after the set of hidden authors changed): those
   * of hidden authors leave the text, the others come back.
   */
  private redrawAll(): void {
    const view = this.view
    if (!view) return
    const undrawn = new Set(this.undrawn)
    const highlights = this.toHighlights(this.store.all.filter((a) => !undrawn.has(a.id)))
    dispatchHighlights(view, { type: 'set', highlights })
    if (this.active && !highlights.some((h) => h.id === this.active)) {
      void this.popover.requestClose()
      this.setActive(null)
    }
  }

  private toHighlight(a: AnchoredAnnotation): Highlight | null {
    if (!a.anchor || this.panel.hiddenAuthors.has(a.creator.id)) return null
    return {
      id: a.id,
      from: this.host.offsets.toPos(a.anchor.start),
      to: this.host.offsets.toPos(a.anchor.end),
      color: a.body.color,
      hasNote: a.body.note.trim() !== '',
    }
  }

  private onStoreChange(change: StoreChange): void {
    const view = this.view
    if (!view) return
    switch (change.type) {
      case 'put': {
        const h = this.toHighlight(change.annotation)
        if (h) dispatchHighlights(view, { type: 'put', highlight: h })
        else dispatchHighlights(view, { type: 'remove', id: change.annotation.id })
        this.popover.refresh(change.annotation)
        break
      }
      case 'remove':
        dispatchHighlights(view, { type: 'remove', id: change.id })
        if (this.popover.current === change.id) this.popover.close()
        if (this.active === change.id) this.setActive(null)
        break
      case 'pending':
        dispatchHighlights(view, {
          type: 'put',
          highlight: {
            id: change.pending.id,
            from: this.host.offsets.toPos(change.pending.start),
            to: this.host.offsets.toPos(change.pending.end),
            color: change.pending.color,
            pending: true,
          },
        })
        break
      case 'settled':
        dispatchHighlights(view, { type: 'remove', id: change.id })
        break
    }
    this.updateToggle()
  }

  private updateToggle(): void {
    const n = this.store.all.length
    this.toggle.textContent =
      n > 0 ? `${strings.notesPanelToggle} (${formatInteger(n)})` : strings.notesPanelToggle
    this.toggle.setAttribute('aria-expanded', String(this.panel.open))
  }

  private currentSelection(): TextRange | null {
    return this.view ? readSelection(this.view, this.host.offsets) : null
  }

  private async highlightSelection(color: HighlightColor, withNote: boolean): Promise<void> {
    const range = this.currentSelection()
    if (!range) return
    rememberColor(color)
    this.toolbar.hide()
    this.collapseSelection(range.to)
    this.announce(strings.highlightSaving)
    const outcome = await this.actions.create(range, color)
    if (!outcome.ok) {
      this.announce('')
      this.host.notify({ message: outcome.message, kind: 'error', timeout: 15_000 })
      // Give the selection back, so trying again is one key away.
      const view = this.view
      if (view)
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)))
      return
    }
    this.announce(strings.highlightSaved)
    if (withNote) {
      this.setActive(outcome.value.id)
      this.openPopover(outcome.value.id, 'note', true)
    }
  }

  /**
   * Collapses the selection to its end, so the new highlight shows in its
   * colour rather than under the selection. Through ProseMirror, whose state
   * would otherwise put the old selection back at the next redraw.
   */
  private collapseSelection(pos: number): void {
    const view = this.view
    if (!view) return
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)))
    document.getSelection()?.collapseToEnd()
  }

  private async recolor(id: string, color: HighlightColor): Promise<Outcome<unknown>> {
    const outcome = await this.actions.update(id, { color })
    if (outcome.ok) rememberColor(color)
    return outcome
  }

  private async resolveConflict(id: string, versionId: string, choice: ConflictChoice): Promise<void> {
    const outcome = await this.actions.resolve(id, versionId, choice)
    if (!outcome.ok) this.host.notify({ message: outcome.message, kind: 'error', timeout: 15_000 })
  }

  private async remove(id: string): Promise<Outcome<void>> {
    // Read before it goes: the message names what was deleted, a note or a reply is not a highlight.
    const kind = this.store.get(id)?.about?.kind
    const outcome = await this.actions.remove(id)
    if (!outcome.ok) {
      this.host.notify({ message: outcome.message, kind: 'error', timeout: 15_000 })
      return outcome
    }
    this.dismissDeleteToast()
    this.deleteToast = this.host.notify({
      message:
        kind === 'article'
          ? strings.articleNoteDeleted
          : kind === 'reply'
            ? strings.replyDeleted
            : strings.annotationDeleted,
      action: { label: strings.undo, run: () => void this.undo() },
    })
    return outcome
  }

  private dismissDeleteToast(): void {
    const toast = this.deleteToast
    this.deleteToast = null
    toast?.dismiss()
  }

  private openPopover(id: string, focus: 'controls' | 'note' | null, editNote = false, anchor?: Box): void {
    const annotation = this.store.get(id)
    const box = anchor ?? (this.view ? highlightBox(this.view.dom, id) : null)
    if (!annotation || !box) return
    if (focus && !this.returnFocus) {
      const active = document.activeElement
      this.returnFocus =
        active instanceof HTMLElement && !this.popover.element.contains(active) ? active : null
    }
    this.popover.open(annotation, {
      anchor: box,
      dir: (this.view && highlightDirection(this.view.dom, id)) ?? this.host.summary.dir,
      top: this.host.top(),
      focus,
      editNote,
    })
  }

  private popoverClosed(hadFocus: boolean): void {
    const back = this.returnFocus
    this.returnFocus = null
    if (!hadFocus) return
    if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true })
    else this.view?.dom.focus({ preventScroll: true })
  }

  private setActive(id: string | null): void {
    if (this.active === id || !this.view) {
      this.active = id
      return
    }
    this.active = id
    dispatchHighlights(this.view, { type: 'flag', flag: 'active', id })
  }

  /**
   * Shows an annotation found by library search: its highlight scrolled into
   * view, flashed and made active, or, when it is not found in this text, the
   * notes panel that lists it.
   */
  show(id: string): void {
    const annotation = this.store.get(id)
    if (annotation?.anchor) {
      this.goTo(id)
      // The active highlight takes Enter (edit) and Delete, as after Tab.
      this.view?.dom.focus({ preventScroll: true })
    } else if (annotation) {
      // An article note, a reply or a highlight not found in the text: its card, focused and flashed.
      this.setPanelOpen(true, false)
      this.panel.reveal(id)
    } else {
      // A link (or a search result) to a note deleted since: the article opens, and says why nothing is shown.
      this.host.notify({ message: strings.notesNoteGone, timeout: 15_000 })
    }
  }

  /** From the panel: scroll the highlight into view and flash it; Tab then continues from it. */
  private goTo(id: string): void {
    const view = this.view
    const anchor = this.store.get(id)?.anchor
    if (!view || !anchor) return
    const go = (): void => {
      if (this.view !== view) return
      this.setActive(id)
      scrollToHighlight(view.dom, id, 'center')
      dispatchHighlights(view, { type: 'flag', flag: 'flash', id })
      if (this.flashTimer) clearTimeout(this.flashTimer)
      this.flashTimer = setTimeout(() => {
        this.flashTimer = null
        if (this.view) dispatchHighlights(this.view, { type: 'flag', flag: 'flash', id: null })
      }, FLASH_MS)
    }
    // In a long article shown in sections, the highlight's section is laid out (fetched from main) first.
    const revealed = this.host.offsets.reveal?.(anchor.start, anchor.end)
    if (revealed) void revealed.then(go)
    else go()
  }

  private editFromPanel(id: string, opener: HTMLElement): void {
    const annotation = this.store.get(id)
    if (!annotation) return
    this.returnFocus = opener
    // Edit opens the note, focus in its field: what one types there is the note, never a key on a colour.
    if (annotation.anchor) {
      this.goTo(id)
      this.openPopover(id, 'note', true)
    } else {
      const r = opener.closest('.note-item')?.getBoundingClientRect() ?? opener.getBoundingClientRect()
      this.openPopover(id, 'note', true, { left: r.left, right: r.right, top: r.top, bottom: r.bottom })
    }
  }

  /**
   * A click (not a drag, not a double click, not Shift+click) on a highlight
   * opens its popover. Chromium turns a click on the spot where the caret
   * already is into a word selection; for a plain click that selection is
   * put back to a caret, so clicking the same highlight twice works.
   */
  private onTextClick(event: MouseEvent): boolean {
    const view = this.view
    const target =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-annotation-id]') : null
    const moved = Math.hypot(event.clientX - this.downAt.x, event.clientY - this.downAt.y) > 4
    const plainClick = event.button === 0 && event.detail <= 1 && !event.shiftKey && !moved
    if (!view || !target || !plainClick) {
      if (!target && plainClick && this.popover.current) {
        void this.popover.requestClose()
        this.setActive(null)
      }
      return false
    }
    if (document.getSelection()?.isCollapsed === false) {
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
      if (at) this.collapseSelection(at.pos)
    }
    const id = target.dataset.annotationId!
    this.setActive(id)
    this.openPopover(id, null)
    return false
  }

  private onDocumentMouseDown(event: MouseEvent): void {
    if (!this.popover.current) return
    const target = event.target instanceof Node ? event.target : null
    if (!target || this.popover.element.contains(target)) return
    if (target instanceof Element && target.closest('[data-annotation-id], .notes-panel, .toasts')) return
    void this.popover.requestClose()
    this.setActive(null)
  }

  /**
   * The direction of the paragraph an annotation starts in, from its text
   * (the rule `dir="auto"` applies to the paragraph on screen), so a quote
   * that begins with a Latin name is still shown right-to-left when its
   * paragraph is Arabic. Orphans: `auto`.
   */
  private paragraphDirection(a: AnchoredAnnotation): 'ltr' | 'rtl' | 'auto' {
    const view = this.view
    if (!view || !a.anchor) return 'auto'
    const $pos = view.state.doc.resolve(this.host.offsets.toPos(a.anchor.start))
    return firstStrongOfNode($pos.parent) ?? this.host.summary.dir
  }

  private announce(message: string): void {
    this.live.textContent = message
  }
}
