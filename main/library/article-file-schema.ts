import * as v from 'valibot'
import { colorSchema } from '../../common/annotation'
import { docSchema } from '../../common/document'

const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0))
const moment = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s))),
)

/**
 * One annotation as stored in an article file: every field the reader, the
 * merge, the search index and the exports read, each of its type, so a file
 * that passes never fails later inside whatever code first trusts a field
 * (`annotations: {}` once crashed the open with "all.map is not a
 * function"). Fields it does not know are let through (`v.object`, checked
 * with `v.is`, never parsed into a copy): a field a newer Hamish adds does
 * not make the file damaged.
 */
export const storedAnnotationSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    // A highlight has a target; an article note or a reply has `about` instead (exactly one of the two).
    target: v.optional(
      v.object({
        quote: v.object({
          type: v.literal('TextQuoteSelector'),
          exact: v.string(),
          prefix: v.string(),
          suffix: v.string(),
        }),
        position: v.pipe(
          v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
          v.check((p) => p.start <= p.end),
        ),
      }),
    ),
    about: v.optional(
      v.variant('kind', [
        v.object({ kind: v.literal('article') }),
        v.object({ kind: v.literal('reply'), annotationId: v.pipe(v.string(), v.minLength(1)) }),
      ]),
    ),
    body: v.object({ color: colorSchema, note: v.string(), tags: v.array(v.string()) }),
    creator: v.object({ id: v.string(), name: v.string() }),
    created: moment,
    modified: moment,
    deleted: v.boolean(),
  }),
  v.check((a) => (a.target === undefined) !== (a.about === undefined)),
)

/**
 * articles/<id>.json as a whole: the document against the reader's own
 * schema (`docSchema`, as every import is checked before it is written, so
 * `doc.content: "x"` is damage, not an empty article), and every annotation.
 */
export const articleFileSchema = v.object({
  version: v.literal(1),
  id: v.string(),
  doc: docSchema,
  annotations: v.optional(v.array(storedAnnotationSchema)),
  // Added with PDF import (issue 14) without a new version: an older Hamish lets it through unread.
  pdfPages: v.optional(
    v.pipe(
      v.array(v.nullable(offset)),
      v.check((starts) => isNonDecreasing(starts)),
    ),
  ),
})

/** Page starts come in page order: a later page never starts before an earlier one. */
function isNonDecreasing(starts: (number | null)[]): boolean {
  let last = 0
  for (const start of starts) {
    if (start === null) continue
    if (start < last) return false
    last = start
  }
  return true
}
