import { describe, expect, it } from 'vitest'
import { isMetaLanguage } from '../../../common/article-meta-check'
import { validateCall } from '../../../common/contract/dispatch'
import { declaredMeta } from '../../../common/meta/file-meta'
import { MetaValueError, withTypedValue } from '../../../common/meta/meta-edit'
import { formValues, metaFromForm } from '../../../common/meta/meta-form'
import { pageMeta } from '../../../common/meta/page-meta'
import { toBibtex } from '../../../common/citation/bibtex'
import { BOOK } from '../citation/sources'

// A user review typed «arabic language» into the Language field: it was saved, and BibTeX lost its langid.
describe('an article’s language is a language tag', () => {
  it('takes tags and refuses words', () => {
    for (const tag of ['ar', 'en', 'en-GB', 'ar-Latn-EG', 'fil']) expect(isMetaLanguage(tag)).toBe(true)
    for (const word of ['arabic language', 'Arabic ', 'العربية', 'a', 'en_GB', 'ar--EG', ''])
      expect(isMetaLanguage(word)).toBe(false)
  })

  it('is refused by hamish meta --set, the info panel and the API alike, so nothing is saved', () => {
    expect(() => withTypedValue({}, 'language', 'arabic language')).toThrow(MetaValueError)
    expect(withTypedValue({}, 'language', ' ar ')).toEqual({ language: 'ar' })
    const form = metaFromForm({ ...formValues(undefined), language: 'arabic language' }, [])
    expect(form).toEqual({ ok: false, problems: [{ field: 'language', problem: 'form' }] })
    expect(() => validateCall('setArticleMeta', ['abc', { language: 'arabic language' }])).toThrow(/language/)
    expect(() => validateCall('setArticleMeta', ['abc', { language: 'ar-EG' }])).not.toThrow()
  })

  it('is kept from a file only when the file gives a tag (en_GB read as en-GB)', () => {
    expect(declaredMeta({ language: 'Arabic' }).language).toBeUndefined()
    expect(declaredMeta({ language: 'en_GB' }).language).toBe('en-GB')
    const head = (content: string) => ({
      tags: [{ key: 'citation_language', content }],
      jsonLd: [],
      canonical: null,
      address: null,
    })
    expect(pageMeta(head('العربية')).language).toBeUndefined()
    expect(pageMeta(head('ar')).language).toBe('ar')
  })

  it('gives BibTeX its langid when the tag is typed right', () => {
    const book = { ...BOOK, meta: withTypedValue(BOOK.meta ?? {}, 'language', 'ar') }
    expect(toBibtex([book])).toMatch(/^ {2}langid = \{arabic\},$/m)
  })
})
