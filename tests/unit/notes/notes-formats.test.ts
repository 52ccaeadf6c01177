import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import { annotationThreads, threadOf } from '../../../common/annotation-threads'
import { versionId } from '../../../common/sharing/lineage'
import {
  fromAnnotationCollection,
  mergeAnnotations,
  parseAnnotationFile,
  toAnnotationCollection,
} from '../../../common/sharing'
import { ANDALUS, ARTICLE, annotationOn, at, fixture, NOW } from '../sharing/helpers'
import { W3CMusts } from '../sharing/w3c-schemas'

// Issue 15: article notes and replies as annotations: W3C and Hypothesis files, checks, merges, threads.

const SALMA = { id: 'urn:uuid:0d1c3f53-8a0e-4b4f-9a43-6f1c1f0b9a11', name: 'سلمى' }
const OMAR = { id: 'urn:uuid:7b2e1c44-1f0a-4c7e-8a55-2d3c4b5a6f70', name: 'Omar' }

function noteOf(
  id: string,
  about: Annotation['about'],
  note: string,
  over: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    about,
    body: { color: 'yellow', note, tags: [] },
    creator: SALMA,
    created: at(1),
    modified: at(1),
    deleted: false,
    lineage: [],
    ...over,
  }
}

const HL = annotationOn(ANDALUS, 'شبه الجزيرة الأيبيريَّة', {
  id: '6f0e2b1a-4c3d-4e5f-8a9b-0c1d2e3f4a5b',
  note: 'مهم',
  lineage: [],
})
const NOTE = noteOf('1a2b3c4d-0000-4000-8000-000000000001', { kind: 'article' }, '', {
  body: { color: 'yellow', note: 'عن المقال كله', tags: ['مراجعة'] },
})
const REPLY = noteOf('1a2b3c4d-0000-4000-8000-000000000002', { kind: 'reply', annotationId: HL.id }, 'ردّ', {
  creator: OMAR,
  created: at(2),
  modified: at(2),
})
const NESTED = noteOf(
  '1a2b3c4d-0000-4000-8000-000000000003',
  { kind: 'reply', annotationId: REPLY.id },
  'ردّ على الردّ',
  { created: at(3), modified: at(3) },
)

const collection = (annotations: Annotation[]) =>
  toAnnotationCollection({
    article: ARTICLE,
    annotations,
    generator: 'g',
    exportedAt: '2026-11-30T00:00:00Z',
  })

