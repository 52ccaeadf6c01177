import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { MAX_TITLE_LENGTH } from '../../../common/contract/limits'
import { docSchema } from '../../../common/document'
import { HamishError } from '../../../common/errors'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { extensionOf, importFile, importFileWithNotes } from '../../../main/import/import-file'
import { fixture, thrown, utf8 } from './fixtures'

describe('importFile: dispatch', () => {
  it.each([
    ['lavrov-shaibani-moscow.ar.txt', 'lavrov.TXT'],
    ['amiri-README-Arabic.md', 'readme.md'],
    ['amiri-README-Arabic.md', 'readme.markdown'],
    ['arcd-01-osman-i.html', 'osman.html'],
    ['arcd-01-osman-i.html', 'osman.htm'],
    ['regime-anticancer-arabic_C_content.xhtml', 'chapter.xhtml'],
    ['regime-anticancer-arabic.epub', 'book.Epub'],
  ])('imports %s named %s into a valid Arabic document', (file, name) => {
    const article = importFile(name, fixture(file))
    expect(v.is(docSchema, article.doc)).toBe(true)
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    expect(article.title.length).toBeGreaterThan(0)
    expect(article.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(article.title).toBe(article.title.trim())
    expect(plainText(article.doc).length).toBeGreaterThan(1000)
  })

  it('finds the extension case-insensitively, ignoring folders', () => {
    expect(extensionOf('a/b.c/Article.HTML')).toBe('html')
    expect(extensionOf('.bashrc')).toBe('')
    expect(extensionOf('noext')).toBe('')
  })
})

describe('importFile: bad input', () => {
  function refused(name: string, bytes: Uint8Array, code: string): string {
    const err = thrown(() => importFile(name, bytes))
    expect(err).toBeInstanceOf(HamishError)
    expect(err.code).toBe(code)
    expect(err.message.startsWith(`${name}: `)).toBe(true)
    return err.message
  }

  it('refuses an unknown extension, saying what it reads', () => {
    expect(refused('notes.xyz', utf8('text'), 'unsupported-file')).toBe(
      'notes.xyz: Hamish cannot import .xyz files; it reads .txt, .md, .html, .epub, .docx and .pdf.',
    )
    expect(refused('README', utf8('text'), 'unsupported-file')).toMatch(/files without an extension/)
    expect(refused('x.constructor', utf8('text'), 'unsupported-file')).toMatch(/\.constructor files/)
  })

  it('refuses an old Word .doc with how to make a .docx of it, in English and Arabic', () => {
    expect(refused('thesis.doc', utf8('text'), 'unsupported-file')).toBe(
      'thesis.doc: this is an old Word document (.doc), which Hamish cannot read. Open it in Word or LibreOffice, save it as .docx, and import that file.',
    )
    const err = thrown(() => importFile('thesis.doc', utf8('text'))) as HamishError
    const arabic = wordText(createTranslator('ar'), err.text!)
    expect(arabic).toContain('مستند Word قديم')
    expect(arabic).toContain('\u2066.docx\u2069')
  })

  it('refuses a file over 50 MB before reading it', () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61)
    expect(refused('huge.txt', big, 'too-large')).toMatch(/50\.0 MB.*up to 50 MB/)
  })

  it('refuses an empty file and a whitespace-only file', () => {
    refused('empty.txt', new Uint8Array(0), 'empty-file')
    refused('empty.epub', new Uint8Array(0), 'empty-file')
    refused('blank.md', utf8('\n   \n\t\n'), 'empty-file')
  })

  it('refuses a page with nothing but scripts, styles and images', () => {
    const page =
      '<html><head><title>t</title><style>p{}</style></head><body><script>x()</script><img src=a></body></html>'
    expect(refused('page.html', utf8(page), 'empty-file')).toMatch(/no readable text/)
  })

  it('refuses binary files whatever their extension', () => {
    refused(
      'photo.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'binary-file',
    )
    refused(
      'data.md',
      Uint8Array.from({ length: 500 }, (_, i) => (i * 37) % 256),
      'binary-file',
    )
  })

  it('takes a truncated PDF named .html to the PDF importer, which refuses it as damaged', async () => {
    const err = await importFileWithNotes('paper.html', utf8('%PDF-1.4\n...')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HamishError)
    expect((err as HamishError).text?.key).toBe('messages.invalidPdf')
    expect((err as HamishError).message.startsWith('paper.html: this is not a readable PDF')).toBe(true)
  })

  it('refuses an undecodable file', () => {
    refused('broken.txt', Uint8Array.from([0xff, 0xfe, 0x00, 0xdc, 0x41, 0x00]), 'undecodable')
  })

  it('refuses malformed EPUBs', () => {
    refused('fake.epub', utf8('not a zip'), 'invalid-content')
  })
})

describe('importFile: titles', () => {
  it('cuts a very long title at a word boundary to at most 200 characters', () => {
    const long = 'كلمة '.repeat(100).trim()
    const article = importFile('long.html', utf8(`<title>${long}</title><p>نص.</p>`))
    expect(article.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(article.title.endsWith('كلمة…')).toBe(true)
  })

  it('makes a title from the first visible line when the file has none', () => {
    const article = importFile('notes.md', utf8('\u200F\n\nأول سطر مرئي\n\n- ثان'))
    expect(article.title).toBe('أول سطر مرئي')
    expect(importFile('folder/My notes.html', utf8('<p>…</p>')).title).toBe('…')
  })
})
