import { describe, expect, it } from 'vitest'
import {
  blankDraft,
  draftsOf,
  moveDraft,
  personsOf,
  removeDraft,
  type AuthorDraft,
} from '../../../common/meta/author-drafts'
import { formValues, metaFromForm, FORM_FIELDS, type FormField } from '../../../common/meta/meta-form'
import { knownColumns, withColumn } from '../../../common/library-columns'

const name = (n: string): AuthorDraft => ({ form: 'name', name: n, family: '', given: '' })
const parts = (family: string, given = ''): AuthorDraft => ({ form: 'parts', name: '', family, given })
const noFields = (): Record<FormField, string> =>
  Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as Record<FormField, string>

describe('the info panel’s author rows', () => {
  it('move up and down within the list, stopping at its ends, and remove a row', () => {
    const list = ['a', 'b', 'c']
    expect(moveDraft(list, 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moveDraft(list, 1, 1)).toEqual(['a', 'c', 'b'])
    expect(moveDraft(list, 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveDraft(list, 2, 1)).toEqual(['a', 'b', 'c'])
    expect(removeDraft(list, 1)).toEqual(['a', 'c'])
    expect(list).toEqual(['a', 'b', 'c'])
  })

  it('become stored authors in order: names as written (spaces tidied), family/given, blank rows skipped', () => {
    expect(
      personsOf([name('  عبد الله   بن سالم '), blankDraft(), parts('Smith', 'Anna'), parts('الماوردي')]),
    ).toEqual({
      ok: true,
      authors: [{ literal: 'عبد الله بن سالم' }, { family: 'Smith', given: 'Anna' }, { family: 'الماوردي' }],
    })
  })

  it('name the row that cannot be an author: a given name without a family name, a text too long', () => {
    expect(personsOf([name('ok'), parts('', 'Anna'), name('x'.repeat(501))])).toEqual({
      ok: false,
      problems: [
        { row: 1, problem: 'family-needed' },
        { row: 2, problem: 'too-long' },
      ],
    })
  })

  it('are made from stored authors and back unchanged', () => {
    const authors = [{ literal: 'سيرغي لافروف' }, { family: 'Smith', given: 'Anna' }, { family: 'Doe' }]
    expect(draftsOf(authors)).toEqual([name('سيرغي لافروف'), parts('Smith', 'Anna'), parts('Doe')])
    expect(personsOf(draftsOf(authors))).toEqual({ ok: true, authors })
  })
})

describe('the info panel’s fields, read as the CLI reads them', () => {
  it('show a stored record as text and read it back to the same record', () => {
    const meta = {
      authors: [{ literal: 'سيرغي لافروف' }],
      container: 'روسيا اليوم',
      published: [2025, 2, 4] as [number, number, number],
      url: 'https://arabic.rt.com/a',
      doi: '10.1000/xyz123',
      isbn: '978-3-16-148410-0',
      kind: 'article-newspaper' as const,
    }
    const fields = formValues(meta)
    expect(fields.published).toBe('2025-02-04')
    expect(fields.publisher).toBe('')
    expect(metaFromForm(fields, draftsOf(meta.authors))).toEqual({ ok: true, meta })
  })

  it('tidy what was typed: a DOI address becomes the DOI, an empty field is no field', () => {
    const fields = { ...noFields(), doi: 'https://doi.org/10.1000/abc', published: '2024', container: '  ' }
    expect(metaFromForm(fields, [])).toEqual({ ok: true, meta: { doi: '10.1000/abc', published: [2024] } })
  })

  it('name every field that cannot be saved, and give no record then', () => {
    const fields = {
      ...noFields(),
      published: '2025-13-01',
      url: 'javascript:alert(1)',
      doi: 'not a doi',
      isbn: '978-3-16-148410-1',
      pages: 'p'.repeat(501),
      container: 'fine',
    }
    expect(metaFromForm(fields, [parts('', 'Anna')])).toEqual({
      ok: false,
      problems: [
        { field: 'authors', row: 0, problem: 'family-needed' },
        { field: 'published', problem: 'form' },
        { field: 'url', problem: 'form' },
        { field: 'doi', problem: 'form' },
        { field: 'isbn', problem: 'form' },
        { field: 'pages', problem: 'too-long' },
      ],
    })
  })

  it('refuse more than 100 authors', () => {
    const many = Array.from({ length: 101 }, (_, i) => name(`Author ${i}`))
    expect(metaFromForm(noFields(), many)).toEqual({
      ok: false,
      problems: [{ field: 'authors', problem: 'too-many' }],
    })
  })
})

describe('the library’s optional columns', () => {
  it('are kept in the table’s order, each once, known ones only', () => {
    expect(knownColumns(['published', 'shelf-mark', 'authors', 'authors'])).toEqual(['authors', 'published'])
    expect(knownColumns(undefined)).toEqual([])
    expect(withColumn(['published'], 'authors', true)).toEqual(['authors', 'published'])
    expect(withColumn(['authors', 'published'], 'authors', false)).toEqual(['published'])
    expect(withColumn(['authors'], 'authors', true)).toEqual(['authors'])
  })
})
