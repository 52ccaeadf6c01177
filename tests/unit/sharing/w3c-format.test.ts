import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import type { DocNode } from '../../../common/document'
import {
  ANNO_CONTEXT,
  EXTENSION_KEY,
  fromAnnotationCollection,
  parseAnnotationFile,
  toAnnotationCollection,
} from '../../../common/sharing'
import { ANDALUS, ARTICLE, at, NOW, sampleAnnotations } from './helpers'
import { samples, W3CMusts } from './w3c-schemas'

let musts: W3CMusts
beforeAll(() => {
  musts = new W3CMusts()
})

const doc: DocNode = {
  type: 'doc',
  content: ANDALUS.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
}

const ANNOTATIONS = sampleAnnotations()

const exportOf = (bundle = false) =>
  toAnnotationCollection({
    article: ARTICLE,
    annotations: ANNOTATIONS,
    bundle: bundle ? { doc } : undefined,
    generator: 'Hamish 0.1.0',
    exportedAt: '2026-11-30T10:00:00.000Z',
  })

describe('the W3C test suite checks (so they can fail)', () => {
  it('compiles every MUST of the annotation, collection and page lists', () => {
    expect(musts.count('annotations/annotationMusts.test')).toBe(54)
    expect(musts.count('collections/collectionMusts.test')).toBe(10)
    expect(musts.count('collections/pages/pageMusts.test')).toBe(15)
  })

  it('passes the suite’s correct samples and fails its incorrect ones', () => {
    const correct = samples('correct').filter((s) => {
      try {
        return musts.annotation(JSON.parse(s.text)).length === 0
      } catch {
        return false
      }
    })
    // SOURCES.md: 38 of the 41 correct samples pass (3 use Composite/List/Independents targets).
    expect(correct.length).toBeGreaterThanOrEqual(38)
    for (const s of samples('incorrect')) {
      let value: unknown
      try {
        value = JSON.parse(s.text)
      } catch {
        continue // not JSON: not a schema matter
      }
      expect(musts.annotation(value), s.name).not.toEqual([])
    }
  })

  it('fails an exported annotation once it is broken', () => {
    const item = exportOf().first.items[0]!
    expect(musts.annotation(item)).toEqual([])
    const noContext: Record<string, unknown> = { ...item }
    delete noContext['@context']
    expect(musts.annotation(noContext).join('\n')).toMatch(/3.1-annotationContextValidated/)
    expect(musts.annotation({ ...item, id: 'not a uri' }).join('\n')).toMatch(/3.1-annotationIdValidated/)
    expect(musts.annotation({ ...item, created: 'yesterday' }).join('\n')).toMatch(
      /annotationCreatedValidated/,
    )
    const noTarget: Record<string, unknown> = { ...item }
    delete noTarget.target
    expect(musts.annotation(noTarget)).not.toEqual([])
    expect(musts.collection({ ...exportOf(), total: -1 })).not.toEqual([])
    expect(musts.collection({ ...exportOf(), first: { type: 'AnnotationPage' } })).not.toEqual([])
  })
})

