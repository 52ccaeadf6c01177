import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import { canonicalAnnotation, compareVersions, mergeAnnotations } from '../../../common/sharing'
import { ANDALUS, annotationOn, at } from './helpers'

const base = annotationOn(ANDALUS, 'إقليمٌ وحضارةٌ إسلاميَّة')
const version = (
  id: string,
  minute: number,
  over: Partial<Annotation> & { note?: string } = {},
): Annotation => {
  const { note = '', ...rest } = over
  return { ...base, id, body: { ...base.body, note }, modified: at(minute), ...rest }
}
const ids = (list: Annotation[]) => list.map((a) => a.id)

describe('mergeAnnotations: the rules', () => {
  it('adds new ids, the newer modified wins, identical is unchanged, older incoming is unchanged', () => {
    const local = [version('a', 1), version('b', 5, { note: 'mine, newer' }), version('c', 1)]
    const incoming = [
      version('b', 3, { note: 'theirs, older' }),
      version('c', 1),
      version('d', 2),
      version('a', 4, { note: 'edited' }),
    ]
    const { merged, report } = mergeAnnotations(local, incoming)
    expect(ids(merged)).toEqual(['a', 'b', 'c', 'd'])
    expect(merged[0]!.body.note).toBe('edited')
    expect(merged[1]!.body.note).toBe('mine, newer')
    expect(report).toEqual({
      added: ['d'],
      updated: ['a'],
      unchanged: ['b', 'c'],
      conflicts: [],
      deleted: [],
      older: ['b'],
    })
  })

  it('a tombstone wins over older edits and loses to newer ones; new tombstones are kept', () => {
    const local = [version('a', 1, { note: 'x' }), version('b', 9, { note: 'edited after the delete' })]
    const incoming = [
      version('a', 2, { deleted: true }),
      version('b', 3, { deleted: true }),
      version('c', 1, { deleted: true }),
    ]
    const { merged, report } = mergeAnnotations(local, incoming)
    expect(merged.map((a) => [a.id, a.deleted])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ])
    expect(report.deleted).toEqual(['a', 'c'])
    expect(report.added).toEqual(['c'])
    expect(report.updated).toEqual(['a'])
    expect(report.unchanged).toEqual(['b'])
  })

  it('equal times with different content: the same version wins whichever side it is on, and it is a conflict', () => {
    const mine = version('a', 4, { note: 'مرحبا' })
    const theirs = version('a', 4, { note: 'أهلا' })
    const one = mergeAnnotations([mine], [theirs])
    const other = mergeAnnotations([theirs], [mine])
    expect(one.merged).toEqual(other.merged)
    expect(one.report.conflicts).toHaveLength(1)
    expect(one.report.conflicts[0]!.kept).not.toBe(other.report.conflicts[0]!.kept)
    expect(one.report.conflicts[0]!.reason).toMatch(/note/)
    expect(one.report.updated).toEqual([])
    // At the same instant a deletion wins over an edit.
    const gone = mergeAnnotations([version('a', 4, { note: 'x' })], [version('a', 4, { deleted: true })])
    expect(gone.merged[0]!.deleted).toBe(true)
    expect(gone.report.conflicts[0]).toMatchObject({
      kept: 'incoming',
      reason: expect.stringMatching(/deleted/),
    })
  })

  it('keeps each annotation’s creator', () => {
    const theirs = { ...version('z', 1), creator: { id: 'acct:omar@hypothes.is', name: 'Omar' } }
    expect(mergeAnnotations([version('a', 1)], [theirs]).merged[1]!.creator).toEqual(theirs.creator)
  })
})

// Random annotation sets: few ids and few instants, so the same id with the same modified time and
// different content (a conflict) and edits racing deletions come up often.
const arbAnnotation = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    minute: fc.integer({ min: 0, max: 3 }),
    note: fc.constantFrom('', 'x', 'ملاحظة', '<b>y</b>'),
    color: fc.constantFrom('yellow', 'green', 'blue') as fc.Arbitrary<'yellow' | 'green' | 'blue'>,
    tags: fc.constantFrom([], ['t'], ['t', 'u']),
    deleted: fc.boolean(),
    creator: fc.constantFrom('urn:uuid:1', 'urn:uuid:2'),
  })
  .map((r): Annotation => ({
    ...base,
    id: r.id,
    body: { color: r.color, note: r.note, tags: [...r.tags] },
    creator: { id: r.creator, name: r.creator.slice(-1) },
    modified: at(r.minute),
    deleted: r.deleted,
  }))
const arbSet = fc.array(arbAnnotation, { maxLength: 8 })
const merge = (a: Annotation[], b: Annotation[]) => mergeAnnotations(a, b).merged
const canon = (list: Annotation[]) => list.map(canonicalAnnotation)

describe('mergeAnnotations: properties (fast-check)', () => {
  const runs = { numRuns: 500 }

  it('is commutative', () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        expect(canon(merge(a, b))).toEqual(canon(merge(b, a)))
      }),
      runs,
    )
  })

  it('is associative', () => {
    fc.assert(
      fc.property(arbSet, arbSet, arbSet, (a, b, c) => {
        expect(canon(merge(merge(a, b), c))).toEqual(canon(merge(a, merge(b, c))))
      }),
      runs,
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        const ab = merge(a, b)
        expect(canon(merge(ab, ab))).toEqual(canon(ab))
        expect(canon(merge(ab, b))).toEqual(canon(ab))
        expect(canon(merge(a, a))).toEqual(canon(merge(a, [])))
      }),
      runs,
    )
  })

  it('loses nothing: every id of every input is there, as the greatest of its versions', () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        const result = merge(a, b)
        const all = [...a, ...b]
        expect(new Set(ids(result))).toEqual(new Set(ids(all)))
        expect(ids(result)).toEqual([...new Set(ids(all))].sort())
        for (const kept of result) {
          const versions = all.filter((x) => x.id === kept.id)
          expect(versions.map(canonicalAnnotation)).toContain(canonicalAnnotation(kept))
          for (const v of versions) expect(compareVersions(kept, v)).toBeGreaterThanOrEqual(0)
          // A version strictly newer than all the others decides, deleted or not.
          const newest = Math.max(...versions.map((v) => Date.parse(v.modified)))
          const atNewest = versions.filter((v) => Date.parse(v.modified) === newest)
          if (atNewest.every((v) => v.deleted)) expect(kept.deleted).toBe(true)
          if (atNewest.every((v) => !v.deleted)) expect(kept.deleted).toBe(false)
        }
      }),
      runs,
    )
  })

  it('reports every incoming id exactly once', () => {
    fc.assert(
      fc.property(arbSet, arbSet, (local, incoming) => {
        const { report } = mergeAnnotations(local, incoming)
        const listed = [
          ...report.added,
          ...report.updated,
          ...report.unchanged,
          ...report.conflicts.map((c) => c.id),
        ]
        expect(listed.sort()).toEqual([...new Set(ids(incoming))].sort())
      }),
      runs,
    )
  })
})
