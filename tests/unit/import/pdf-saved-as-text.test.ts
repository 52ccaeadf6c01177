import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { importFileWithNotes } from '../../../main/import/import-file'

const PDF = join(__dirname, '../../fixtures/pdf/Documentation-Arabic.pdf')
const dir = mkdtempSync(join(tmpdir(), 'hamish-pdf-as-text-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The Amiri PDF copied to a real file under `name` and imported from disk, with the report's notes. */
async function importAs(name: string) {
  const path = join(dir, name)
  copyFileSync(PDF, path)
  return importFileWithNotes(name, new Uint8Array(readFileSync(path)))
}

describe('a PDF saved under a text format’s name', () => {
  it('is read as the PDF it is (.txt, .md, .html), and the report says so in English and Arabic', async () => {
    const asPdf = await importAs('amiri.pdf')
    expect(asPdf.notes).toEqual([])
    for (const name of ['amiri.txt', 'amiri.md', 'amiri.html']) {
      const { article, notes, pdfPageStarts } = await importAs(name)
      expect(plainText(article.doc), name).toBe(plainText(asPdf.article.doc))
      expect(pdfPageStarts).toEqual(asPdf.pdfPageStarts)
      expect(notes).toEqual([{ key: 'messages.importReadAsPdf', values: { name } }])
    }
    const [note] = (await importAs('amiri.txt')).notes
    expect(wordText(createTranslator('en'), note!)).toBe(
      'amiri.txt: this file is a PDF document saved under a text file’s name, so Hamish read it as a PDF.',
    )
    expect(wordText(createTranslator('ar'), note!)).toContain('مستند PDF حُفظ باسم ملف نصي')
  })
})
