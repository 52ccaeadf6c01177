import { HIGHLIGHT_COLORS, type AnchoredAnnotation, type HighlightColor } from '../../../../common/annotation'
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH } from '../../../../common/contract/limits'
import { hasTag } from '../../../../common/tags'
import { button, el, elementWithKey, focusedKeyIn, replaceChildren, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'
import type { Outcome } from './annotation-actions'
import { metaLine, noteBlock, quoteBlock } from './annotation-parts'
import { loadMarkdown } from './markdown-loader'
import { swatch } from './colors'
import { placeNear, type Box } from './floating'

/** What the popover's controls do; each returns main's answer or the sentence to show. */
export interface PopoverActions {
  recolor(id: string, color: HighlightColor): Promise<Outcome<unknown>>
  saveNote(id: string, note: string): Promise<Outcome<unknown>>
  saveTags(id: string, tags: string[]): Promise<Outcome<unknown>>
  remove(id: string): Promise<Outcome<unknown>>
  openLink(href: string): void
  /** Tab past the popover's last control (or Shift+Tab before its first): back to the text. */
  leave(): void
  /** The popover closed; `hadFocus` says whether keyboard focus was inside it. */
  onClose(hadFocus: boolean): void
}

/** Where the popover goes, and what gets focus when it opens. */
export interface PopoverPlacement {
  anchor: Box
  dir: 'ltr' | 'rtl'
  top: number
  /** Move focus into the popover (its colours, or the note editor). */
  focus?: 'controls' | 'note' | null
  /** Open with the note editor showing. */
  editNote?: boolean
}

/**
 * The popover of one highlight: its colour, note (rendered Markdown, edited
 * as plain text), tags, author and time, and Delete. It is not modal: the
 * text stays readable and Tab can keep moving between highlights; Tab past
 * its last control goes back to the text; Escape closes it. A note being written is never lost: closing saves it, and when
 * saving fails the text stays in the editor with the reason beside it.
 */
export class HighlightPopover {
  readonly element = el('section', {
    class: 'highlight-popover',
    attrs: { role: 'dialog', 'aria-label': strings.popoverTitle, hidden: true },
  })
  private annotation: AnchoredAnnotation | null = null
  private editing = false
  private draft = ''
  private busy = false
  private readonly error = el('p', { class: 'field-error', attrs: { role: 'alert' } })
  private textarea: HTMLTextAreaElement | null = null
  private placement: PopoverPlacement | null = null

  constructor(
    private readonly actions: PopoverActions,
    private readonly lang: string,
  ) {
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        void this.requestClose()
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && this.editing) {
        event.preventDefault()
        void this.saveNote()
      } else if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        const controls = [
          ...this.element.querySelectorAll<HTMLElement>('button, input, textarea, a[href]'),
        ].filter((e) => !(e as HTMLButtonElement).disabled)
        const edge = event.shiftKey ? controls[0] : controls[controls.length - 1]
        if (edge && document.activeElement === edge) {
          event.preventDefault()
          this.actions.leave()
        }
      }
    })
  }

  /** The id of the annotation shown, or null when closed. */
  get current(): string | null {
    return this.element.hidden ? null : (this.annotation?.id ?? null)
  }

  get isEditing(): boolean {
    return !this.element.hidden && this.editing
  }

  open(annotation: AnchoredAnnotation, placement: PopoverPlacement): void {
    const same = this.annotation?.id === annotation.id && !this.element.hidden
    this.annotation = annotation
    this.placement = placement
    if (!same) {
      this.editing = Boolean(placement.editNote)
      this.draft = annotation.body.note
      this.error.textContent = ''
    } else if (placement.editNote && !this.editing) {
      this.editing = true
      this.draft = annotation.body.note
    }
    // A note can be written from here on: its renderer is a chunk of its own (markdown-loader.ts).
    loadMarkdown().catch(() => undefined)
    this.element.hidden = false
    this.render()
    this.reposition()
    if (placement.focus === 'note' || (placement.focus && this.editing)) this.textarea?.focus()
    else if (placement.focus === 'controls')
      this.element.querySelector<HTMLElement>('.popover-color')?.focus()
  }

  /** Shows main's newer copy (after an edit or an undo), keeping a note being written. */
  refresh(annotation: AnchoredAnnotation): void {
    if (this.annotation?.id !== annotation.id || this.element.hidden) return
    this.annotation = annotation
    const focusKey = this.focusKey()
    this.render()
    this.restoreFocus(focusKey)
  }

  /** Moves the popover along with its highlight (after a scroll or reflow). */
  reposition(anchor?: Box): void {
    if (!this.placement || this.element.hidden) return
    if (anchor) this.placement = { ...this.placement, anchor }
    const panel = document.querySelector<HTMLElement>('.notes-panel:not([hidden])')
    placeNear(this.element, this.placement.anchor, {
      side: 'below',
      dir: this.placement.dir,
      top: this.placement.top,
      avoid: panel?.getBoundingClientRect() ?? null,
    })
  }

  /** Closes, saving a note in progress first; stays open (showing why) if that save fails. */
  async requestClose(): Promise<boolean> {
    if (this.element.hidden) return true
    if (this.editing && this.annotation && this.draftValue() !== this.annotation.body.note) {
      if (!(await this.saveNote())) return false
    }
    this.close()
    return true
  }

  /** Closes at once (the highlight is gone, or the reader is closing). */
  close(): void {
    if (this.element.hidden) return
    const hadFocus = this.element.contains(document.activeElement)
    this.element.hidden = true
    this.editing = false
    this.textarea = null
    this.annotation = null
    this.actions.onClose(hadFocus)
  }

  private draftValue(): string {
    return this.textarea ? this.textarea.value : this.draft
  }

  private focusKey(): string | null {
    return focusedKeyIn(this.element)
  }

  private restoreFocus(key: string | null): void {
    if (!key) return
    const target = elementWithKey(this.element, key)
    ;(target ?? this.element.querySelector<HTMLElement>('.popover-color'))?.focus()
  }

  private render(): void {
    const a = this.annotation
    if (!a) return
    if (this.textarea) this.draft = this.textarea.value
    this.textarea = null
    const titleId = uid('popover-title')
    this.element.setAttribute('aria-labelledby', titleId)
    this.element.dataset.annotationFor = a.id
    replaceChildren(this.element, [
      el('header', { class: 'popover-header' }, [
        a.target ? swatch(a.body.color) : null,
        el('h2', { attrs: { id: titleId }, text: strings.popoverTitle }),
        button('×', () => void this.requestClose(), {
          class: 'icon-button popover-close',
          attrs: { 'aria-label': strings.close, title: strings.close, 'data-key': 'close' },
        }),
      ]),
      // An article note or a reply has neither a passage nor a colour.
      a.target && a.anchor === null ? quoteBlock(a, this.lang) : null,
      metaLine(a),
      a.target ? this.colorRow(a) : null,
      this.noteSection(a),
      this.tagSection(a),
      this.error,
      el('footer', { class: 'popover-footer' }, [
        button(strings.annotationDelete, () => void this.remove(), {
          class: 'danger popover-delete',
          attrs: { 'data-key': 'delete', 'data-action': 'delete' },
        }),
      ]),
    ])
  }

  private colorRow(a: AnchoredAnnotation): HTMLElement {
    return el(
      'div',
      { class: 'popover-colors', attrs: { role: 'group', 'aria-label': strings.popoverColor } },
      [
        ...HIGHLIGHT_COLORS.map((color) => {
          const label = strings.recolorTo(color)
          const b = button('', () => void this.run(() => this.actions.recolor(a.id, color)), {
            class: `popover-color popover-${color}`,
            attrs: {
              'aria-label': label,
              title: label,
              'aria-pressed': String(a.body.color === color),
              'data-color': color,
              'data-key': `color-${color}`,
            },
          })
          b.append(swatch(color))
          return b
        }),
      ],
    )
  }

  private noteSection(a: AnchoredAnnotation): HTMLElement {
    const section = el('div', { class: 'popover-note' })
    if (this.editing) {
      const id = uid('note')
      const textarea = el('textarea', {
        class: 'text-input note-input',
        attrs: {
          id,
          dir: 'auto',
          rows: 5,
          maxlength: MAX_NOTE_LENGTH,
          placeholder: strings.notePlaceholder,
          'data-key': 'note-input',
          'aria-describedby': `${id}-hint`,
        },
      })
      textarea.value = this.draft
      this.textarea = textarea
      section.append(
        el('label', { attrs: { for: id }, text: strings.noteFieldLabel }),
        textarea,
        el('div', { class: 'note-actions' }, [
          el('span', { class: 'muted note-hint', attrs: { id: `${id}-hint` }, text: strings.noteSaveHint }),
          button(strings.cancel, () => this.cancelEdit(), { attrs: { 'data-key': 'note-cancel' } }),
          button(strings.noteSave, () => void this.saveNote(), {
            class: 'primary',
            attrs: { 'data-key': 'note-save', 'data-action': 'save-note' },
          }),
        ]),
      )
      return section
    }
    section.append(
      a.body.note
        ? noteBlock(a.body.note, { openLink: this.actions.openLink })
        : el('p', { class: 'muted note-empty', text: strings.noteEmpty }),
      button(a.body.note ? strings.noteEdit : strings.noteAdd, () => this.startEdit(), {
        class: 'note-edit',
        attrs: { 'data-key': 'note-edit', 'data-action': 'edit-note' },
      }),
    )
    return section
  }

  private tagSection(a: AnchoredAnnotation): HTMLElement {
    const inputId = uid('annotation-tag')
    const input = el('input', {
      class: 'text-input tag-input',
      attrs: {
        id: inputId,
        type: 'text',
        dir: 'auto',
        maxlength: MAX_TAG_LENGTH,
        placeholder: strings.annotationTagPlaceholder,
        'data-key': 'tag-input',
      },
    })
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return
      event.preventDefault()
      const tag = input.value.trim()
      if (!tag || hasTag(a.body.tags, tag)) {
        input.value = ''
        return
      }
      void this.run(() => this.actions.saveTags(a.id, [...a.body.tags, tag])).then((ok) => {
        if (ok) this.element.querySelector<HTMLInputElement>('.tag-input')?.focus()
      })
    })
    return el('div', { class: 'popover-tags' }, [
      el(
        'ul',
        { class: 'tags', attrs: { 'aria-label': strings.tagsHeading } },
        a.body.tags.map((tag, i) =>
          el('li', { class: 'tag' }, [
            el('span', { attrs: { dir: 'auto' }, text: tag }),
            button(
              '×',
              () =>
                void this.run(() =>
                  this.actions.saveTags(
                    a.id,
                    a.body.tags.filter((_, j) => j !== i),
                  ),
                ),
              {
                class: 'icon-button tag-remove',
                attrs: {
                  'aria-label': strings.tagRemoveLabel(tag),
                  title: strings.tagRemoveLabel(tag),
                  'data-key': 'tag-input',
                },
              },
            ),
          ]),
        ),
      ),
      el('label', { class: 'visually-hidden', attrs: { for: inputId }, text: strings.annotationTagAdd }),
      input,
    ])
  }

  private startEdit(): void {
    if (!this.annotation) return
    this.editing = true
    this.draft = this.annotation.body.note
    this.render()
    this.textarea?.focus()
  }

  private cancelEdit(): void {
    this.editing = false
    this.error.textContent = ''
    this.render()
    this.element.querySelector<HTMLElement>('.note-edit')?.focus()
  }

  /** Saves the note being written; true when saved (or unchanged). */
  private async saveNote(): Promise<boolean> {
    const a = this.annotation
    if (!a || !this.editing) return true
    const note = this.draftValue()
    const ok = await this.run(() => this.actions.saveNote(a.id, note))
    if (ok && this.annotation?.id === a.id) {
      this.editing = false
      const hadFocus = this.element.contains(document.activeElement)
      this.render()
      if (hadFocus) this.element.querySelector<HTMLElement>('.note-edit')?.focus()
    }
    return ok
  }

  private async remove(): Promise<void> {
    const a = this.annotation
    if (!a) return
    if (await this.run(() => this.actions.remove(a.id))) this.close()
  }

  /** Runs one action, one at a time, showing its failure in the popover. */
  private async run(action: () => Promise<Outcome<unknown>>): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    this.element.classList.add('busy')
    try {
      const outcome = await action()
      if (!outcome.ok) {
        if (this.textarea) this.draft = this.textarea.value
        this.error.textContent = outcome.message
        // Taller now: placed again, so the message stays inside the window (scrolled to, if the popover scrolls).
        this.reposition()
        this.error.scrollIntoView({ block: 'nearest' })
        return false
      }
      this.error.textContent = ''
      return true
    } finally {
      this.busy = false
      this.element.classList.remove('busy')
    }
  }
}
