import type { AnchoredAnnotation } from '../annotation'
import type { LocalText } from '../i18n/local-text'
import type { ConflictSide } from '../sharing/merge'

/** What an annotation import did, item by item (issue 5): nothing is dropped without a line here. */
export interface AnnotationImportReport {
  articleId: string
  articleTitle: string
  /** The article was created from a bundle that carried it. */
  articleCreated: boolean
  added: string[]
  updated: string[]
  unchanged: string[]
  /** Of `unchanged`: the file's version was older than yours, so yours was kept and the file's set aside. */
  older: string[]
  /** Annotations the merge deleted here because the file holds a newer deletion of them (or a new deleted one). */
  deleted: string[]
  /**
   * Versions that replace neither the other (both sides edited the note since
   * their common version, saved different content at the same instant, or
   * the file changes your own annotation): both kept, `kept` shown and the
   * other as its "their version"; `ours` and `theirs` show both texts.
   */
  conflicts: {
    id: string
    kept: 'local' | 'incoming'
    reason: string
    text?: LocalText
    ours?: ConflictSide
    theirs?: ConflictSide
    /** Who the file's version is by (common/sharing/merge.ts); null or absent: the file names no one. */
    changedBy?: string | null
  }[]
  /** Annotations dated ahead of this computer's clock (within the few minutes allowed): taken, and told. */
  ahead: string[]
  /** Imported but not found in this copy of the text: kept and listed as orphans. */
  orphaned: string[]
  /** Taken, but changed on the way (a Hypothesis reply to an annotation not in the file, kept as an article note), each with why. */
  adjusted?: { id: string | null; reason: string; text?: LocalText }[]
  /** `reason` in English; `text`, when present, the same for the interface's language. */
  rejected: { id: string | null; reason: string; text?: LocalText }[]
}

/**
 * An annotation file handed to main: its name and bytes (the renderer never
 * sends a path). `articleId` is the user's choice when the file's fingerprint
 * matches no article here.
 */
export interface AnnotationImportRequest {
  name: string
  bytes: Uint8Array
  articleId?: string
  /** Import into the chosen article even though none of the file's passages is found in it. */
  confirmOrphans?: boolean
}

/**
 * An import that could not find its article: the file's title and the best
 * local candidates (by title and quotes), for the user to pick from.
 */
export interface ArticleChoiceNeeded {
  status: 'needs-article'
  fileTitle: string
  candidates: { articleId: string; title: string; score: number }[]
}

/**
 * The article the user chose holds none of the file's passages: every note
 * would be unplaced. Nothing was imported; the user is asked first, and
 * `confirmOrphans` imports them anyway.
 */
export interface OrphansConfirmNeeded {
  status: 'all-orphans'
  articleId: string
  articleTitle: string
  count: number
}

export type AnnotationImportResult =
  { status: 'imported'; report: AnnotationImportReport } | ArticleChoiceNeeded | OrphansConfirmNeeded

/** What resolveAnnotationConflict changed: the annotation, and for "both" the new one carrying their text. */
export interface ConflictResolution {
  annotation: AnchoredAnnotation
  added: AnchoredAnnotation | null
}
