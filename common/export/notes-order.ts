import { HIGHLIGHT_COLORS, type AnchoredAnnotation } from '../annotation'
import type { ExportLabels } from './labels'

/** The order of a notes summary: where each quote is in the text, or when its note was made. */
export const NOTES_ORDERS = ['position', 'date'] as const
export type NotesOrder = (typeof NOTES_ORDERS)[number]

/** The headings a notes summary is grouped under. */
export const NOTES_GROUPS = ['none', 'colour', 'tag'] as const
export type NotesGroup = (typeof NOTES_GROUPS)[number]

/** One group of a notes summary: its heading (null: no heading) and its notes, in order. */
export interface NotesGroupPart {
  heading: string | null
  notes: AnchoredAnnotation[]
}

/**
 * Notes in the order asked for. `position` keeps the text order they come in;
 * `date` sorts by creation time (a student reading their notes as a diary),
 * ties kept in text order, so the same input always gives the same file.
 */
export function orderNotes(notes: readonly AnchoredAnnotation[], order: NotesOrder): AnchoredAnnotation[] {
  if (order === 'position') return [...notes]
  return notes
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.created < y.a.created ? -1 : x.a.created > y.a.created ? 1 : x.i - y.i))
    .map(({ a }) => a)
}

/**
 * Splits ordered notes into headed groups, none left out. By colour: the
 * toolbar's colour order, then any colour the app does not know (a damaged
 * file) without a heading. By tag: tags in the labels' language's
 * alphabetical order, a note with several tags under each of them, notes
 * without tags last under "No tags". Each group keeps the given order.
 */
export function notesGroups(
  notes: readonly AnchoredAnnotation[],
  group: NotesGroup,
  labels: ExportLabels,
): NotesGroupPart[] {
  if (group === 'none') return [{ heading: null, notes: [...notes] }]
  const out: NotesGroupPart[] = []
  if (group === 'colour') {
    for (const color of HIGHLIGHT_COLORS) {
      const members = notes.filter((a) => a.body.color === color)
      if (members.length > 0) out.push({ heading: labels.colorNames[color], notes: members })
    }
    const other = notes.filter((a) => !(HIGHLIGHT_COLORS as readonly string[]).includes(a.body.color))
    if (other.length > 0) out.push({ heading: null, notes: other })
    return out
  }
  const collator = new Intl.Collator(labels.lang)
  const tags = [...new Set(notes.flatMap((a) => a.body.tags))].sort(collator.compare)
  for (const tag of tags) out.push({ heading: tag, notes: notes.filter((a) => a.body.tags.includes(tag)) })
  const untagged = notes.filter((a) => a.body.tags.length === 0)
  if (untagged.length > 0) out.push({ heading: labels.untagged, notes: untagged })
  return out
}
