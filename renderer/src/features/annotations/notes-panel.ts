import {
  HIGHLIGHT_COLORS,
  type AnchoredAnnotation,
  type AnnotationAbout,
  type HighlightColor,
} from '../../../../common/annotation'
import { annotationThreads, type AnnotationThreads } from '../../../../common/annotation-threads'
import { button, el, elementWithKey, focusedKeyIn, uid } from '../../ui/dom'
import { authorBadge, authorName } from '../../ui/author-badge'
import { strings } from '../../ui/strings'
import { excerpt, metaLine, noteBlock, tagList } from './annotation-parts'
import type { AnnotationStore } from './annotation-store'
import { swatch } from './colors'
import { EMPTY_FILTER, facets, isFiltering, matches, type NotesFilter } from './panel-filter'
import { theirVersions } from './their-versions'
import { noteComposer } from './note-composer'
import type { Outcome } from './annotation-actions'
import type { ConflictChoice } from '../../../../common/sharing/resolve-conflict'

/** Items drawn at first (and per "Show more"): a book with 10,000 highlights must still open quickly. */
const PAGE = 200

/** What the panel's items do. */
export interface PanelActions {
  goTo(id: string): void
  edit(id: string, opener: HTMLElement): void
  /** Resolves true once deleted. */
  remove(id: string): Promise<boolean>
  openLink(href: string): void
  /** The direction of the paragraph a highlight is in (a quote fragment cannot tell by itself). */
  directionOf(annotation: AnchoredAnnotation): 'ltr' | 'rtl' | 'auto'
  /** The authors hidden changed: their highlights leave (or come back to) the text too. */
  hiddenAuthorsChanged(hidden: ReadonlySet<string>): void
  /** Settles one of an annotation's "their versions". */
  resolve(id: string, versionId: string, choice: ConflictChoice): void
  /** Saves the edited note of an article note or a reply (edited in the panel, not in the highlight popover). */
  saveNote(id: string, note: string): Promise<Outcome<unknown>>
  /** Saves a new note about the article, or a reply. */
  addNote(about: AnnotationAbout, note: string): Promise<Outcome<AnchoredAnnotation>>
}

/** Authors hidden this session: kept when the reader reopens an article (after an import, say). */
let sessionHiddenAuthors: string[] = []

/**
 * The notes panel: the article's annotations in document order — colour,
 * quote, rendered note, tags, author and time — with filters by colour, tag,
 * author and text. Annotations whose passage is no longer in the text
 * (orphans) have their own section, "Not found in this text", and are never
 * hidden by the filters' absence of a match in the text. It redraws from the
 * store, at most once a frame, and only while open.
 */
export class NotesPanel {
  readonly element: HTMLElement
  private readonly headingId = uid('notes-heading')
  private readonly count = el('p', { class: 'notes-count muted', attrs: { 'aria-live': 'polite' } })
  private readonly list = el('ol', { class: 'notes-list' })
  private readonly more = el('div', { class: 'notes-more' })
  private readonly orphans = el('section', { class: 'notes-orphans' })
  private readonly articleNotes = el('ol', { class: 'notes-list notes-article-list' })
  private readonly articleComposerSlot = el('div', { class: 'notes-compose-slot' })
  private readonly orphanReplies = el('section', { class: 'notes-orphan-replies' })
  /** The composer open now (one at a time): for the article ('article'), a reply to an annotation's id, or an edit ('edit:' + id). */
  private composer: { key: string; element: HTMLElement } | null = null
  private threads: AnnotationThreads<AnchoredAnnotation> = annotationThreads([])
  private readonly empty = el('p', { class: 'notes-empty muted' })
  private readonly search: HTMLInputElement
  private readonly colorButtons: HTMLButtonElement[]
  private readonly tagSelect = el('select', { class: 'notes-select', attrs: { 'data-filter': 'tag' } })
  private readonly authorList = el('div', { class: 'notes-author-list' })
  private readonly authorGroup = el(
    'fieldset',
    { class: 'notes-authors', attrs: { 'data-filter': 'author' } },
    [el('legend', { text: strings.notesFilterAuthors }), this.authorList],
  )
  private readonly clear: HTMLButtonElement
  private filter: NotesFilter = { ...EMPTY_FILTER, hiddenAuthors: [...sessionHiddenAuthors] }
  private hiddenSet: ReadonlySet<string> = new Set(this.filter.hiddenAuthors)
  private limit = PAGE
  private scheduled = 0
  private readonly unsubscribe: () => void

