import { randomUUID } from 'node:crypto'
import { uniqueTags } from '../../common/tags'
import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationPatch,
  Creator,
  NewAnnotation,
  NewNote,
} from '../../common/annotation'
import { inDocumentOrder } from '../../common/annotation'
import { anchor, describeSelection, type AnchorText } from '../../common/anchoring'
import { HamishError } from '../../common/errors'
import { succeed } from '../../common/sharing'
import { localText } from '../../common/i18n/local-text'
import { nextModified } from './modified-time'

/**
 * A new annotation from the renderer's selection. The offsets must lie in the
 * text and the quote the page saw must be exactly the text between them: a
 * mismatch means the page and the file disagree, and saving would anchor the
 * note on the wrong words.
 */
export function createAnnotation(
  prepared: AnchorText,
  req: NewAnnotation,
  creator: Creator,
  now: Date,
): Annotation {
  if (req.end > prepared.length) {
    throw new HamishError('invalid-argument', localText('messages.selectionOutside'))
  }
  const selected = prepared.text.slice(prepared.toUtf16(req.start), prepared.toUtf16(req.end))
  if (selected !== req.quote) {
    throw new HamishError('invalid-argument', localText('messages.selectionMismatch'))
  }
  const at = now.toISOString()
  return {
    // The page's request id, when it sent one, so a retry finds this annotation (retried-add.ts).
    id: req.requestId ?? randomUUID(),
    target: describeSelection(prepared, req.start, req.end),
    body: { color: req.color, note: req.note ?? '', tags: uniqueTags(req.tags ?? []) },
    creator: { ...creator },
    created: at,
    modified: at,
    deleted: false,
    lineage: [],
  }
}

/**
 * A new article note or reply. It is written as any annotation (id, author,
 * dates, lineage) but marks no passage: `about` says what it is about. A
 * reply's annotation must exist in the article (`exists`), deleted or not:
 * a reply to a note deleted since is allowed, as a colleague's would be.
 */
export function createNote(
  req: NewNote,
  creator: Creator,
  now: Date,
  exists: (id: string) => boolean,
): Annotation {
  if (req.about.kind === 'reply' && !exists(req.about.annotationId)) {
    throw new HamishError('not-found', localText('messages.annotationGone'))
  }
  const at = now.toISOString()
  return {
    id: req.requestId ?? randomUUID(),
    about:
      req.about.kind === 'reply'
        ? { kind: 'reply', annotationId: req.about.annotationId }
        : { kind: 'article' },
    body: { color: 'yellow', note: req.note, tags: uniqueTags(req.tags ?? []) },
    creator: { ...creator },
    created: at,
    modified: at,
    deleted: false,
    lineage: [],
  }
}

/**
 * The annotation with the patch applied and a new modified time (later than its last: it names the version), as a new
 * version descending from the current one (lineage), so a colleague's file
 * made from the old version is known to be older and one made from the same
 * version as a concurrent edit (common/sharing/lineage.ts).
 */
export function patchAnnotation(a: Annotation, patch: AnnotationPatch, now: Date): Annotation {
  return succeed(a, {
    ...a,
    body: {
      color: patch.color ?? a.body.color,
      note: patch.note ?? a.body.note,
      tags: patch.tags ? uniqueTags(patch.tags) : [...a.body.tags],
    },
    modified: nextModified(a.modified, now),
  })
}

/** The annotation deleted (a tombstone) or restored, as a new version descending from the current one. */
export function withDeleted(a: Annotation, deleted: boolean, now: Date): Annotation {
  return succeed(a, { ...a, deleted, modified: nextModified(a.modified, now) })
}

/** Anchors one annotation in the current text (null: orphaned). */
export function anchored(prepared: AnchorText, a: Annotation): AnchoredAnnotation {
  // An article note or a reply is never anchored (and never orphaned: it has no passage to lose).
  return { ...a, anchor: a.target ? anchor(prepared, a.target) : null }
}

/** The live annotations of an article, anchored afresh and in document order, orphans last. */
export function anchorLive(prepared: AnchorText, annotations: readonly Annotation[]): AnchoredAnnotation[] {
  return inDocumentOrder(annotations.filter((a) => !a.deleted).map((a) => anchored(prepared, a)))
}
