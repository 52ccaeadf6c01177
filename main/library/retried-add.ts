import type { Annotation, NewAnnotation, NewNote } from '../../common/annotation'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/**
 * The annotation an add already made, when `req` is a retry of it: its
 * request id is the annotation's id (createAnnotation), so a page that sends
 * an add again after its answer was lost gets the saved highlight back and
 * no second one is made. Null for a first request. An id already used for
 * other words is refused (a page bug, never a reason to change the saved
 * one); a retry of a highlight deleted since finds it gone.
 */
export function retriedAnnotation(
  lookUp: (id: string) => Annotation | undefined,
  req: NewAnnotation,
): Annotation | null {
  if (req.requestId === undefined) return null
  const found = lookUp(req.requestId)
  if (!found) return null
  if (!found.target) throw new HamishError('invalid-argument', localText('messages.requestIdReused'))
  const { position, quote } = found.target
  if (position.start !== req.start || position.end !== req.end || quote.exact !== req.quote)
    throw new HamishError('invalid-argument', localText('messages.requestIdReused'))
  if (found.deleted) throw new HamishError('not-found', localText('messages.annotationGone'))
  return found
}

/**
 * As retriedAnnotation, for an article note or a reply: the saved note when
 * `req` is a retry of its add (same id, same kind and parent, same text);
 * an id used for anything else is refused.
 */
export function retriedNote(lookUp: (id: string) => Annotation | undefined, req: NewNote): Annotation | null {
  if (req.requestId === undefined) return null
  const found = lookUp(req.requestId)
  if (!found) return null
  if (
    !found.about ||
    JSON.stringify(found.about) !== JSON.stringify(req.about) ||
    found.body.note !== req.note
  )
    throw new HamishError('invalid-argument', localText('messages.requestIdReused'))
  if (found.deleted) throw new HamishError('not-found', localText('messages.annotationGone'))
  return found
}
