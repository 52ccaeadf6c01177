import { describe, expect, it } from 'vitest'
import { anchor, prepareText } from '../../../common/anchoring'
import {
  detectFormat,
  fromHypothesis,
  mergeAnnotations,
  parseAnnotationFile,
  parseJsonStrict,
  toAnnotationCollection,
} from '../../../common/sharing'
import { ANDALUS, ARTICLE, fixture, NOW } from './helpers'
import { W3CMusts } from './w3c-schemas'

const TEXT = fixture('hypothesis/al-andalus.hypothesis.json')

describe('Hypothesis JSON export', () => {
  it('is recognised in each of its shapes, and other JSON is not', () => {
    const json = parseJsonStrict(TEXT) as { annotations: unknown[] }
    expect(detectFormat(json)).toBe('hypothesis')
    expect(detectFormat({ total: 2, rows: json.annotations })).toBe('hypothesis')
    expect(detectFormat(json.annotations)).toBe('hypothesis')
    expect(detectFormat({ type: 'AnnotationCollection' })).toBe('w3c')
    expect(detectFormat([{ a: 1 }])).toBe('unknown')
    expect(detectFormat({ rows: 'x' })).toBe('unknown')
  })

  it('imports the passages, the reply and the page note; rejects other pages and rows without a quote', () => {
    const parsed = parseAnnotationFile(TEXT, { now: NOW })
    expect(parsed).toMatchObject({
      kind: 'hypothesis',
      fingerprint: null,
      title: 'الأندلس - ويكيبيديا، الموسوعة الحرة',
      uri: 'https://ar.wikipedia.org/wiki/%D8%A7%D9%84%D8%A3%D9%86%D8%AF%D9%84%D8%B3',
    })
    expect(parsed.annotations.map((a) => a.id)).toEqual([
      'hypothesis:tL1sAp4UEe-wbq8aOwXOzA',
      'hypothesis:uC7xBp4UEe-J3w9r1l0kMg',
      'hypothesis:v9QeCJ4UEe-2hX1mG5bq7A',
      'hypothesis:wXh2Dp4UEe-c0gFJ8l1nPQ',
      'hypothesis:xA1b2Cp4UEe-reply00000',
      'hypothesis:yB2c3Dp4UEe-pagenote00',
      'hypothesis:bE5f6Gp4UEe-folded0000',
    ])
    const byId = new Map(parsed.annotations.map((a) => [a.id, a]))
    // The reply answers the first highlight; the page note is about the article. Neither has a passage.
    expect(byId.get('hypothesis:xA1b2Cp4UEe-reply00000')).toMatchObject({
      about: { kind: 'reply', annotationId: 'hypothesis:tL1sAp4UEe-wbq8aOwXOzA' },
    })
    expect(byId.get('hypothesis:xA1b2Cp4UEe-reply00000')!.target).toBeUndefined()
    expect(byId.get('hypothesis:yB2c3Dp4UEe-pagenote00')).toMatchObject({ about: { kind: 'article' } })
    expect(byId.get('hypothesis:yB2c3Dp4UEe-pagenote00')!.target).toBeUndefined()
    expect(parsed.adjusted).toBeUndefined()
    expect(parsed.rejected.map(({ id, reason }) => ({ id, reason }))).toEqual([
      {
        id: 'hypothesis:zC3d4Ep4UEe-otherpage0',
        reason: expect.stringMatching(
          /annotates another page \("https:\/\/ar.wikipedia.org\/wiki\/Kuwait"\)/,
        ),
      },
      { id: 'hypothesis:aD4e5Fp4UEe-rangeonly0', reason: expect.stringMatching(/no quoted text/) },
    ])
    const [first, , script, quoteOnly] = parsed.annotations
    expect(first).toEqual({
      id: 'hypothesis:tL1sAp4UEe-wbq8aOwXOzA',
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'إقليمٌ وحضارةٌ إسلاميَّة',
          prefix: 'ة» أو «أيبيريا الإسلاميَّة»، هي ',
          suffix: ' قروسطيَّة قامت في أوروپَّا الغر',
        },
        position: { type: 'TextPositionSelector', start: 621, end: 645 },
      },
      body: {
        color: 'yellow',
        note: "A definition worth citing; compare **Lévi-Provençal**, *Histoire de l'Espagne musulmane*.",
        tags: ['andalus', 'تعريف'],
      },
      creator: { id: 'acct:salma_h@hypothes.is', name: 'Salma H.' },
      created: '2025-03-14T09:21:07.412Z',
      modified: '2025-03-14T09:30:55.101Z',
      deleted: false,
    })
    // No display name: the user name; HTML in the note kept as text.
    expect(script!.creator).toEqual({ id: 'acct:omar.k@hypothes.is', name: 'omar.k' })
    expect(script!.body.note).toContain("<script>alert('x')</script>")
    expect(quoteOnly!.target!.position).toMatchObject({ start: 0, end: 0 })
  })

  it('anchors every imported passage in the article (the page’s offsets are only a hint)', () => {
    const prepared = prepareText(ANDALUS)
    const parsed = parseAnnotationFile(TEXT, { now: NOW })
    const found = parsed.annotations
      .filter((a) => a.target)
      .map((a) => {
        const at = anchor(prepared, a.target!)
        return at && [...ANDALUS].slice(at.start, at.end).join('')
      })
    expect(found).toEqual([
      'إقليمٌ وحضارةٌ إسلاميَّة',
      'شبه الجزيرة الأيبيريَّة',
      'سنة 1492م',
      'دمشق ومن ثُمَّ بغداد',
      'واستقرار الحُكم الإسلامي فيها', // quoted without tashkeel: the folded match
    ])
  })

  it('importing the same export twice changes nothing, and the result exports as valid W3C', () => {
    const once = mergeAnnotations([], parseAnnotationFile(TEXT, { now: NOW }).annotations)
    const twice = mergeAnnotations(once.merged, parseAnnotationFile(TEXT, { now: NOW }).annotations)
    expect(twice.report.unchanged).toHaveLength(7)
    expect(twice.merged).toEqual(once.merged)
    const file = toAnnotationCollection({
      article: ARTICLE,
      annotations: once.merged,
      generator: 'g',
      exportedAt: '2026-11-30T00:00:00Z',
    })
    const musts = new W3CMusts()
    expect(musts.collection(file)).toEqual([])
    for (const item of file.first.items) expect(musts.annotation(item)).toEqual([])
    const back = parseAnnotationFile(JSON.stringify(file), { now: NOW })
    expect(back.annotations).toEqual(once.merged)
  })

  it('refuses what is not an export', () => {
    expect(() => fromHypothesis({ rows: 3 })).toThrow(/not a Hypothesis export/)
    const rows = [{ id: 'bad id!', user: 'acct:x@hypothes.is' }, 'row']
    expect(fromHypothesis(rows, { now: NOW }).rejected.map(({ id, reason }) => ({ id, reason }))).toEqual([
      { id: 'bad id!', reason: 'its id "bad id!" is not a Hypothesis id' },
      { id: null, reason: 'it is not an annotation object' },
    ])
  })
})
