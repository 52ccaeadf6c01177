import { strToU8, zipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { MAX_DOCUMENT_CHARS } from '../../../common/document'
import { plainText } from '../../../common/plain-text'
import { reduceHtml } from '../../../main/import/html-reducer'
import { importEpub } from '../../../main/import/import-epub'
import { thrown } from './fixtures'

// A limit of a quarter of a million characters, so a book past it stays small
// enough to build in a test; the importer reads the same constant as ever.
vi.mock('../../../common/document', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../common/document')>()),
  MAX_DOCUMENT_CHARS: 256 * 1024,
}))
// Counts the chapters that get built.
vi.mock('../../../main/import/html-reducer', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../main/import/html-reducer')>()
  return { ...original, reduceHtml: vi.fn(original.reduceHtml) }
})

const CHAPTERS = 60
const PARAGRAPH = 'كلمة '.repeat(4000).trim() // 19,999 characters, one paragraph per chapter

function book(chapters: number): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'META-INF/container.xml': strToU8(
      '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>' +
        '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
  }
  let manifest = ''
  let spine = ''
  for (let i = 0; i < chapters; i++) {
    files[`c${i}.xhtml`] = strToU8(
      `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${i}</title></head><body><p>${PARAGRAPH}</p></body></html>`,
    )
    manifest += `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`
    spine += `<itemref idref="c${i}"/>`
  }
  files['content.opf'] = strToU8(
    `<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest>${manifest}</manifest><spine>${spine}</spine></package>`,
  )
  return zipSync(files)
}

describe('importEpub: a book past the text limit', () => {
  it('is refused, naming the limit, as soon as its text passes it, before the remaining chapters are built', () => {
    expect(MAX_DOCUMENT_CHARS).toBe(256 * 1024)
    // Chapters k = 1, 2, … hold k paragraphs and k - 1 separators of text.
    let passing = 1
    while (passing * PARAGRAPH.length + (passing - 1) * 2 <= MAX_DOCUMENT_CHARS) passing++
    expect(passing).toBeLessThan(CHAPTERS / 2)

    vi.mocked(reduceHtml).mockClear()
    const err = thrown(() => importEpub(book(CHAPTERS), 'long.epub'))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^long\.epub: the article's text is longer than 0\.25 million characters\./)
    expect(vi.mocked(reduceHtml)).toHaveBeenCalledTimes(passing)
  })

  it('keeps a book just under the limit whole', () => {
    const fits = Math.floor((MAX_DOCUMENT_CHARS + 2) / (PARAGRAPH.length + 2))
    const article = importEpub(book(fits), 'fits.epub')
    expect(plainText(article.doc).length).toBe(fits * PARAGRAPH.length + (fits - 1) * 2)
  })
})
