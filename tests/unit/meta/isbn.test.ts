import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArticleMeta, isMetaIsbn } from '../../../common/article-meta-check'
import { toBibtex } from '../../../common/citation/bibtex'
import { toCslJson } from '../../../common/citation/csl-json'
import { validateCall } from '../../../common/contract/dispatch'
import { withTypedValue } from '../../../common/meta/meta-edit'
import { metaIsbn } from '../../../common/meta/meta-values'
import { importFileWithNotes } from '../../../main/import/import-file'
import { BOOK } from '../citation/sources'

describe('a book’s ISBN in its metadata', () => {
  it('takes ISBN-10 and ISBN-13 with a right check digit, as written, and nothing else', () => {
    for (const good of ['978-3-16-148410-0', '9783161484100', '0-306-40615-2', '0306406152', '0-8044-2957-X'])
      expect(isMetaIsbn(good), good).toBe(true)
    for (const bad of [
      '978-3-16-148410-1',
      '0-306-40615-3',
      '12345',
      '978--3161484100',
      ' 9783161484100',
      'ISBN',
    ])
      expect(isMetaIsbn(bad), bad).toBe(false)
    expect(metaIsbn('urn:isbn:978-3-16-148410-0')).toBe('978-3-16-148410-0')
    expect(metaIsbn('ISBN 0-306-40615-2')).toBe('0-306-40615-2')
    expect(metaIsbn('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBeUndefined()
  })

  it('is kept by library.json’s check, set by the CLI’s typed values and the contract, refused when wrong', () => {
    expect(checkArticleMeta({ isbn: '978-3-16-148410-0' })).toEqual({
      meta: { isbn: '978-3-16-148410-0' },
      dropped: [],
    })
    expect(checkArticleMeta({ isbn: '978-3-16-148410-1', doi: '10.1/x' })).toEqual({
      meta: { doi: '10.1/x' },
      dropped: ['isbn'],
    })
    expect(withTypedValue({}, 'isbn', 'ISBN 978-3-16-148410-0')).toEqual({ isbn: '978-3-16-148410-0' })
    expect(() => withTypedValue({}, 'isbn', '978-3-16-148410-1')).toThrow(/ISBN-10 or ISBN-13/)
    expect(() => validateCall('setArticleMeta', ['abc', { isbn: '978-3-16-148410-0' }])).not.toThrow()
    expect(() => validateCall('setArticleMeta', ['abc', { isbn: '12345' }])).toThrow(/ISBN/)
  })

  it('goes into CSL-JSON as ISBN and into BibTeX as isbn', () => {
    const book = { ...BOOK, meta: { ...BOOK.meta, isbn: '978-3-16-148410-0' } }
    const [item] = JSON.parse(toCslJson([book])) as Record<string, unknown>[]
    expect(item!.ISBN).toBe('978-3-16-148410-0')
    expect(toBibtex([book])).toMatch(/^ {2}isbn = \{978-3-16-148410-0\},$/m)
  })

  it('is read from an EPUB’s identifiers on import (Pandoc writes it bare)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hamish-isbn-'))
    try {
      writeFileSync(
        join(work, 'b.md'),
        '---\ntitle: كتاب الاختبار\nidentifier:\n  - scheme: ISBN-13\n    text: 978-3-16-148410-0\ncreator: مؤلف الكتاب\n---\n\nنص الكتاب الأول، وفيه ما يكفي من الكلمات ليكون فقرة.\n',
      )
      execFileSync('pandoc', [join(work, 'b.md'), '-o', join(work, 'b.epub')])
      const bytes = new Uint8Array(readFileSync(join(work, 'b.epub')))
      const { article } = await importFileWithNotes('b.epub', bytes)
      expect(article.meta?.isbn).toBe('978-3-16-148410-0')
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
