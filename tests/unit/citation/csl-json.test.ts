import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { toCslJson } from '../../../common/citation/csl-json'
import { citationKeys } from '../../../common/citation/citation-keys'
import { ALL, BARE, BOOK, JOURNAL, NEWS, NEWS_TWIN } from './sources'

/** The official CSL data schema (draft-07), copied into the fixtures (tests/fixtures/README.md). */
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/csl/csl-data.json', import.meta.url)), 'utf8'),
) as object
// ajv is CommonJS: its default export is the class itself.
const AjvClass = ((Ajv as unknown as { default?: typeof Ajv }).default ?? Ajv) as typeof Ajv
const validate = new AjvClass({ allErrors: true, strict: false }).compile(schema)

describe('toCslJson', () => {
  it('writes items the official CSL data schema accepts', () => {
    const items = JSON.parse(toCslJson(ALL)) as unknown
    const ok = validate(items)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('the schema refuses what is not CSL (the check is real)', () => {
    expect(validate([{ id: 'x', type: 'webpage', issued: '2025' }])).toBe(false)
    expect(validate([{ id: 'x', type: 'news' }])).toBe(false)
    expect(validate([{ id: 'x', type: 'webpage', authors: [] }])).toBe(false)
  })

  it('maps an Arabic news article field by field, names and title as written', () => {
    const [item] = JSON.parse(toCslJson([NEWS])) as Record<string, unknown>[]
    expect(item).toEqual({
      id: 'محمد-2025-لافروف',
      type: 'article-newspaper',
      title: NEWS.title,
      author: [{ literal: 'محمد بن علي الشيباني' }, { family: 'العمري', given: 'سارة' }],
      'container-title': 'الجزيرة نت',
      issued: { 'date-parts': [[2025, 12, 24]] },
      accessed: { 'date-parts': [[2025, 12, 25]] },
      language: 'ar',
      URL: 'https://example.com/news/lavrov',
    })
    expect(toCslJson([NEWS])).toContain('الجزيرة نت')
  })

  it('maps a journal article: DOI, volume, issue, page, partial date; a file name is not a URL', () => {
    const [item] = JSON.parse(toCslJson([JOURNAL])) as Record<string, unknown>[]
    expect(item).toMatchObject({
      type: 'article-journal',
      author: [
        { family: 'Smith', given: 'Jane' },
        { family: 'de la Cruz', given: 'Juan' },
      ],
      issued: { 'date-parts': [[2019, 3]] },
      accessed: { 'date-parts': [[2026, 1, 2]] },
      DOI: '10.1000/xyz123',
      volume: '12',
      issue: '3',
      page: '45-67',
      language: 'en',
    })
    expect(item).not.toHaveProperty('URL')
  })

  it('takes the kind the metadata gives, and guesses a sensible one otherwise', () => {
    const types = (JSON.parse(toCslJson(ALL)) as { type: string }[]).map((i) => i.type)
    expect(types).toEqual(['article-newspaper', 'article-journal', 'book', 'document', 'article-newspaper'])
    const page = { ...BARE, source: 'https://example.org/p' }
    expect((JSON.parse(toCslJson([page])) as { type: string }[])[0]!.type).toBe('webpage')
  })

  it('leaves out what is not known rather than writing it empty (no language for und)', () => {
    const [item] = JSON.parse(toCslJson([BARE])) as Record<string, unknown>[]
    expect(item).toEqual({
      id: 'nd-ملاحظات',
      type: 'document',
      title: 'ملاحظات',
      accessed: { 'date-parts': [[2026, 2, 4]] },
    })
  })
})

describe('citationKeys', () => {
  it('author-year-word, marks (tashkeel, hamza) dropped, the same for the same article, unique within one file', () => {
    expect(citationKeys([JOURNAL, BOOK])).toEqual(['smith-2019-braces', 'ابو-1985-ادب'])
    expect(citationKeys([NEWS, NEWS_TWIN, NEWS])).toEqual([
      'محمد-2025-لافروف',
      'محمد-2025-لافروف-2',
      'محمد-2025-لافروف-3',
    ])
    expect(citationKeys([{ ...BOOK, title: 'أَدَبُ الدُّنْيَا' }])).toEqual(['ابو-1985-ادب'])
  })
})
