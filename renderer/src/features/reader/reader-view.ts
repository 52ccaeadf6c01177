import { Node as PMNode } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import type { HamishApi } from '../../../../common/contract/methods'
import type { FindInArticleOptions } from '../../../../common/contract/find-in-article'
import type { MatchNear } from '../../../../common/find/match-page'
import type { AnchoredAnnotation } from '../../../../common/annotation'
import type { ArticleSummary } from '../../../../common/article'
import type { OpenedArticle } from '../../../../common/contract/article-head'
import { button, el } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import type { ReaderTarget } from '../../ui/routes'
import type { AnnotationsPart, FindPart, ReaderParts } from '../../document/reader-parts'
import { schema } from '../../document/schema'
import { loadReadingFont } from '../../ui/fonts'
import { strings, UI_DIR } from '../../ui/strings'
import { articleHeader } from './article-header'
import { keyLabel } from '../../ui/key-labels'
import { IS_MAC } from '../../ui/platform'
import { keyboardSelection } from './keyboard-selection'
import { linkClicks } from './link-clicks'
import { ReadingPosition } from './reading-position'
import { compactViewTree } from './compact-view'
import { ringForKeyboardOnly } from './pointer-focus'
import { buildTextOffsets, type TextOffsets } from '../../document/text-offsets'
import { firstVisiblePos, scrollPosToTop } from './visible-position'
import { documentOutline, type DocumentOutline } from '../../../../common/outline/document-outline'
import { ReadingProgress } from './reading-progress'
import { WindowedText } from '../../document/windowed-text'
import { sectionSchema } from '../../document/section-schema'
import { ReaderSections } from './reader-sections'
import { sectionSelection } from './section-selection'

/** Performance mark set once an opened article is painted, fonts loaded and position restored. */
export const PAINTED_MARK = 'hamish:reader-painted'

/** What the reader needs from the app around it. */
export interface ReaderOptions {
  /** Opens an http(s)/mailto link outside the app (or does nothing, in the preview). */
  openLink(href: string): void
  /** Viewport y of the bottom of the app's top bar: where "the top of the page" is. */
  top(): number
  /** Called with the article's title once it is loaded, for the window title. */
  onTitle(title: string): void
  /** The parts that work inside the text (annotations, find), wired by the shell. */
  parts: ReaderParts
  /** Opens File > Export… for this article. */
  openExport(summary: ArticleSummary): void
  /** Opens Share notes… (export or import annotation files) for this article. */
  openShare(summary: ArticleSummary): void
  /** Opens the article info panel; `saved` gets main's summary after a save. */
  openInfo(summary: ArticleSummary, saved: (updated: ArticleSummary) => void): void
  /** The team's Share / Stop sharing control for this article, from the shell (none outside a team feature). */
  teamControl?(summary: ArticleSummary): HTMLElement
}

/** What the reader calls: the article (a long one's head, then its blocks by range, its text to copy, find), its reading position. */
export type ReaderApi = Pick<
  HamishApi,
  | 'openArticle'
  | 'getArticleBlocks'
  | 'getArticleText'
  | 'findInArticle'
  | 'getReadingPosition'
  | 'setReadingPosition'
>

/**
 * One open article: title and metadata, then the text in a read-only
 * ProseMirror view. The container carries the article's `dir` and `lang`,
 * so an Arabic article is right-to-left while the app around it is not. The
 * text can be selected with mouse or keyboard and copied; links never
 * navigate; the reading position is restored on open and saved on scroll.
 * Highlights and notes (the annotations feature, a ReaderParts part) are drawn in
 * the text and listed in the notes panel beside it, on the side that mirrors
 * the article's direction.
 */
export class ReaderView {
  readonly element = el('div', { class: 'reader-page' })
  private view: EditorView | null = null
  private position: ReadingPosition | null = null
  private offsets: TextOffsets | null = null
  private annotations: AnnotationsPart | null = null
  private destroyed = false
  private summary: ArticleSummary | null = null
  private findBar: FindPart | null = null
  private pendingTarget: ReaderTarget | null = null
  private progress: ReadingProgress | null = null
  /** A long article's sections (null for an article shown whole). */
  private sections: ReaderSections | null = null

