import { describe, expect, it } from 'vitest'
import { annotationIdFromIri, annotationIri, derivedUuid, parseJsonStrict } from '../../../common/sharing'

describe('annotation ids in files', () => {
  it('round-trips our ids through IRIs', () => {
    for (const id of [
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      'hypothesis:tL1sAp4UEe-wbq8aOwXOzA',
      'bench-7',
      'A.b:c_d-e',
    ]) {
      expect(annotationIdFromIri(annotationIri(id))).toBe(id)
    }
    expect(annotationIri('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(
      'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    )
    expect(annotationIri('bench-7')).toBe('tag:hamish.app,2026:bench-7')
    expect(annotationIdFromIri('URN:UUID:0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    )
  })

  it('refuses our own IRI forms holding bad ids, and derives stable UUIDs for other tools’ IRIs', () => {
    expect(annotationIdFromIri('urn:uuid:not-a-uuid')).toBeNull()
    expect(annotationIdFromIri('tag:hamish.app,2026:has space')).toBeNull()
    expect(annotationIdFromIri(`tag:hamish.app,2026:${'x'.repeat(129)}`)).toBeNull()
    const a = annotationIdFromIri('http://example.org/anno1')
    expect(a).toBe(annotationIdFromIri('http://example.org/anno1'))
    expect(a).not.toBe(annotationIdFromIri('http://example.org/anno2'))
    expect(derivedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('parseJsonStrict', () => {
  it('reads JSON with or without a byte-order mark, escapes and all', () => {
    expect(parseJsonStrict('\uFEFF{"a":[1,"\\u0628"]}')).toEqual({ a: [1, 'ب'] })
    expect(parseJsonStrict('{"note":"the constructor of a prototype"}')).toEqual({
      note: 'the constructor of a prototype',
    })
  })
})