describe('article notes and replies in a W3C file', () => {
  it('pass the W3C MUST schemas and read back unchanged (lineage ids included)', () => {
    const file = collection([HL, NOTE, REPLY, NESTED])
    const musts = new W3CMusts()
    expect(musts.collection(file)).toEqual([])
    for (const item of file.first.items) expect(musts.annotation(item)).toEqual([])
    const [, note, reply, nested] = file.first.items
    expect(note).toMatchObject({ motivation: 'commenting', target: `urn:sha256:${ARTICLE.fingerprint}` })
    expect(reply).toMatchObject({ motivation: 'replying', target: `urn:uuid:${HL.id}` })
    expect(nested).toMatchObject({ motivation: 'replying', target: `urn:uuid:${REPLY.id}` })
    const back = fromAnnotationCollection(JSON.parse(JSON.stringify(file)), { now: NOW })
    expect(back.rejected).toEqual([])
    expect(back.annotations).toEqual([HL, NOTE, REPLY, NESTED])
    expect(back.annotations.map(versionId)).toEqual([HL, NOTE, REPLY, NESTED].map(versionId))
  })

  it('writes a highlight exactly as before (no about, same selectors)', () => {
    const [item] = collection([HL]).first.items
    expect(Object.keys(item!)).toEqual([
      '@context',
      'id',
      'type',
      'motivation',
      'created',
      'modified',
      'creator',
      'body',
      'target',
      'hamish:extension',
    ])
    expect(JSON.stringify(item)).not.toContain('about')
  })

  it('keeps "their version" of a reply, and a reply whose parent was deleted', () => {
    const theirs = {
      ...REPLY,
      body: { ...REPLY.body, note: 'ردّ آخر' },
      modified: at(5),
      lineage: [versionId(REPLY)],
    }
    const mine = {
      ...REPLY,
      body: { ...REPLY.body, note: 'ردّ معدّل' },
      modified: at(6),
      lineage: [versionId(REPLY)],
    }
    const { merged, report } = mergeAnnotations([mine], [theirs])
    expect(report.conflicts).toHaveLength(1)
    expect(report.conflicts[0]!.theirs).toMatchObject({ quote: '', note: expect.any(String) })
    const file = collection([...merged, { ...HL, deleted: true, modified: at(9) }])
    const back = fromAnnotationCollection(JSON.parse(JSON.stringify(file)), { now: NOW })
    const reply = back.annotations.find((a) => a.id === REPLY.id)!
    expect(reply.others).toHaveLength(1)
    expect(reply.others![0]!.about).toEqual({ kind: 'reply', annotationId: HL.id })
    const threads = annotationThreads(back.annotations)
    expect(threads.orphanReplies.map((a) => a.id)).toEqual([REPLY.id])
  })

  it('rejects malformed notes and replies with a reason, keeping the rest', () => {
    const file = collection([HL, NOTE, REPLY]) as unknown as { first: { items: Record<string, unknown>[] } }
    const items = file.first.items
    items.push({
      ...items[2]!,
      id: 'urn:uuid:1a2b3c4d-0000-4000-8000-00000000000a',
      target: 'urn:uuid:not-a-uuid',
    })
    items.push({
      ...items[2]!,
      id: 'urn:uuid:1a2b3c4d-0000-4000-8000-00000000000b',
      target: 'urn:uuid:1a2b3c4d-0000-4000-8000-00000000000b',
    })
    items.push({
      ...items[1]!,
      id: 'urn:uuid:1a2b3c4d-0000-4000-8000-00000000000c',
      target: 'urn:sha256:' + '0'.repeat(64),
    })
    const other = JSON.parse(JSON.stringify(items[1]))
    other.id = 'urn:uuid:1a2b3c4d-0000-4000-8000-00000000000d'
    other['hamish:extension'].others = [{ ...other['hamish:extension'], about: { kind: 'page' } }]
    items.push(other)
    ;(file as unknown as { total: number }).total = items.length
    const parsed = fromAnnotationCollection(JSON.parse(JSON.stringify(file)), { now: NOW })
    expect(parsed.annotations.map((a) => a.id)).toEqual([HL.id, NOTE.id, REPLY.id])
    expect(parsed.rejected.map((r) => [r.id, r.reason])).toEqual([
      [
        '1a2b3c4d-0000-4000-8000-00000000000a',
        'it is a reply, but the annotation it answers is not named by a usable id',
      ],
      ['1a2b3c4d-0000-4000-8000-00000000000b', 'it is a reply to itself'],
      ['1a2b3c4d-0000-4000-8000-00000000000c', expect.stringMatching(/is another article than the file/)],
      [
        '1a2b3c4d-0000-4000-8000-00000000000d',
        expect.stringMatching(/it says it is a note on the article or a reply, but not in a form/),
      ],
    ])
  })
})

describe('concurrent replies in two libraries', () => {
  it('merge with both kept, whichever side merges first', () => {
    const mine = noteOf(
      '2a2b3c4d-0000-4000-8000-000000000001',
      { kind: 'reply', annotationId: HL.id },
      'من سلمى',
    )
    const theirs = noteOf(
      '2a2b3c4d-0000-4000-8000-000000000002',
      { kind: 'reply', annotationId: HL.id },
      'from Omar',
      {
        creator: OMAR,
      },
    )
    const one = mergeAnnotations([HL, mine], [HL, theirs])
    const two = mergeAnnotations([HL, theirs], [HL, mine])
    expect(one.report.added).toEqual([theirs.id])
    expect(new Set(one.merged.map((a) => a.id))).toEqual(new Set([HL.id, mine.id, theirs.id]))
    expect([...two.merged].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...one.merged].sort((a, b) => a.id.localeCompare(b.id)),
    )
    const thread = threadOf(annotationThreads(one.merged), HL.id).map((t) => t.reply.id)
    expect(thread).toEqual([mine.id, theirs.id])
  })
})