  constructor(
    private readonly api: ReaderApi,
    readonly id: string,
    private readonly options: ReaderOptions,
  ) {
    this.element.append(
      el('p', { class: 'reader-loading muted', attrs: { role: 'status' }, text: strings.readerLoading }),
    )
  }

  /** Fetches the article and its reading position, renders, and scrolls to where the reader was. */
  async load(): Promise<void> {
    let opened: OpenedArticle
    let offset: number | null
    let first: { doc: PMNode; offsets: TextOffsets }
    try {
      ;[opened, offset] = await Promise.all([
        this.api.openArticle(this.id),
        this.api.getReadingPosition(this.id),
        // In parallel with the fetch, so the text is laid out once, in its own font.
        loadReadingFont(),
      ])
      if (this.destroyed) return
      // Notes are drawn with the text: their renderer (a chunk of its own) first, if this article has any notes.
      await this.options.parts.prepare(annotationsOf(opened)).catch(() => undefined)
      first = await this.firstDoc(opened, offset)
    } catch (err) {
      if (!this.destroyed) this.showError(errorMessage(err))
      return
    }
    if (this.destroyed) return
    // Stages of opening, for the benchmark's breakdown (bench/reader-open.ts).
    performance.mark('hamish:article-fetched')
    const summary = opened.kind === 'whole' ? opened.article.summary : opened.head.summary
    this.render(summary, annotationsOf(opened), first, offset)
    // A long article's outline came with its head (main read it from the whole text); a short one's is read here.
    const outline =
      opened.kind === 'whole'
        ? (
            (doc) => () =>
              documentOutline(doc)
          )(opened.article.doc)
        : (
            (o) => () =>
              o
          )(opened.head.outline)
    performance.mark('hamish:view-created')
    // Measure only once the bundled fonts are in: they change every line's height.
    await document.fonts.ready
    await new Promise((r) => requestAnimationFrame(r))
    if (this.destroyed || !this.view) return
    this.sections?.start()
    this.position = new ReadingPosition(
      this.view,
      this.offsets!,
      (o) => void this.api.setReadingPosition(this.id, o).catch(() => undefined),
      this.options.top,
    )
    this.position.restore(offset)
    const target = this.pendingTarget
    this.pendingTarget = null
    if (target) this.openAt(target)
    // For the benchmark (bench/reader-open.ts): the frame after this one shows the text in its font.
    requestAnimationFrame(() => {
      performance.mark(PAINTED_MARK)
      // A heavily annotated book shows the highlights near the reading position first, then the rest.
      this.annotations?.drawRest()
      // The table of contents and the position indicator come after the first paint: they are read from the whole text.
      if (!this.destroyed) this.showProgress(outline())
    })
  }

  /** Ctrl/Cmd+F: opens the find bar above the text (or focuses it). */
  openFind(): void {
    if (!this.view || !this.offsets) return
    if (!this.findBar) {
      // A long article is searched in main, which holds its text; a short one in the page.
      const search = this.sections
        ? (query: string, options: FindInArticleOptions, near: MatchNear) =>
            this.api.findInArticle(this.id, query, options, near)
        : null
      this.findBar = this.options.parts.findBar(this.view, this.offsets, search)
      this.element.querySelector('.reader-column')?.prepend(this.findBar.element)
    }
    this.findBar.open()
  }

  /**
   * Shows a library-search result: a text match opens the find bar on the
   * query at that match; an annotation match goes to the highlight (or, if it
   * is not found in this text, opens the notes panel where it is listed).
   * Called once the text is laid out; before that the target is kept.
   */
  openAt(target: ReaderTarget): void {
    if (!this.position) {
      this.pendingTarget = target
      return
    }
    if (target.kind === 'match') {
      this.openFind()
      this.findBar?.openWith(target.query, target, target.start)
    } else {
      this.annotations?.show(target.id)
    }
  }

  /** Undoes the latest annotation change in this article (Ctrl/Cmd+Z, Edit > Undo); false when there is none. */
  undo(): boolean {
    return this.annotations?.undo() ?? false
  }