  constructor(
    private readonly store: AnnotationStore,
    private readonly actions: PanelActions,
    private readonly lang: string,
    onClose: () => void,
  ) {
    const searchId = uid('notes-search')
    this.search = el('input', {
      class: 'text-input notes-search',
      attrs: {
        id: searchId,
        type: 'search',
        dir: 'auto',
        placeholder: strings.notesFilterTextPlaceholder,
        'data-filter': 'text',
      },
    })
    this.search.addEventListener('input', () => this.setFilter({ text: this.search.value }))
    this.colorButtons = HIGHLIGHT_COLORS.map((color) => {
      const label = strings.notesFilterColorLabel(color)
      const b = button('', () => this.toggleColor(color), {
        class: `notes-color notes-color-${color}`,
        attrs: { 'aria-pressed': 'false', 'aria-label': label, title: label, 'data-color': color },
      })
      b.append(swatch(color))
      return b
    })
    this.tagSelect.addEventListener('change', () => this.setFilter({ tag: this.tagSelect.value }))
    this.clear = button(strings.notesFilterClear, () => this.resetFilter(), { class: 'notes-clear' })
    const tagId = uid('notes-tag')
    this.tagSelect.id = tagId
    this.element = el(
      'aside',
      { class: 'notes-panel', attrs: { id: uid('notes-panel'), 'aria-labelledby': this.headingId } },
      [
        el('header', { class: 'notes-header' }, [
          el('h2', { attrs: { id: this.headingId, tabindex: -1 }, text: strings.notesPanel }),
          this.count,
          button('×', onClose, {
            class: 'icon-button notes-close',
            attrs: { 'aria-label': strings.notesClose, title: strings.notesPanelShortcut },
          }),
        ]),
        el('div', { class: 'notes-filters' }, [
          el('label', { class: 'visually-hidden', attrs: { for: searchId }, text: strings.notesFilterText }),
          this.search,
          el(
            'div',
            { class: 'notes-colors', attrs: { role: 'group', 'aria-label': strings.notesFilterColor } },
            this.colorButtons,
          ),
          el('div', { class: 'notes-selects' }, [
            el('label', { attrs: { for: tagId }, text: strings.notesFilterTag }),
            this.tagSelect,
          ]),
          this.authorGroup,
          this.clear,
        ]),
        el('section', { class: 'notes-article', attrs: { 'aria-labelledby': `${this.headingId}-article` } }, [
          el('div', { class: 'notes-article-header' }, [
            el('h3', { attrs: { id: `${this.headingId}-article` }, text: strings.notesArticleHeading }),
            button(strings.notesAddArticleNote, () => this.compose('article'), {
              class: 'notes-add-article',
              attrs: { 'data-key': 'add-article-note', 'data-action': 'add-article-note' },
            }),
          ]),
          this.articleComposerSlot,
          this.articleNotes,
        ]),
        this.empty,
        this.list,
        this.more,
        this.orphans,
        this.orphanReplies,
      ],
    )
    this.unsubscribe = store.subscribe((change) => {
      if (change.type === 'put' || change.type === 'remove') this.schedule()
    })
  }

  /** Creator ids whose annotations are hidden. */
  get hiddenAuthors(): ReadonlySet<string> {
    return this.hiddenSet
  }

  get open(): boolean {
    return !this.element.hidden
  }

