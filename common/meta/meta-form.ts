import type { ArticleMeta } from '../article-meta'
import { MAX_META_AUTHORS } from '../contract/limits'
import { personsOf, type AuthorDraft, type AuthorProblem } from './author-drafts'
import { META_KEYS, MetaValueError, typedValue, withTypedValue, type MetaKey } from './meta-edit'

/** The info panel's one-line fields: every key but the authors, in the order the CLI prints them. */
export const FORM_FIELDS = META_KEYS.filter((k): k is Exclude<MetaKey, 'authors'> => k !== 'authors')
export type FormField = (typeof FORM_FIELDS)[number]

/** What the panel shows next to a field it cannot save: which field (an author by row) and why. */
export type FormProblem =
  | { field: FormField; problem: 'form' | 'too-long' }
  | { field: 'authors'; row: number; problem: AuthorProblem }
  | { field: 'authors'; problem: 'too-many' }

/** Fields whose only rule is their length: a refusal there means the text is too long. */
const LENGTH_ONLY: readonly FormField[] = ['container', 'publisher', 'pages', 'volume', 'issue']

/** The fields' texts as the panel first shows them (the CLI's typed form: dates as YYYY-MM-DD). */
export function formValues(meta: ArticleMeta | undefined): Record<FormField, string> {
  return Object.fromEntries(FORM_FIELDS.map((k) => [k, typedValue(meta ?? {}, k)])) as Record<
    FormField,
    string
  >
}

/**
 * The whole record the panel's fields and author rows describe, read by the
 * same rules as `hamish meta --set` (meta-edit.ts, which checks with
 * article-meta-check.ts, the rules main applies), so what the panel lets
 * through main accepts and what it refuses it names: every problem at once,
 * and then no meta, so nothing is half-saved. An empty field is no field.
 */
export function metaFromForm(
  fields: Readonly<Record<FormField, string>>,
  drafts: readonly AuthorDraft[],
): { ok: true; meta: ArticleMeta } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = []
  let meta: ArticleMeta = {}
  const people = personsOf(drafts)
  if (!people.ok) problems.push(...people.problems.map((p) => ({ field: 'authors' as const, ...p })))
  else if (people.authors.length > MAX_META_AUTHORS) problems.push({ field: 'authors', problem: 'too-many' })
  else if (people.authors.length > 0) meta.authors = people.authors
  for (const field of FORM_FIELDS) {
    try {
      meta = withTypedValue(meta, field, fields[field])
    } catch (err) {
      if (!(err instanceof MetaValueError)) throw err
      problems.push({ field, problem: LENGTH_ONLY.includes(field) ? 'too-long' : 'form' })
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, meta }
}