describe('toAnnotationCollection', () => {
  it('writes a collection and annotations that pass every W3C MUST', () => {
    for (const bundle of [false, true]) {
      const file = JSON.parse(JSON.stringify(exportOf(bundle)))
      expect(musts.collection(file)).toEqual([])
      expect(file.first.items).toHaveLength(5)
      for (const item of file.first.items) expect(musts.annotation(item)).toEqual([])
    }
  })

  it('an empty collection passes too', () => {
    const file = toAnnotationCollection({
      article: ARTICLE,
      annotations: [],
      generator: 'Hamish 0.1.0',
      exportedAt: '2026-11-30T10:00:00.000Z',
    })
    expect(musts.collection(file)).toEqual([])
    expect(file.total).toBe(0)
  })

  it('writes the documented shape', () => {
    const file = exportOf()
    expect(file['@context'][0]).toBe(ANNO_CONTEXT)
    expect(file.type).toBe('AnnotationCollection')
    expect(file.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(file.label).toBe('الأندلس')
    expect(file.total).toBe(5)
    expect(file[EXTENSION_KEY]).toEqual({ version: 1, article: ARTICLE })
    const [noted, plain, , tombstone] = file.first.items
    const a = ANNOTATIONS[0]!
    expect(noted).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'تعريف **الأندلس**', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'تاريخ', purpose: 'tagging' },
        { type: 'TextualBody', value: 'تعريف', purpose: 'tagging' },
      ],
      target: {
        source: `urn:sha256:${ARTICLE.fingerprint}`,
        selector: [
          { type: 'TextQuoteSelector', exact: a.target!.quote.exact },
          { type: 'TextPositionSelector', start: a.target!.position.start, end: a.target!.position.end },
        ],
      },
      creator: { type: 'Person', name: 'سلمى' },
      [EXTENSION_KEY]: { color: 'yellow', deleted: false },
    })
    expect(noted!.id).toMatch(/^urn:uuid:/)
    expect(plain!.motivation).toBe('highlighting')
    expect(plain!.body).toBeUndefined()
    expect(tombstone![EXTENSION_KEY]).toEqual({ color: 'yellow', deleted: true })
    expect(exportOf(true)[EXTENSION_KEY].document).toEqual(doc)
  })

  it('carries only the shared article fields, whatever else the caller passes', () => {
    const summary = {
      ...ARTICLE,
      id: 'local-id',
      tags: ['private'],
      added: '2026-01-01',
      trashed: null,
      chars: 9,
    }
    const file = toAnnotationCollection({
      article: summary,
      annotations: [],
      generator: 'g',
      exportedAt: '2026-11-30T10:00:00Z',
    })
    expect(file[EXTENSION_KEY].article).toEqual(ARTICLE)
  })

  it('is the same file for the same input (ids derived, not random)', () => {
    expect(JSON.stringify(exportOf())).toBe(JSON.stringify(exportOf()))
  })
})

describe('fromAnnotationCollection', () => {
  it('gives back exactly the annotations that were exported, tombstones included', () => {
    const text = JSON.stringify(exportOf())
    const parsed = parseAnnotationFile(text, { now: NOW })
    expect(parsed.kind).toBe('hamish')
    expect(parsed.fingerprint).toBe(ARTICLE.fingerprint)
    expect(parsed.title).toBe('الأندلس')
    expect(parsed.rejected).toEqual([])
    expect(parsed.bundle).toBeUndefined()
    expect(parsed.annotations).toEqual(ANNOTATIONS)
  })

  it('keeps ids: UUIDs as urn:uuid, other ids through the tag URI', () => {
    const anns = sampleAnnotations()
    anns[1] = { ...anns[1]!, id: 'hypothesis:Ab-12_xyz' }
    const file = toAnnotationCollection({
      article: ARTICLE,
      annotations: anns,
      generator: 'g',
      exportedAt: '2026-11-30T10:00:00.000Z',
    })
    expect(file.first.items[1]!.id).toBe('tag:hamish.app,2026:hypothesis:Ab-12_xyz')
    expect(musts.annotation(file.first.items[1])).toEqual([])
    const parsed = fromAnnotationCollection(JSON.parse(JSON.stringify(file)), { now: NOW })
    expect(parsed.annotations.map((a) => a.id)).toEqual(anns.map((a) => a.id))
    expect(parsed.annotations).toEqual(anns)
  })

  it('reads the bundle’s article', () => {
    const parsed = parseAnnotationFile(JSON.stringify(exportOf(true)), { now: NOW })
    expect(parsed.bundle).toEqual({ doc, lang: 'ar', dir: 'rtl', source: ARTICLE.source, date: null })
  })

  it('reads another tool’s W3C collection: derived ids, yellow, live', () => {
    const foreign = {
      '@context': ANNO_CONTEXT,
      id: 'http://example.org/collection1',
      type: 'AnnotationCollection',
      label: 'Someone else’s notes',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            '@context': ANNO_CONTEXT,
            id: 'http://example.org/anno1',
            type: 'Annotation',
            bodyValue: 'a comment',
            creator: 'http://example.org/people/1',
            created: '2015-10-13T13:00:00+01:00',
            target: {
              source: 'http://example.org/page1',
              selector: { type: 'TextQuoteSelector', exact: 'إقليمٌ', prefix: 'هي ', suffix: ' وحضارةٌ' },
            },
          },
        ],
      },
    }
    const parsed = fromAnnotationCollection(foreign, { now: NOW })
    expect(parsed.kind).toBe('w3c')
    expect(parsed.fingerprint).toBeNull()
    expect(parsed.rejected).toEqual([])
    const [a] = parsed.annotations
    expect(a).toMatchObject({
      body: { color: 'yellow', note: 'a comment', tags: [] },
      creator: { id: 'http://example.org/people/1', name: '' },
      created: '2015-10-13T12:00:00.000Z',
      modified: '2015-10-13T12:00:00.000Z',
      deleted: false,
      target: { position: { start: 0, end: 0 } },
    })
    expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(fromAnnotationCollection(foreign, { now: NOW }).annotations[0]!.id).toBe(a!.id)
  })
})

