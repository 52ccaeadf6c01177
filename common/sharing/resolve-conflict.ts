import type { Annotation, Creator } from '../annotation'
import { HamishError } from '../errors'
import { localText } from '../i18n/local-text'
import { versionId, versionOf } from './lineage'

/** The user's answer to "their version": take it, keep yours, or keep both as two annotations. */
export type ConflictChoice = 'theirs' | 'mine' | 'both'

export interface Resolved {
  /** The annotation after the choice. */
  annotation: Annotation
  /** For "both": the new annotation of yours on the same passage, carrying their text. */
  added?: Annotation
}

/**
 * Settles one version kept beside an annotation (`others`, found by its
 * versionId). The version not kept joins `replaced`, so the same file
 * imported again, or a colleague's library that still has it, never brings
 * it back, and a colleague who imports yours learns the choice too.
 * "Both" keeps yours and makes a second annotation, yours (`me`, new `id`),
 * on their passage with their colour, note and tags. A version that is no
 * longer there (the annotation changed meanwhile) is refused and nothing
 * changes.
 */
export function resolveConflict(
  a: Annotation,
  otherId: string,
  choice: ConflictChoice,
  made: { me: Creator; id: string; now: Date },
): Resolved {
  const others = a.others ?? []
  const other = others.find((v) => versionId(v) === otherId)
  if (!other) throw new HamishError('not-found', localText('messages.versionGone'))
  const rest = others.filter((v) => v !== other)
  const replacedOne = choice === 'theirs' ? versionId(versionOf(a)) : otherId
  const shown = choice === 'theirs' ? (other as Annotation) : versionOf(a)
  const annotation: Annotation = { ...shown }
  if (rest.length > 0) annotation.others = rest
  annotation.replaced = [...new Set([...(a.replaced ?? []), replacedOne])].sort()
  if (a.replacedUpTo) annotation.replacedUpTo = a.replacedUpTo
  if (choice !== 'both') return { annotation }
  const at = made.now.toISOString()
  const added: Annotation = {
    id: made.id,
    ...(other.target
      ? { target: { quote: { ...other.target.quote }, position: { ...other.target.position } } }
      : {}),
    ...(other.about ? { about: { ...other.about } } : {}),
    body: { ...other.body, tags: [...other.body.tags] },
    creator: { ...made.me },
    created: at,
    modified: at,
    deleted: false,
    lineage: [],
  }
  return { annotation, added }
}
