import { describe, expect, it } from 'vitest'
import { bibtexText, toBibtex } from '../../../common/citation/bibtex'
import { citationKeys } from '../../../common/citation/citation-keys'
import { hasPandoc, pandoc } from '../export/helpers'
import { ALL, BARE, BOOK, JOURNAL, NEWS } from './sources'

interface CslBack {
  id: string
  type: string
  title: string
  author?: { literal?: string; family?: string; given?: string }[]
  'container-title'?: string
  publisher?: string
  URL?: string
  DOI?: string
  language?: string
  issued?: { 'date-parts': number[][] }
}

describe('toBibtex', () => {
  it('writes biblatex entries: type by kind, the same keys as CSL-JSON, langid, date, urldate, url, doi', () => {
    const bib = toBibtex(ALL)
    const heads = [...bib.matchAll(/^@(\w+)\{([^,]+),$/gmu)].map((m) => `${m[1]}:${m[2]}`)
    expect(heads).toEqual(
      citationKeys(ALL).map((k, i) => `${['article', 'article', 'book', 'misc', 'article'][i]}:${k}`),
    )
    const news = toBibtex([NEWS])
    expect(news).toContain('  entrysubtype = {newspaper},\n')
    expect(news).toContain('  author = {{محمد بن علي الشيباني} and {العمري}, {سارة}},\n')
    expect(news).toContain('  journaltitle = {الجزيرة نت},\n')
    expect(news).toContain('  date = {2025-12-24},\n')
    expect(news).toContain('  urldate = {2025-12-25},\n')
    expect(news).toContain('  url = {https://example.com/news/lavrov},\n')
    expect(news).toContain('  langid = {arabic},\n')
    const journal = toBibtex([JOURNAL])
    expect(journal).toContain('  date = {2019-03},\n')
    expect(journal).toContain('  pages = {45--67},\n')
    expect(journal).toContain('  doi = {10.1000/xyz123},\n')
    expect(journal).toContain('  langid = {english},\n')
    expect(toBibtex([BARE])).toBe('@misc{nd-ملاحظات,\n  title = {ملاحظات},\n  urldate = {2026-02-04},\n}\n')
  })

  it('escapes the TeX specials, so no title can unbalance a brace or start a command', () => {
    expect(bibtexText('a {b} & 100% #1 x_y ~ ^ \\ $')).toBe(
      'a \\{b\\} \\& 100\\% \\#1 x\\_y \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$',
    )
    expect(bibtexText('سطر\nثان')).toBe('سطر ثان')
    const url = toBibtex([{ ...BARE, source: 'https://example.org/a b}{c' }])
    expect(url).toContain('  url = {https://example.org/a%20b%7D%7Bc},\n')
  })
})

const available = hasPandoc()
if (!available) it.skip('Pandoc checks skipped: pandoc is not installed (apt-get install pandoc)', () => {})

describe.runIf(available)('toBibtex read back by Pandoc (-f bibtex -t csljson)', () => {
  it('keeps Arabic names, titles, containers and publishers exactly, and every key, type and date', () => {
    const back = JSON.parse(pandoc(['-f', 'bibtex', '-t', 'csljson'], toBibtex(ALL))!) as CslBack[]
    expect(back.map((e) => e.id)).toEqual(citationKeys(ALL))
    const byId = new Map(back.map((e) => [e.id, e]))
    const [newsKey, journalKey, bookKey] = citationKeys(ALL)
    const news = byId.get(newsKey!)!
    expect(news.title).toBe(NEWS.title)
    expect(news.author).toEqual([{ literal: 'محمد بن علي الشيباني' }, { family: 'العمري', given: 'سارة' }])
    expect(news['container-title']).toBe('الجزيرة نت')
    expect(news.type).toBe('article-newspaper')
    expect(news.language).toBe('ar')
    expect(news.URL).toBe('https://example.com/news/lavrov')
    expect(news.issued).toEqual({ 'date-parts': [[2025, 12, 24]] })
    const book = byId.get(bookKey!)!
    expect(book).toMatchObject({ type: 'book', title: BOOK.title, publisher: 'دار المنهاج' })
    expect(book.author).toEqual([{ literal: 'أبو الحسن الماوردي' }])
    // English titles are sentence-cased by Pandoc's biblatex reader; every escaped special comes back as itself.
    const journal = byId.get(journalKey!)!
    expect(journal.title.toLowerCase()).toBe(JOURNAL.title.toLowerCase())
    expect(journal.DOI).toBe('10.1000/xyz123')
    expect(journal.type).toBe('article-journal')
  })
})