  /** Shows or hides the panel; it draws only while shown. */
  setOpen(open: boolean): void {
    this.element.hidden = !open
    // Drawn on the next frame, so opening a book with thousands of notes paints its text first.
    if (open) this.schedule()
  }

  /**
   * Shows one card (an article note or a reply opened from a `hamish://`
   * link, which has no place in the text to flash): drawn now, filters
   * cleared if they hide it, scrolled to, focused and flashed.
   */
  reveal(id: string): void {
    if (!this.open) return
    if (this.scheduled) cancelAnimationFrame(this.scheduled)
    this.scheduled = 0
    this.render()
    let card = this.element.querySelector<HTMLElement>(`.note-item[data-annotation-id="${CSS.escape(id)}"]`)
    if (!card && isFiltering(this.filter)) {
      this.search.value = ''
      this.setFilter({ ...EMPTY_FILTER, hiddenAuthors: this.filter.hiddenAuthors })
      card = this.element.querySelector<HTMLElement>(`.note-item[data-annotation-id="${CSS.escape(id)}"]`)
    }
    if (!card) {
      this.focus()
      return
    }
    card.scrollIntoView({ block: 'center' })
    card.focus({ preventScroll: true })
    card.classList.remove('note-flash')
    void card.offsetWidth
    card.classList.add('note-flash')
    card.addEventListener('animationend', () => card.classList.remove('note-flash'), { once: true })
  }

  /** Moves focus to the panel's heading (after opening it from the keyboard). */
  focus(): void {
    this.element.querySelector<HTMLElement>(`#${this.headingId}`)?.focus()
  }

  destroy(): void {
    this.unsubscribe()
    if (this.scheduled) cancelAnimationFrame(this.scheduled)
  }