  /** Redoes the latest undone annotation change; false when there is none. */
  redo(): boolean {
    return this.annotations?.redo() ?? false
  }

  /** Ctrl/Cmd+Shift+M: shows or hides the notes panel (nothing while the article loads). */
  toggleNotes(): void {
    this.annotations?.toggleNotes()
  }

  /** Opens the export dialog for the open article (Ctrl+E, File > Export…); nothing while it loads. */
  openExport(): void {
    if (this.summary) this.options.openExport(this.summary)
  }

  /** Opens "Share notes…" (export or import annotation files) for the open article; File menu. */
  openShare(): void {
    if (this.summary) this.options.openShare(this.summary)
  }

  /** Opens the article info panel (its button, Ctrl/Cmd+I); nothing while the article loads. */
  openInfo(): void {
    if (this.summary) this.options.openInfo(this.summary, (updated) => this.summaryChanged(updated))
  }

  /**
   * The article's summary as main has it now (after its details or title
   * were saved): the header above the text and the window title show it.
   */
  summaryChanged(updated: ArticleSummary): void {
    if (!this.summary || updated.id !== this.id || this.destroyed) return
    this.summary = updated
    const header = this.element.querySelector('.reader-header')
    header?.replaceWith(articleHeader(updated, `reader-title-${updated.id}`, this.options.openLink))
    this.options.onTitle(updated.title)
  }

  /** Moves keyboard focus into the text, without scrolling. */
  /** Annotations of this article another window changed (the change feed). */
  annotationsChangedElsewhere(ids: readonly string[]): void {
    void this.annotations?.syncFromMain(ids)
  }

  focus(): void {
    this.view?.dom.focus({ preventScroll: true })
  }

  /** The offsets mapping of the open document (for tests and annotations). */
  get textOffsets(): TextOffsets | null {
    return this.offsets
  }

  /** Brings the text at a plain-text offset to the top of the screen (table of contents, go to page). */
  async goToOffset(offset: number): Promise<void> {
    if (!this.view || !this.offsets) return
    await this.offsets.reveal?.(offset)
    if (!this.view) return
    scrollPosToTop(this.view, this.offsets.toPos(offset), this.options.top())
    this.focus()
  }

  /** Opens or closes the table of contents; false when the article has none (or is not open yet). */
  toggleContents(): boolean {
    if (!this.progress?.hasContents) return false
    this.progress.setOpen(!this.progress.isOpen)
    return true
  }

  destroy(): void {
    this.destroyed = true
    this.progress?.destroy()
    this.progress = null
    this.position?.destroy()
    this.sections?.destroy()
    this.sections = null
    this.annotations?.destroy()
    this.annotations = null
    this.view?.destroy()
    this.view = null
  }

  /**
   * The first document: a short article whole; a long one (main sent its
   * head only) laid out a section at a time (reader-sections.ts), its first
   * window's blocks fetched from main.
   */
  private async firstDoc(
    opened: OpenedArticle,
    openingOffset: number | null,
  ): Promise<{ doc: PMNode; offsets: TextOffsets }> {
    if (opened.kind === 'whole') {
      const doc = PMNode.fromJSON(schema, opened.article.doc)
      return { doc, offsets: buildTextOffsets(doc) }
    }
    const { blockStarts, blockLengths, outline } = opened.head
    const windowed = new WindowedText(
      { starts: blockStarts, lengths: blockLengths, length: outline.length },
      sectionSchema,
      (first, end) => this.api.getArticleBlocks(this.id, first, end),
    )
    this.sections = new ReaderSections(
      windowed,
      () => this.view,
      this.options.top,
      () => this.afterMove(),
    )
    return { doc: await this.sections.initialDoc(openingOffset), offsets: windowed }
  }

