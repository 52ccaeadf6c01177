import { extendStamp } from '../../common/search/vocabulary'

/**
 * search-index/vocabulary.json: every term the library's index files
 * (version 5) name by id, in id order. Ids are only ever added, so a file
 * written later holds an earlier one as its start, and an article file
 * stays readable while the first `terms` terms keep the stamp it carries.
 * `stamp` is that hash over all the terms: a file whose terms do not hash
 * to it is damaged, recovered from its backup or started again empty.
 */
export interface VocabularyFile {
  version: 1
  terms: string[]
  stamp: number
}

/** The stamp of these terms (`Vocabulary.stampOf(terms.length)`). */
export function stampOfTerms(terms: readonly string[]): number {
  let stamp = 0
  for (const t of terms) stamp = extendStamp(stamp, t)
  return stamp
}

/** The shape and checksum test applied when reading (a file that fails it is treated as damaged). */
export function isVocabularyFile(data: unknown): data is VocabularyFile {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Partial<VocabularyFile>
  return (
    d.version === 1 &&
    Array.isArray(d.terms) &&
    d.terms.every((t) => typeof t === 'string' && t.length > 0) &&
    d.stamp === stampOfTerms(d.terms)
  )
}
