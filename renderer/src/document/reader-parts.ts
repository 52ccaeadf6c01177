import type { Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { AnchoredAnnotation } from '../../../common/annotation'
import type { ArticleSummary } from '../../../common/article'
import type { FindInArticleOptions, FindInArticleResult } from '../../../common/contract/find-in-article'
import type { MatchNear } from '../../../common/find/match-page'
import type { TextOffsets } from './text-offsets'

/*
 * The contract between the reader and the features that work inside its
 * text (annotations, find). Features do not import each other (see
 * docs/ARCHITECTURE.md, "Renderer floors"): the reader asks for its parts
 * through these interfaces, and the shell (shell/reader-parts.ts) builds them
 * from the annotations and find features.
 */

/** What the reader knows that its parts need: the open article and where the page's top is. */
export interface ReaderPartHost {
  summary: ArticleSummary
  offsets: TextOffsets
  /** Viewport y of the bottom of the top bar. */
  top(): number
  openLink(href: string): void
  /** Document position of the first text on screen. */
  firstVisiblePos(view: EditorView): number | null
  /** The plain-text offset the reader opens at (its saved reading position), or null for the top. */
  openingOffset: number | null
}

/** The article's highlights and notes, as the reader drives them. */
export interface AnnotationsPart {
  /** The "Notes" button for the reader's bar. */
  readonly toggle: HTMLElement
  plugins(): Plugin[]
  attach(view: EditorView, page: HTMLElement): void
  /** Draws the highlights left for after the first paint. */
  drawRest(): void
  /** Draws every highlight again: a long article's laid-out section moved (windowed-text.ts). */
  redraw(): void
  /** Goes to an annotation (or lists it in the notes panel when it is not found in the text). */
  show(id: string): void
  /** Undoes the latest annotation change; false when there is none. */
  undo(): boolean
  /** Redoes the latest undone annotation change; false when there is none. */
  redo(): boolean
  /** Opens or closes the notes panel. */
  toggleNotes(): void
  /** Shows these annotations as main now has them (another window changed them). */
  syncFromMain(ids: readonly string[]): Promise<void>
  destroy(): void
}

/** The find bar above the text. */
export interface FindPart {
  readonly element: HTMLElement
  open(): void
  openWith(query: string, options: { folded: boolean; wholeWord: boolean }, start: number): void
  /** Draws the matches again: a long article's laid-out section moved (windowed-text.ts). */
  redraw(): void
}

/** How the reader gets its parts; the shell supplies them. */
export interface ReaderParts {
  /** Loads what drawing these annotations needs (the notes' Markdown renderer) before the text is laid out. */
  prepare(annotations: readonly AnchoredAnnotation[]): Promise<void>
  annotations(host: ReaderPartHost, annotations: AnchoredAnnotation[]): AnnotationsPart
  findPlugin(): Plugin
  /** The find bar; `search` is main's find for a long article (the page holds only a window of its text), null for a short one. */
  findBar(view: EditorView, offsets: TextOffsets, search: ArticleSearch | null): FindPart
}

/** Find in a long article, run by main (HamishApi.findInArticle for the open article). */
export type ArticleSearch = (
  query: string,
  options: FindInArticleOptions,
  near: MatchNear,
) => Promise<FindInArticleResult>