  private render(
    summary: ArticleSummary,
    list: AnchoredAnnotation[],
    { doc, offsets }: { doc: PMNode; offsets: TextOffsets },
    openingOffset: number | null,
  ): void {
    this.summary = summary
    const sections = this.sections
    this.offsets = offsets
    const annotations = this.options.parts.annotations(
      {
        summary,
        offsets,
        top: this.options.top,
        openLink: this.options.openLink,
        firstVisiblePos: (v) => firstVisiblePos(v, this.options.top()),
        openingOffset,
      },
      list,
    )
    this.annotations = annotations
    const titleId = `reader-title-${summary.id}`
    const mount = el('div', { class: 'reader-text' })
    const container = el(
      'article',
      { class: 'reader', attrs: { dir: summary.dir, lang: summary.lang, 'aria-labelledby': titleId } },
      [articleHeader(summary, titleId, this.options.openLink), mount],
    )
    // The notes panel mirrors the article's direction: on the left of right-to-left text.
    this.element.classList.add(summary.dir === 'rtl' ? 'notes-left' : 'notes-right')
    this.element.replaceChildren(
      el('div', { class: 'reader-column' }, [
        el('nav', { class: 'reader-nav', attrs: { 'aria-label': strings.readerNav } }, [
          el('a', {
            class: 'back-link',
            attrs: { href: '#/', 'aria-label': strings.readerBack },
            text: `${backArrow()} ${strings.navLibrary}`,
          }),
          annotations.toggle,
          button(strings.infoButton, () => this.openInfo(), {
            class: 'export-button info-button',
            attrs: {
              title: `${strings.infoButton} (${keyLabel('Mod-i', IS_MAC)})`,
              'data-action': 'article-info',
            },
          }),
          button(strings.exportButton, () => this.openExport(), {
            class: 'export-button',
            attrs: { title: `${strings.exportButton} (Ctrl+E)` },
          }),
          button(strings.shareButton, () => this.openShare(), {
            class: 'export-button share-button',
            attrs: { 'data-action': 'share-notes' },
          }),
          this.options.teamControl?.(summary) ?? null,
        ]),
        container,
      ]),
    )
    this.view = new EditorView(
      { mount },
      {
        state: EditorState.create({
          doc,
          plugins: [
            linkClicks(this.options.openLink),
            ...(sections ? [this.selectionAcrossSections(sections, offsets.length)] : []),
            keyboardSelection((v) => firstVisiblePos(v, this.options.top())),
            ...annotations.plugins(),
            this.options.parts.findPlugin(),
          ],
        }),
        editable: () => false,
        attributes: {
          tabindex: '0',
          role: 'document',
          'aria-label': strings.readerTextLabel(summary.title),
          spellcheck: 'false',
        },
      },
    )
    compactViewTree(this.view)
    ringForKeyboardOnly(this.view.dom)
    annotations.attach(this.view, this.element)
    this.options.onTitle(summary.title)
  }

  /** Selection and copy across a long article's sections: the window grows with the selection; Ctrl+A copies the whole text from main. */
  private selectionAcrossSections(sections: ReaderSections, length: number) {
    return sectionSelection({
      selectionChanged: () => sections.selectionChanged(),
      wholeText: () => this.api.getArticleText(this.id, 0, length),
    })
  }

  /** After a long article's section moved: its highlights and find matches are drawn in the new one. */
  private afterMove(): void {
    if (!this.view) return
    compactViewTree(this.view)
    this.annotations?.redraw()
    this.findBar?.redraw()
  }

  private showProgress(outline: DocumentOutline): void {
    this.progress = new ReadingProgress(outline, {
      current: () => this.position?.current() ?? null,
      goTo: (offset) => void this.goToOffset(offset),
    })
    this.element.querySelector('.reader-column')?.append(this.progress.element)
  }

  private showError(message: string): void {
    this.element.replaceChildren(
      el('div', { class: 'reader-error', attrs: { role: 'alert' } }, [
        el('p', { class: 'empty-title', text: strings.readerNotFound }),
        el('p', { class: 'muted', text: message }),
        el('a', { class: 'back-link', attrs: { href: '#/' }, text: `${backArrow()} ${strings.navLibrary}` }),
      ]),
    )
  }
}

/** The live annotations an opened article came with. */
function annotationsOf(opened: OpenedArticle): AnchoredAnnotation[] {
  return (opened.kind === 'whole' ? opened.article.annotations : opened.head.annotations) ?? []
}

/** "Back" points to where the interface's lines start: left in English, right in Arabic. */
function backArrow(): string {
  return UI_DIR === 'rtl' ? '→' : '←'
}
