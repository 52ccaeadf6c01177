import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFileWithNotes } from '../../../main/import/import-file'
import { plainText } from '../../../common/plain-text'

const FIXTURES = resolve(__dirname, '../../fixtures')
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)))
const BOILERPLATE = 'تم إعداد هذا الملف آليا بواسطة المكتبة الشاملة'

describe('a Shamela book is titled by its «الكتاب :» header line', () => {
  for (const name of [
    'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt',
    'large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt',
    'meta/shamela-header.txt',
  ]) {
    it(name, async () => {
      const { article } = await importFileWithNotes(name.split('/').pop()!, fixture(name))
      expect(article.title).toBe('أدب الدنيا والدين')
      // The boilerplate first line is no title, and nothing of the text is lost: it stays in the body.
      expect(plainText(article.doc).startsWith(BOILERPLATE)).toBe(true)
      expect(plainText(article.doc)).toContain('الكتاب : أدب الدنيا والدين')
    })
  }

  it('an ordinary text keeps its first line as its title, even one that starts «الكتاب :»', async () => {
    const text =
      'الكتاب : عنوان مقالتي\nهذه مقالة عادية فيها فقرة أولى طويلة بما يكفي، ولا علاقة لها بأي مكتبة.\n'
    const { article } = await importFileWithNotes('plain.txt', new TextEncoder().encode(text))
    expect(article.title).toBe('الكتاب : عنوان مقالتي')
  })
})
