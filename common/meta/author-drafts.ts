import type { Person } from '../article-meta'
import { MAX_META_TEXT_LENGTH } from '../contract/limits'
import { metaText } from './meta-values'

/**
 * One author as the info panel edits it: the form chosen (one name as
 * written, or family and given) and the text of every input, so switching
 * the form back and forth loses nothing the user typed.
 */
export interface AuthorDraft {
  form: 'name' | 'parts'
  name: string
  family: string
  given: string
}

/** Why an author row cannot be saved as it is. */
export type AuthorProblem = 'family-needed' | 'too-long'

/** The drafts of stored authors, in their order: a literal name as one name, family/given as parts. */
export function draftsOf(authors: readonly Person[] | undefined): AuthorDraft[] {
  return (authors ?? []).map((p) =>
    'literal' in p
      ? { form: 'name', name: p.literal, family: '', given: '' }
      : { form: 'parts', name: '', family: p.family, given: p.given ?? '' },
  )
}

/** An empty row, ready for typing: one name, since Arabic names are most often kept whole. */
export const blankDraft = (): AuthorDraft => ({ form: 'name', name: '', family: '', given: '' })

/**
 * The list with row `index` moved `by` places (−1 up, +1 down); the same
 * list when the move would leave the ends, so a key held down stops there.
 */
export function moveDraft<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const next = [...list]
  ;[next[index], next[to]] = [next[to]!, next[index]!]
  return next
}

/** The list without row `index`. */
export const removeDraft = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index)

const blank = (s: string): boolean => s.trim() === ''

/**
 * The rows as stored authors, in order: blank rows are skipped (an added
 * row left empty is no author), texts are tidied as the CLI tidies them
 * (metaText: spaces collapsed, trimmed). A row that cannot be an author is
 * reported by its index — a family name missing beside a given one, a text
 * over MAX_META_TEXT_LENGTH — and then nothing is returned to save.
 */
export function personsOf(
  drafts: readonly AuthorDraft[],
): { ok: true; authors: Person[] } | { ok: false; problems: { row: number; problem: AuthorProblem }[] } {
  const authors: Person[] = []
  const problems: { row: number; problem: AuthorProblem }[] = []
  drafts.forEach((d, row) => {
    const texts = d.form === 'name' ? [d.name] : [d.family, d.given]
    if (texts.every(blank)) return
    if (texts.some((t) => t.trim().length > MAX_META_TEXT_LENGTH)) {
      problems.push({ row, problem: 'too-long' })
      return
    }
    if (d.form === 'name') {
      authors.push({ literal: metaText(d.name)! })
      return
    }
    const family = metaText(d.family)
    const given = metaText(d.given)
    if (!family) problems.push({ row, problem: 'family-needed' })
    else authors.push(given ? { family, given } : { family })
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, authors }
}
