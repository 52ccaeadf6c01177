import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import { canonicalAnnotation } from '../../../common/sharing/canonical'
import { mergeAnnotations } from '../../../common/sharing/merge'
import { mergeTeamInputs, refusalOf, type TeamInput } from '../../../common/team/team-merge'
import { ANDALUS, annotationOn, at } from '../sharing/helpers'

// Issue 12: the merge of any split of annotations across member files and conflict copies equals
// the merge of their union; a file carrying another member's annotation is refused whole.

const base = annotationOn(ANDALUS, 'إقليمٌ وحضارةٌ إسلاميَّة')
const members = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']

const arbAnnotation = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    minute: fc.integer({ min: 0, max: 3 }),
    note: fc.constantFrom('', 'x', 'ملاحظة'),
    deleted: fc.boolean(),
    member: fc.constantFrom(...members),
  })
  .map((r): Annotation => ({
    ...base,
    id: `${r.member.slice(0, 1)}-${r.id}`,
    body: { ...base.body, note: r.note },
    creator: { id: `urn:uuid:${r.member}`, name: r.member.slice(0, 1) },
    modified: at(r.minute),
    deleted: r.deleted,
  }))

/** Splits a member's annotations across its device files and conflict copies, at random. */
const arbSplit = fc.array(arbAnnotation, { maxLength: 12 }).chain((all) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: all.length, maxLength: all.length }).map((slots) => {
    const inputs = new Map<string, TeamInput>()
    all.forEach((a, i) => {
      const member = a.creator.id.slice('urn:uuid:'.length)
      const key = `${member}:${slots[i]}`
      const input = inputs.get(key) ?? {
        file: key,
        member,
        device: `${slots[i]}`.padStart(16, '0'),
        annotations: [],
      }
      ;(input.annotations as Annotation[]).push(a)
      inputs.set(key, input)
    })
    return { all, inputs: [...inputs.values()] }
  }),
)

const canon = (list: Annotation[]) => list.map(canonicalAnnotation)

describe('the team merge', () => {
  it('of any split across files and copies equals the merge of their union, in any order', () => {
    fc.assert(
      fc.property(arbSplit, fc.boolean(), ({ all, inputs }, reverse) => {
        const union = mergeAnnotations([], all).merged
        const split = mergeTeamInputs(reverse ? [...inputs].reverse() : inputs)
        expect(canon(split)).toEqual(canon(union))
        // Reading a file twice (a duplicate, a copy identical to its file) changes nothing.
        expect(canon(mergeTeamInputs([...inputs, ...inputs]))).toEqual(canon(union))
      }),
      { numRuns: 400 },
    )
  })

  it('refuses a file that carries another member’s annotation', () => {
    const theirs = { ...base, creator: { id: `urn:uuid:${members[1]}`, name: 'B' } }
    const mine = { ...base, id: 'mine', creator: { id: `urn:uuid:${members[0]}`, name: 'A' } }
    const input: TeamInput = {
      file: 'f',
      member: members[0]!,
      device: '0'.repeat(16),
      annotations: [mine, theirs],
    }
    expect(refusalOf(input)).toMatch(/another member/)
    expect(refusalOf({ ...input, annotations: [mine] })).toBeNull()
  })
})
