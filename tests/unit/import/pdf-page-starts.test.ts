import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { isArticleFile, type ArticleFile } from '../../../main/library/library-data'
import { Library } from '../../../main/library/library'
import { foldForComparison } from '../../support/phrase-coverage'

const AMIRI = 'tests/fixtures/pdf/Documentation-Arabic.pdf'

/** Page N's text as pdftotext reads it, folded, without spaces (pdftotext splits some Arabic words). */
function pdftotextPage(page: number): string {
  const text = execFileSync('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-enc',
    'UTF-8',
    AMIRI,
    '-',
  ])
  return foldForComparison(text.toString('utf8')).replace(/ /g, '')
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-pdf-pages-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a PDF’s page starts in its article file', () => {
  it('are written with the article and point at the first words pdftotext reads on that page', async () => {
    const library = await Library.open(dir, { noSample: true })
    const outcome = await library.importFile({
      name: 'Documentation-Arabic.pdf',
      bytes: new Uint8Array(readFileSync(AMIRI)),
    })
    await library.flush()
    expect(outcome.status).toBe('added')
    const id = outcome.article!.id
    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as ArticleFile
    expect(isArticleFile(id)(file)).toBe(true)
    expect(file.pdfPages).toHaveLength(8)
    const text = [...plainText(file.doc)]
    // Page 5 opens with a table, which pdftotext reads column by column: left out of this check.
    for (const page of [3, 4, 6, 7, 8]) {
      const start = file.pdfPages![page - 1]
      expect(start, `page ${page}`).toBeTypeOf('number')
      // The first six words from that offset open that page (after its heading, which the PDF
      // sets in a font without a Unicode map), and are not on the page before.
      const from = foldForComparison(text.slice(start!, start! + 80).join(''))
        .split(' ')
        .slice(0, 6)
        .join('')
      expect(pdftotextPage(page).slice(0, 160), `page ${page}`).toContain(from)
      expect(pdftotextPage(page - 1), `page ${page - 1}`).not.toContain(from)
    }
  })

  it('are checked when the file is read: out of order is damage, absent is an article from any other file', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }
    expect(isArticleFile('a')({ version: 1, id: 'a', doc })).toBe(true)
    expect(isArticleFile('a')({ version: 1, id: 'a', doc, pdfPages: [0, null, 5] })).toBe(true)
    expect(isArticleFile('a')({ version: 1, id: 'a', doc, pdfPages: [5, 0] })).toBe(false)
    expect(isArticleFile('a')({ version: 1, id: 'a', doc, pdfPages: [-1] })).toBe(false)
  })
})