describe('any annotation Hamish can hold (fast-check)', () => {
  const text = fc.constantFrom(
    '',
    'ملاحظة',
    'note with *Markdown*',
    '<script>x</script>',
    '😀 𝔸',
    ' ',
    '"quoted" \\ \n line',
  )
  const arbAnnotation = fc
    .record({
      uuid: fc.uuid({ version: 4 }),
      otherId: fc.constantFrom(null, 'hypothesis:abc_DEF-123', 'bench-7'),
      exact: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
      prefix: fc.string({ maxLength: 32 }),
      suffix: fc.string({ maxLength: 32 }),
      start: fc.nat({ max: 1_000_000 }),
      length: fc.nat({ max: 100 }),
      note: fc.oneof(text, fc.string({ maxLength: 200, unit: 'grapheme' })),
      tags: fc.uniqueArray(fc.constantFrom('تاريخ', 'a', 'b c', '1492'), { maxLength: 4 }),
      color: fc.constantFrom('yellow', 'green', 'blue', 'pink', 'purple') as fc.Arbitrary<'yellow'>,
      name: fc.constantFrom('', 'سلمى', 'Omar K.'),
      created: fc.integer({ min: 0, max: 1_000_000 }),
      edit: fc.integer({ min: 0, max: 1_000_000 }),
      deleted: fc.boolean(),
    })
    .map((r): Annotation => ({
      id: r.otherId ?? r.uuid,
      target: {
        quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
        position: { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
      },
      body: { color: r.color, note: r.note, tags: r.tags },
      creator: { id: 'urn:uuid:0d1c3f53-8a0e-4b4f-9a43-6f1c1f0b9a11', name: r.name },
      created: at(r.created),
      modified: at(r.created + r.edit),
      deleted: r.deleted,
    }))

  it('exports to files that pass every W3C MUST and read back unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbAnnotation, { maxLength: 6, selector: (a) => a.id }), (annotations) => {
        const file = JSON.parse(
          JSON.stringify(
            toAnnotationCollection({
              article: ARTICLE,
              annotations,
              generator: 'Hamish test',
              exportedAt: '2026-11-30T10:00:00.000Z',
            }),
          ),
        )
        expect(musts.collection(file)).toEqual([])
        for (const item of file.first.items) expect(musts.annotation(item)).toEqual([])
        const back = fromAnnotationCollection(file, { now: Date.parse('2035-01-01T00:00:00Z') })
        expect(back.rejected).toEqual([])
        expect(back.annotations).toEqual(annotations)
      }),
      { numRuns: 150 },
    )
  })
})
