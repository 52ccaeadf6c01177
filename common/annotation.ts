import * as v from 'valibot'

/** The five named highlight colours, in toolbar order (keys 1–5). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

/** Characters of context kept on each side of a quote (DESIGN §4). */
export const QUOTE_CONTEXT = 32

/** W3C TextQuoteSelector: the quoted text with up to 32 code points of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** W3C TextPositionSelector, in Unicode code points of the article's plain text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** Both selectors, always stored together: position is fast, the quote is what survives edits. */
export interface AnnotationTarget {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

export interface AnnotationBody {
  color: HighlightColor
  /** Markdown text; shown rendered, never as HTML. */
  note: string
  tags: string[]
}

export interface Creator {
  /** Stable random id of the author (one per library/profile). */
  id: string
  name: string
}

/**
 * What a note that marks no passage is about: the whole article (an article
 * note, Hypothesis's page note) or another annotation (a reply, by that
 * annotation's id). Highlights have none; they have a `target`.
 */
export type AnnotationAbout = { kind: 'article' } | { kind: 'reply'; annotationId: string }

/**
 * One annotation as stored in the article's file, independent of the
 * document (W3C Web Annotation model). A deleted one stays as a tombstone so
 * a merge never resurrects it. Exactly one of `target` (a highlight: a
 * passage of the text) and `about` (an article note or a reply) is present;
 * a highlight is written exactly as before notes and replies existed.
 */
export interface Annotation {
  id: string
  /** The passage, for a highlight; absent for an article note or a reply. */
  target?: AnnotationTarget
  /** For an article note or a reply; absent for a highlight. */
  about?: AnnotationAbout
  body: AnnotationBody
  creator: Creator
  created: string
  modified: string
  deleted: boolean
  /**
   * Ids (common/sharing/lineage.ts versionId) of the versions this one was
   * made from. Absent on a version written without lineage (an older Hamish,
   * another tool): such versions are ordered by `modified` alone.
   */
  lineage?: string[]
  /**
   * Versions made at the same time as this one from a common version (a
   * colleague's edit of the note you also edited), or changes to your own
   * annotation that came from a file: kept, shown as "their version", until
   * the user chooses (Use theirs / Keep mine / Keep both).
   */
  others?: AnnotationVersion[]
  /** Ids of versions of this annotation already replaced, beyond those its versions' lineage names: they never come back. */
  replaced?: string[]
  /** Versions without lineage modified before this time are replaced (the newest such version seen). */
  replacedUpTo?: string
}

/** One version of an annotation, as kept beside the current one. */
export type AnnotationVersion = Omit<Annotation, 'others' | 'replaced' | 'replacedUpTo'>

/** How an annotation was found in the current text, strongest first. */
export type AnchorMethod = 'position' | 'quote' | 'folded' | 'fuzzy'

/** Where an annotation sits in the current plain text (code points, end exclusive). */
export interface Anchor {
  start: number
  end: number
  method: AnchorMethod
}

/** An annotation with its anchor in the current text; `anchor: null` means orphaned (kept, listed, not shown in the text). */
export interface AnchoredAnnotation extends Annotation {
  anchor: Anchor | null
}

/** What the renderer sends to create an annotation: the selection as plain-text offsets and the text it saw. */
export interface NewAnnotation {
  articleId: string
  start: number
  end: number
  /** The selected text as the page saw it; must equal the plain text between start and end. */
  quote: string
  color: HighlightColor
  note?: string
  tags?: string[]
  /**
   * A random UUID the page makes once per highlight it asks for, and sends
   * again when it retries: the annotation takes it as its id, so a retry of
   * an add whose answer was lost returns the saved highlight instead of
   * making a second one.
   */
  requestId?: string
}

export interface AnnotationPatch {
  color?: HighlightColor
  note?: string
  tags?: string[]
}

/** What the renderer sends to write a note about the whole article, or a reply to an annotation. */
export interface NewNote {
  articleId: string
  about: AnnotationAbout
  /** Markdown; not empty. */
  note: string
  tags?: string[]
  /** As NewAnnotation's: a retried add returns the saved note instead of making a second one. */
  requestId?: string
}

/** The user's identity as an author of annotations. */
export interface Profile {
  displayName: string
  authorId: string
}

/** A highlight colour, as the API (common/contract/schemas.ts) and an article file both check it. */
export const colorSchema = v.picklist(HIGHLIGHT_COLORS)

/** A highlight: an annotation with a passage of the text as its target (not an article note or a reply). */
export function isHighlight<A extends Pick<Annotation, 'target'>>(
  a: A,
): a is A & { target: AnnotationTarget } {
  return a.target !== undefined
}

/** The annotation a reply answers; null for a highlight or an article note. */
export function repliedTo(a: Pick<Annotation, 'about'>): string | null {
  return a.about?.kind === 'reply' ? a.about.annotationId : null
}

/** Whether this is a note about the whole article. */
export function isArticleNote(a: Pick<Annotation, 'about'>): boolean {
  return a.about?.kind === 'article'
}

/** Live (not deleted) annotations in document order; orphans last, by creation. */
export function inDocumentOrder(annotations: AnchoredAnnotation[]): AnchoredAnnotation[] {
  return [...annotations].sort((a, b) => {
    if (a.anchor && b.anchor) return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end
    if (a.anchor) return -1
    if (b.anchor) return 1
    return a.created.localeCompare(b.created)
  })
}
