import type { DocPostings } from './doc-postings'

/**
 * For each vocabulary id, the slots of the articles holding the term (in
 * compressed-row form: two Int32Arrays for the whole library), so a query
 * visits only the articles that can match instead of asking each one. Built
 * in two passes over the articles' postings (count, then fill); articles
 * added later are asked one by one until the next build.
 */
export class TermDocs {
  private constructor(
    private readonly starts: Int32Array,
    private readonly slots: Int32Array | Uint16Array,
  ) {}

  static build(docs: readonly ({ postings: DocPostings } | null)[], vocabularyIds: number): TermDocs {
    const starts = new Int32Array(vocabularyIds + 1)
    for (const d of docs) d?.postings.forEachTerm((id) => (starts[id + 1] = starts[id + 1]! + 1))
    for (let id = 0; id < vocabularyIds; id++) starts[id + 1] = starts[id + 1]! + starts[id]!
    // Two bytes a slot while the library has fewer than 65,536 articles.
    const total = starts[vocabularyIds]!
    const slots = docs.length <= 0x10000 ? new Uint16Array(total) : new Int32Array(total)
    const fill = starts.slice(0, vocabularyIds)
    docs.forEach((d, slot) => d?.postings.forEachTerm((id) => (slots[fill[id]!++] = slot)))
    return new TermDocs(starts, slots)
  }

  /** The slots holding term `id` at the build, ascending (a view, not a copy). */
  slotsOf(id: number): Int32Array | Uint16Array {
    if (id + 1 >= this.starts.length) return this.slots.subarray(0, 0)
    return this.slots.subarray(this.starts[id]!, this.starts[id + 1]!)
  }
}