  /** Redraws on the next frame (several changes in one frame cost one redraw). */
  schedule(): void {
    if (this.scheduled || !this.open) return
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0
      this.render()
    })
  }

  private setFilter(patch: Partial<NotesFilter>): void {
    const before = this.filter.hiddenAuthors
    this.filter = { ...this.filter, ...patch }
    this.limit = PAGE
    this.render()
    const after = this.filter.hiddenAuthors
    if (before.length !== after.length || before.some((id) => !after.includes(id))) {
      sessionHiddenAuthors = [...after]
      this.hiddenSet = new Set(after)
      this.actions.hiddenAuthorsChanged(this.hiddenSet)
    }
  }

  private toggleAuthor(id: string, shown: boolean): void {
    const others = this.filter.hiddenAuthors.filter((a) => a !== id)
    this.setFilter({ hiddenAuthors: shown ? others : [...others, id] })
  }

  private toggleColor(color: HighlightColor): void {
    const colors = this.filter.colors.includes(color)
      ? this.filter.colors.filter((c) => c !== color)
      : [...this.filter.colors, color]
    this.setFilter({ colors })
  }

  private resetFilter(): void {
    this.search.value = ''
    this.setFilter({ ...EMPTY_FILTER })
    this.search.focus()
  }

  private render(): void {
    if (!this.open) return
    const focusKey = this.focusKey()
    const all = this.store.all
    this.renderFacets(all)
    for (const b of this.colorButtons)
      b.setAttribute('aria-pressed', String(this.filter.colors.includes(b.dataset.color as HighlightColor)))
    this.clear.hidden = !isFiltering(this.filter)

    const threads = annotationThreads([...all, ...this.store.placeholders])
    this.threads = threads
    // A card is shown when it, or a reply in its thread, matches: a search finds notes and replies too.
    const visible = (a: AnchoredAnnotation): boolean =>
      matches(a, this.filter) || this.threadMatches(a.id, new Set([a.id]))
    const { highlights } = threads
    const anchored = highlights.filter((a) => a.anchor !== null && visible(a))
    const orphans = highlights.filter((a) => a.anchor === null && visible(a))
    const articleNotes = threads.articleNotes.filter(visible)
    const orphanReplies = threads.orphanReplies.filter(visible)
    const shown = anchored.length + orphans.length
    this.count.textContent = strings.notesCount(shown, highlights.length)
    const anyShown = shown + articleNotes.length + orphanReplies.length > 0
    this.empty.textContent = all.length === 0 ? strings.notesEmpty : anyShown ? '' : strings.notesNoMatch
    this.empty.hidden = this.empty.textContent === ''
    this.articleComposerSlot.replaceChildren(this.composer?.key === 'article' ? this.composer.element : '')
    this.articleNotes.replaceChildren(...articleNotes.map((a) => this.item(a)))
    this.orphanReplies.hidden = orphanReplies.length === 0
    this.orphanReplies.replaceChildren(
      ...(orphanReplies.length === 0
        ? []
        : [
            el('h3', { text: strings.notesRepliesToDeleted }),
            el(
              'ol',
              { class: 'notes-list' },
              orphanReplies.map((a) => this.item(a)),
            ),
          ]),
    )

    this.list.replaceChildren(...anchored.slice(0, this.limit).map((a) => this.item(a)))
    const rest = anchored.length - this.limit
    this.more.replaceChildren(
      rest > 0
        ? button(strings.notesShowMore(Math.min(rest, PAGE)), () => {
            this.limit += PAGE
            this.render()
          })
        : '',
    )
    this.orphans.hidden = orphans.length === 0
    this.orphans.replaceChildren(
      ...(orphans.length === 0
        ? []
        : [
            el('h3', { text: strings.notesOrphans }),
            el('p', { class: 'muted notes-orphans-hint', text: strings.notesOrphansHint }),
            el(
              'ol',
              { class: 'notes-list' },
              orphans.map((a) => this.item(a)),
            ),
          ]),
    )
    this.restoreFocus(focusKey)
  }

  private renderFacets(all: readonly AnchoredAnnotation[]): void {
    const { tags, authors } = facets(all)
    const fill = (
      select: HTMLSelectElement,
      options: { value: string; label: string }[],
      current: string,
    ): void => {
      select.replaceChildren(
        el('option', { attrs: { value: '' }, text: strings.notesFilterAny }),
        ...options.map((o) => el('option', { attrs: { value: o.value }, text: o.label })),
      )
      select.value = options.some((o) => o.value === current) ? current : ''
    }
    fill(
      this.tagSelect,
      tags.map((t) => ({ value: t, label: t })),
      this.filter.tag,
    )
    this.authorGroup.hidden = authors.length === 0
    this.authorList.replaceChildren(
      ...authors.map((a) => {
        const name = authorName(a)
        const box = el('input', {
          attrs: {
            type: 'checkbox',
            'data-key': `author:${a.id}`,
            'aria-label': strings.notesShowAuthor(name),
          },
        })
        box.checked = !this.filter.hiddenAuthors.includes(a.id)
        box.addEventListener('change', () => this.toggleAuthor(a.id, box.checked))
        return el('label', { class: 'author-toggle', attrs: { 'data-author-id': a.id } }, [
          box,
          authorBadge(a),
        ])
      }),
    )
  }

  /** Whether a reply anywhere under `id` matches the filter (`seen` guards against a loop of replies). */
  private threadMatches(id: string, seen: Set<string>): boolean {
    for (const reply of this.threads.replies.get(id) ?? []) {
      if (seen.has(reply.id)) continue
      seen.add(reply.id)
      if (matches(reply, this.filter) || this.threadMatches(reply.id, seen)) return true
    }
    return false
  }

  /** Opens the composer for a note on the article ('article') or a reply to an annotation (its id). */
  private compose(key: string): void {
    if (this.composer?.key !== key) {
      const about: AnnotationAbout =
        key === 'article' ? { kind: 'article' } : { kind: 'reply', annotationId: key }
      const parent = key === 'article' ? null : this.store.get(key)
      const opener = key === 'article' ? 'add-article-note' : `${key}:reply`
      const close = (): void => {
        this.composer = null
        this.pendingFocus = opener
        this.render()
      }
      const element = noteComposer({
        label: parent ? strings.notesReplyLabel(authorName(parent.creator)) : strings.notesAddArticleNote,
        close,
        save: async (note) => {
          const outcome = await this.actions.addNote(about, note)
          if (!outcome.ok) return outcome.message
          this.composer = null
          this.pendingFocus = `${outcome.value.id}:item`
          this.render()
          return null
        },
      })
      this.composer = { key, element }
    }
    this.pendingFocus = 'compose-input'
    this.render()
  }

  /**
   * Edits an article note or a reply where it is, in its card: the
   * highlight popover speaks of a highlight (its title, "Delete
   * highlight") and floats over the text, and closing it saves; here
   * Cancel leaves the note as it was and Escape asks before throwing away
   * a change.
   */
  private editInPlace(id: string): void {
    const key = `edit:${id}`
    const a = this.store.get(id)
    if (!a) return
    if (this.composer?.key !== key) {
      const close = (): void => {
        this.composer = null
        this.pendingFocus = `${id}:edit`
        this.render()
      }
      const element = noteComposer({
        label: strings.notesNoteEditLabel(authorName(a.creator)),
        initial: a.body.note,
        close,
        save: async (note) => {
          if (note !== this.store.get(id)?.body.note) {
            const outcome = await this.actions.saveNote(id, note)
            if (!outcome.ok) return outcome.message
          }
          this.composer = null
          this.pendingFocus = `${id}:item`
          this.render()
          return null
        },
      })
      this.composer = { key, element }
    }
    this.pendingFocus = 'compose-input'
    this.render()
  }

  /** A deleted reply with live replies under it: a small "Deleted reply" in its place, its replies under it. */
  private placeholder(a: AnchoredAnnotation): HTMLElement {
    const replies = this.threads.replies.get(a.id) ?? []
    return el(
      'li',
      {
        class: 'note-item note-deleted-reply',
        attrs: { 'data-annotation-id': a.id, 'data-key': `${a.id}:item`, tabindex: -1 },
      },
      [
        el('p', { class: 'note-deleted muted', text: strings.notesDeletedReply }),
        el(
          'ol',
          { class: 'notes-list note-replies', attrs: { 'aria-label': strings.notesRepliesToDeleted } },
          replies.map((r) => this.item(r)),
        ),
      ],
    )
  }

  private item(a: AnchoredAnnotation): HTMLElement {
    if (a.deleted) return this.placeholder(a)
    const author = authorName(a.creator)
    const quote = excerpt(a.target?.quote.exact ?? '', 60)
    const key = (what: string): string => `${a.id}:${what}`
    let head: HTMLElement | null = null
    if (a.target) {
      head = button('', () => this.actions.goTo(a.id), {
        class: 'note-go',
        attrs: {
          'aria-label': strings.notesGoTo(quote),
          'data-key': key('go'),
          disabled: a.anchor === null,
        },
      })
      head.append(
        swatch(a.body.color),
        el('span', {
          class: 'note-quote',
          attrs: { dir: 'auto', lang: this.lang },
          text: excerpt(a.target.quote.exact),
        }),
      )
    } else if (a.about?.kind === 'reply') {
      // Whom it answers, in words: a screen reader hears it before the reply.
      const parent = this.store.get(a.about.annotationId)
      head = el('p', {
        class: 'note-in-reply muted',
        text: parent ? strings.notesInReplyTo(authorName(parent.creator)) : strings.notesInReplyToDeleted,
      })
    }
    const edit = button(
      strings.notesEdit,
      () => (a.target ? this.actions.edit(a.id, edit) : this.editInPlace(a.id)),
      {
        class: 'note-action',
        attrs: {
          'aria-label': a.target ? strings.notesEditLabel(quote) : strings.notesNoteEditLabel(author),
          'data-key': key('edit'),
          'data-action': 'edit',
        },
      },
    )
    const remove = button(strings.trash, () => this.removeItem(a.id), {
      class: 'note-action danger',
      attrs: {
        'aria-label': a.target ? strings.notesDeleteLabel(quote) : strings.notesNoteDeleteLabel(author),
        'data-key': key('delete'),
        'data-action': 'delete',
      },
    })
    const reply = button(strings.notesReply, () => this.compose(a.id), {
      class: 'note-action',
      attrs: {
        'aria-label': strings.notesReplyLabel(author),
        'data-key': key('reply'),
        'data-action': 'reply',
      },
    })
    const replies = this.threads.replies.get(a.id) ?? []
    const editing = this.composer?.key === `edit:${a.id}` ? this.composer.element : null
    const item = el(
      'li',
      {
        class: a.target ? `note-item note-${a.body.color}` : `note-item note-${a.about?.kind ?? 'article'}`,
        // Focusable by script only: where focus goes after the item before it is deleted.
        attrs: { 'data-annotation-id': a.id, 'data-key': key('item'), tabindex: -1 },
      },
      [
        head,
        editing ?? (a.body.note ? noteBlock(a.body.note, { openLink: this.actions.openLink }) : null),
        a.body.tags.length > 0 ? tagList(a.body.tags) : null,
        theirVersions(a, {
          openLink: this.actions.openLink,
          resolve: (id, versionId, choice) => this.resolveItem(id, versionId, choice),
        }),
        el('div', { class: 'note-footer' }, [
          metaLine(a),
          el('div', { class: 'note-actions' }, [reply, edit, remove]),
        ]),
        this.composer?.key === a.id ? this.composer.element : null,
        // The thread: a list of the replies, oldest first, each with its own replies under it.
        replies.length > 0
          ? el(
              'ol',
              { class: 'notes-list note-replies', attrs: { 'aria-label': strings.notesRepliesTo(author) } },
              replies.map((r) => this.item(r)),
            )
          : null,
      ],
    )
    // A click anywhere on the item (not on a control, a link, or while selecting) goes to the highlight.
    item.addEventListener('click', (event) => {
      const target = event.target as Element
      if (
        a.anchor === null ||
        target.closest('button, a, input') ||
        window.getSelection()?.isCollapsed === false
      )
        return
      this.actions.goTo(a.id)
    })
    return item
  }

  /**
   * Deletes from the panel, then puts focus on the neighbouring item itself
   * so the keyboard keeps its place: not on its Delete, where one more Enter
   * would delete a second highlight.
   */
  private removeItem(id: string): void {
    const items = [...this.element.querySelectorAll<HTMLElement>('.note-item')]
    const i = items.findIndex((item) => item.dataset.annotationId === id)
    const neighbour = items[i + 1] ?? items[i - 1]
    this.pendingFocus = neighbour ? `${neighbour.dataset.annotationId}:item` : 'heading'
    void this.actions.remove(id).then((ok) => {
      if (!ok) this.pendingFocus = null
    })
  }

  /**
   * Settles a "their version", keeping focus on its card: the buttons pressed
   * are gone after the redraw, and focus would fall to the page's body, so
   * a keyboard user would start again from the top.
   */
  private resolveItem(id: string, versionId: string, choice: ConflictChoice): void {
    this.pendingFocus = `${id}:item`
    this.actions.resolve(id, versionId, choice)
  }

  private pendingFocus: string | null = null

  private focusKey(): string | null {
    return this.pendingFocus ?? focusedKeyIn(this.element)
  }

  private restoreFocus(key: string | null): void {
    if (!key) return
    if (key === 'compose-input') this.pendingFocus = null
    if (key === 'heading') {
      this.pendingFocus = null
      this.focus()
      return
    }
    const target = elementWithKey(this.element, key)
    if (target) {
      if (key === this.pendingFocus) this.pendingFocus = null
      if (document.activeElement !== target) target.focus({ preventScroll: false })
    }
  }
}