describe('a Hypothesis export with page notes and a thread of replies', () => {
  const TEXT = fixture('hypothesis/al-andalus-thread.hypothesis.json')

  it('imports the page note as an article note and each reply under the annotation it answers', () => {
    const parsed = parseAnnotationFile(TEXT, { now: NOW })
    expect(parsed.rejected).toEqual([])
    const byId = new Map(parsed.annotations.map((a) => [a.id, a]))
    expect(byId.get('hypothesis:Th1gHlIgHtAAAAAAAAAAAA')!.target!.quote.exact).toBe('إقليمٌ وحضارةٌ إسلاميَّة')
    expect(byId.get('hypothesis:PaGeNoTe1AAAAAAAAAAAAA')).toMatchObject({
      about: { kind: 'article' },
      body: { note: 'مقال جيد عن **الأندلس**؛ ينقصه المراجع.', tags: ['مراجعة'] },
    })
    expect(byId.get('hypothesis:RePlY1AAAAAAAAAAAAAAAA')).toMatchObject({
      about: { kind: 'reply', annotationId: 'hypothesis:Th1gHlIgHtAAAAAAAAAAAA' },
      creator: { id: 'acct:omar.k@hypothes.is', name: 'Omar K.' },
    })
    // Two levels: the last reference is the direct parent.
    expect(byId.get('hypothesis:RePlY2AAAAAAAAAAAAAAAA')).toMatchObject({
      about: { kind: 'reply', annotationId: 'hypothesis:RePlY1AAAAAAAAAAAAAAAA' },
    })
    expect(byId.get('hypothesis:RePlYoNpAgEnOtEAAAAAAA')).toMatchObject({
      about: { kind: 'reply', annotationId: 'hypothesis:PaGeNoTe1AAAAAAAAAAAAA' },
    })
    // Its parent is not in the export: kept as an article note, and said so.
    expect(byId.get('hypothesis:LoStRePlYAAAAAAAAAAAAA')).toMatchObject({ about: { kind: 'article' } })
    expect(parsed.adjusted!.map((r) => [r.id, r.reason])).toEqual([
      [
        'hypothesis:LoStRePlYAAAAAAAAAAAAA',
        'it replies to an annotation that is not in the file (NoTiNfIlEAAAAAAAAAAAAA), so it was kept as a note on the article',
      ],
    ])
    const threads = annotationThreads(parsed.annotations)
    expect(threadOf(threads, 'hypothesis:Th1gHlIgHtAAAAAAAAAAAA').map((t) => [t.reply.id, t.depth])).toEqual([
      ['hypothesis:RePlY1AAAAAAAAAAAAAAAA', 1],
      ['hypothesis:RePlY2AAAAAAAAAAAAAAAA', 2],
    ])
  })

  it('round-trips through a Hamish W3C file and merges again as unchanged', () => {
    const first = parseAnnotationFile(TEXT, { now: NOW })
    expect(first.annotations.filter((a) => a.about)).toHaveLength(5)
    const file = collection(first.annotations)
    const musts = new W3CMusts()
    for (const item of file.first.items) expect(musts.annotation(item)).toEqual([])
    const back = parseAnnotationFile(JSON.stringify(file), { now: NOW })
    expect(back.annotations).toEqual(first.annotations)
    const again = mergeAnnotations(back.annotations, parseAnnotationFile(TEXT, { now: NOW }).annotations)
    expect(again.report.unchanged).toHaveLength(first.annotations.length)
  })
})

describe('annotationThreads', () => {
  it('shows every live annotation exactly once, a loop of replies included', () => {
    const a = noteOf(
      '3a2b3c4d-0000-4000-8000-000000000001',
      { kind: 'reply', annotationId: '3a2b3c4d-0000-4000-8000-000000000002' },
      'a',
    )
    const b = noteOf('3a2b3c4d-0000-4000-8000-000000000002', { kind: 'reply', annotationId: a.id }, 'b')
    const threads = annotationThreads([HL, NOTE, REPLY, NESTED, a, b])
    const shown = [
      ...threads.highlights,
      ...threads.articleNotes,
      ...threads.orphanReplies,
      ...[...threads.highlights, ...threads.articleNotes, ...threads.orphanReplies].flatMap((x) =>
        threadOf(threads, x.id).map((t) => t.reply),
      ),
    ].map((x) => x.id)
    expect(shown.sort()).toEqual([HL, NOTE, REPLY, NESTED, a, b].map((x) => x.id).sort())
  })
})
