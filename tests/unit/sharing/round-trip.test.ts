import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import {
  canonicalAnnotation,
  mergeAnnotations,
  parseAnnotationFile,
  toAnnotationCollection,
  type MergeReport,
} from '../../../common/sharing'
import { ANDALUS, annotationOn, ARTICLE, at, NOW } from './helpers'

/** A library here is one article's annotation list, tombstones included, as articles/<id>.json keeps it. */
type Library = Annotation[]

const ALICE = { id: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', name: 'Alice' }
const BASSAM = { id: 'urn:uuid:bbbbbbbb-0000-4000-8000-000000000002', name: 'بسام' }

const exportFile = (lib: Library, minute: number): string =>
  JSON.stringify(
    toAnnotationCollection({
      article: ARTICLE,
      annotations: lib,
      generator: 'Hamish test',
      exportedAt: at(minute),
    }),
  )

const importFile = (lib: Library, text: string): { lib: Library; report: MergeReport } => {
  const parsed = parseAnnotationFile(text, { now: NOW })
  expect(parsed.rejected).toEqual([])
  const { merged, report } = mergeAnnotations(lib, parsed.annotations)
  return { lib: merged, report }
}

const edit = (lib: Library, id: string, minute: number, change: Partial<Annotation['body']>): Library =>
  lib.map((a) => (a.id === id ? { ...a, body: { ...a.body, ...change }, modified: at(minute) } : a))
const remove = (lib: Library, id: string, minute: number): Library =>
  lib.map((a) => (a.id === id ? { ...a, deleted: true, modified: at(minute) } : a))
const byId = (lib: Library) => [...lib].sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonicalAnnotation)

describe('two libraries exchanging files', () => {
  it('A exports, B imports, edits, deletes and adds, B exports, A imports: A ends with B’s view plus its own later edits', () => {
    const quotes = [
      'إقليمٌ وحضارةٌ إسلاميَّة',
      'شبه الجزيرة الأيبيريَّة',
      'سنة 711م',
      'سقطت الأندلس',
      'دمشق',
      'بغداد',
    ]
    let alice: Library = quotes.map((q, i) =>
      annotationOn(ANDALUS, q, {
        id: `a${i + 1}-${'0'.repeat(4)}`,
        creator: ALICE,
        note: i % 2 ? '' : `note ${i}`,
      }),
    )
    const fromAlice = exportFile(alice, 10)

    let bassam: Library = []
    const first = importFile(bassam, fromAlice)
    bassam = first.lib
    expect(first.report.added).toHaveLength(6)
    expect(byId(bassam)).toEqual(byId(alice))

    // Alice goes on working after her export.
    alice = edit(alice, 'a1-0000', 15, { note: 'Alice, before Bassam’s edit' })
    alice = edit(alice, 'a3-0000', 25, { color: 'pink' })
    alice = edit(alice, 'a4-0000', 30, { note: 'Alice, after everything Bassam did' })
    alice = remove(alice, 'a5-0000', 31)

    // Bassam edits, deletes and adds his own.
    bassam = edit(bassam, 'a1-0000', 20, { note: 'ملاحظة بسام', tags: ['مراجعة'] })
    bassam = edit(bassam, 'a4-0000', 20, { color: 'green' })
    bassam = remove(bassam, 'a2-0000', 21)
    const own = [
      annotationOn(ANDALUS, 'قروسطيَّة', {
        id: 'b1-0000',
        creator: BASSAM,
        created: at(22),
        modified: at(22),
        note: 'جديد',
      }),
      annotationOn(ANDALUS, 'سپتمانيا', {
        id: 'b2-0000',
        creator: BASSAM,
        created: at(22),
        modified: at(22),
      }),
    ]
    bassam = [...bassam, ...own]
    const fromBassam = exportFile(bassam, 23)

    const second = importFile(alice, fromBassam)
    const latest = (id: string, ...libs: Library[]) =>
      libs
        .map((l) => l.find((a) => a.id === id)!)
        .filter(Boolean)
        .sort((x, y) => Date.parse(y.modified) - Date.parse(x.modified))[0]!
    const expected = [...new Set([...bassam, ...alice].map((a) => a.id))].map((id) =>
      latest(id, bassam, alice),
    )
    expect(byId(second.lib)).toEqual(byId(expected))

    const get = (id: string) => second.lib.find((a) => a.id === id)!
    expect(get('a1-0000').body).toMatchObject({ note: 'ملاحظة بسام', tags: ['مراجعة'] }) // his later edit
    expect(get('a2-0000').deleted).toBe(true) // his deletion
    expect(get('a3-0000').body.color).toBe('pink') // her later edit, untouched by him
    expect(get('a4-0000').body.note).toBe('Alice, after everything Bassam did') // hers is newer
    expect(get('a5-0000').deleted).toBe(true) // her later deletion
    expect(get('b1-0000').creator).toEqual(BASSAM) // his, with his name
    expect(second.report).toMatchObject({
      added: ['b1-0000', 'b2-0000'],
      updated: ['a1-0000', 'a2-0000'],
      conflicts: [],
      deleted: ['a2-0000'],
    })
    expect(second.report.unchanged.sort()).toEqual(['a3-0000', 'a4-0000', 'a5-0000', 'a6-0000'])

    // And back: once Bassam imports Alice's new file, both libraries hold the same annotations.
    const third = importFile(bassam, exportFile(second.lib, 40))
    expect(byId(third.lib)).toEqual(byId(second.lib))
    // Importing the same file again changes nothing.
    const again = importFile(third.lib, exportFile(second.lib, 40))
    expect(again.report.added).toEqual([])
    expect(again.report.updated).toEqual([])
    expect(byId(again.lib)).toEqual(byId(third.lib))
  })
})
