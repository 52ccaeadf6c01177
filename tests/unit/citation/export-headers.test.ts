import { mkdir, writeFile } from 'node:fs/promises'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../common/article'
import { citationLine } from '../../../common/citation/citation-line'
import { toHtml, toMarkdown, toNotesMarkdown } from '../../../common/export'
import { exportFonts } from '../../../main/export/export-fonts'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { article, input, parse, splitFrontMatter } from '../export/helpers'
import { foldedWords, matchedWordRun, pdfOnDisk, pdftotext, skipWithoutTools } from '../export-pdf/tools'
import { ALL, JOURNAL, NEWS } from './sources'

/** The lavrov article with the metadata of NEWS (authors, container, URL). */
function cited(meta = NEWS.meta, extra: Partial<ArticleSummary> = {}) {
  const art = article('lavrov-shaibani-moscow.ar.txt')
  return { ...art, summary: { ...art.summary, meta, source: NEWS.source, ...extra } }
}

describe('citationLine', () => {
  it('is Chicago-like: authors, quoted title, container and date, address; Arabic punctuation for an Arabic title', () => {
    expect(ALL.map(citationLine)).toEqual([
      'محمد بن علي الشيباني، سارة العمري. «لافروف والشيباني يبحثان في موسكو العلاقات الروسية السورية». الجزيرة نت، 2025-12-24. https://example.com/news/lavrov',
      'Jane Smith, Juan de la Cruz. “The {Braces} & 100% of #Hash_tags: ~ ^ \\ $.” Journal of Arabic Studies, 2019-03. https://doi.org/10.1000/xyz123',
      'أبو الحسن الماوردي. «أدب الدنيا والدين». 1985.',
      '«ملاحظات».',
      'محمد بن علي الشيباني، سارة العمري. «لافروف يلتقي الشيباني مرة أخرى». الجزيرة نت، 2025-12-24. https://example.com/news/lavrov',
    ])
    expect(citationLine(JOURNAL)).not.toContain('paper.pdf')
    const mixed = {
      ...JOURNAL,
      meta: { ...JOURNAL.meta, authors: [{ literal: 'محمد بن علي' }, { family: 'Smith' }] },
    }
    expect(citationLine(mixed).startsWith('محمد بن علي, Smith. “The')).toBe(true)
  })
})

describe('every export carries the citation in its header', () => {
  const art = cited()
  const line = citationLine(art.summary)

  it('md: the front matter has it, read back by a YAML reader', () => {
    for (const flavor of ['md', 'md-gfm'] as const)
      expect(splitFrontMatter(toMarkdown(input(art, []), { flavor })).meta.citation).toBe(line)
  })

  it('notes-md: the line under the title', () => {
    const dom = parse(`<body>${toNotesMarkdown(input(art, [])).split('\n\n')[1]}</body>`)
    expect(dom.body.textContent).toBe(line)
  })

  it('html: under the title, in the article’s direction, each part isolated and escaped', () => {
    const hostile = cited({ ...NEWS.meta, container: '<img src=x onerror=__pwned()>' })
    const dom = parse(toHtml(input(hostile, []), { fonts: [] }))
    const p = dom.querySelector('header.doc-header p.doc-citation')!
    expect(p.getAttribute('dir')).toBe('rtl')
    expect(p.textContent).toBe(citationLine(hostile.summary))
    expect(p.querySelector('img')).toBeNull()
    expect([...p.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      'محمد بن علي الشيباني',
      'سارة العمري',
      art.summary.title,
      '<img src=x onerror=__pwned()>',
      '2025-12-24',
      'https://example.com/news/lavrov',
    ])
    const english = parse(
      toHtml(input(cited(JOURNAL.meta, { title: JOURNAL.title, dir: 'ltr' }), []), { fonts: [] }),
    )
    expect(english.querySelector('p.doc-citation')!.getAttribute('dir')).toBe('ltr')
  })

  describe.skipIf(skipWithoutTools('citation header'))('pdf', () => {
    it('prints the citation under the title: pdftotext finds its words; a PNG is kept to look at', async () => {
      const html = toHtml(input(art, []), { fonts: exportFonts() })
      const pdf = await pdfOnDisk(await printHtmlToPdf(html, { paper: 'A4', title: art.summary.title }))
      try {
        const text = await pdftotext(pdf.path)
        const words = foldedWords(text)
        for (const part of ['محمد بن علي الشيباني', 'سارة العمري', 'الجزيرة نت']) {
          const expected = foldedWords(part)
          expect(matchedWordRun(expected, words)).toBe(expected.length)
        }
        expect(text).toContain('https://example.com/news/lavrov')
        expect(text).toContain('2025-12-24')
        // For a person to look at (docs: test-results/ is not committed).
        const out = fileURLToPath(new URL('../../../test-results/citation-header', import.meta.url))
        await mkdir(out, { recursive: true })
        await promisify(execFile)('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          '1',
          '-l',
          '1',
          pdf.path,
          join(out, 'page'),
        ])
        await writeFile(
          join(out, 'export.pdf'),
          await import('node:fs/promises').then((f) => f.readFile(pdf.path)),
        )
      } finally {
        await pdf.close()
      }
    }, 60_000)
  })
})
