import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFileWithNotes } from '../../../main/import/import-file'
import { handMadePdf } from '../../support/hand-made-pdf'

const FIXTURES = resolve(__dirname, '../../fixtures')
const fixture = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, path)))
const metaOf = async (name: string, bytes: Uint8Array) =>
  (await importFileWithNotes(name, bytes)).article.meta

/** A PDF written by hand with one line of text and an Info dictionary. */
function pdfWithInfo(info: string): Uint8Array {
  const content = 'BT /F1 12 Tf 20 100 Td (A short paper about reading offline, with enough words.) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    info,
  ]
  return handMadePdf(objects, '/Info 6 0 R ')
}

/** UTF-16BE hex string as PDF writes non-Latin text in its Info dictionary. */
const pdfText = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`

describe('metadata a file declares, read on import', () => {
  it('an EPUB: its dc:creator authors in order (not the translator), dc:publisher, dc:date, dc:language', async () => {
    expect(await metaOf('regime-anticancer-arabic.epub', fixture('regime-anticancer-arabic.epub'))).toEqual({
      authors: [{ literal: 'Pr David Khayat' }, { literal: 'Nathalie Hutter-Lardeau' }],
      publisher: 'Hachette Antoine',
      published: [2012],
      language: 'ar',
      kind: 'book',
    })
  })

  it('a DOCX made by Pandoc: core.xml creators (several, Arabic kept as written) and its date', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hamish-docx-meta-'))
    try {
      const md = join(work, 'in.md')
      writeFileSync(md, 'نص المقالة الأول، وفيه ما يكفي من الكلمات ليكون فقرة.\n')
      const out = join(work, 'out.docx')
      execFileSync('pandoc', [
        md,
        '-o',
        out,
        '--metadata',
        'title=مقالة تجريبية',
        '--metadata',
        'author=عبد الله بن سالم',
        '--metadata',
        'author=Anna Smith',
        '--metadata',
        'date=2024-03-05',
      ])
      const meta = await metaOf('out.docx', new Uint8Array(readFileSync(out)))
      expect(meta?.authors).toEqual([{ literal: 'عبد الله بن سالم' }, { literal: 'Anna Smith' }])
      // core.xml has no publication date: dcterms:created (when Pandoc wrote the file) is the best it has.
      const core = execFileSync('unzip', ['-p', out, 'docProps/core.xml'], { encoding: 'utf8' })
      const created = /<dcterms:created[^>]*>(\d{4})-(\d{2})-(\d{2})/.exec(core)!
      expect(meta?.published).toEqual([Number(created[1]), Number(created[2]), Number(created[3])])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })

  it("a PDF: its Info dictionary's Author (UTF-16, two names) and CreationDate", async () => {
    const info = `<< /Title (A short paper) /Author ${pdfText('ليلى حداد; Omar Said')} /CreationDate (D:20211004093000+03'00') >>`
    expect(await metaOf('paper.pdf', pdfWithInfo(info))).toEqual({
      authors: [{ literal: 'ليلى حداد' }, { literal: 'Omar Said' }],
      published: [2021, 10, 4],
    })
  })

  it("a Shamela book's header: book, author (as written, death date included), publisher, edition year", async () => {
    expect(await metaOf('adab.txt', fixture('meta/shamela-header.txt'))).toEqual({
      authors: [
        {
          literal:
            'أبو الحسن علي بن محمد بن محمد بن حبيب البصري البغدادي، الشهير بالماوردي (المتوفى : 450هـ)',
        },
      ],
      publisher: 'دار مكتبة الحياة',
      published: [1986],
      kind: 'book',
    })
  })

  it('the real Tashkeela copy, whose header names only the book, is known as a book and nothing more', async () => {
    const whole = fixture('large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
    const bytes = whole.slice(0, whole.indexOf(0x0a, 20000) + 1) // its first lines, cut at a line's end
    expect(await metaOf('tashkeela.txt', bytes)).toEqual({ kind: 'book' })
  })

  it('an ordinary text that starts with a «label : value» line is not taken for a Shamela book', async () => {
    const text = 'الناشر : أي أحد\nهذه مقالة عادية فيها فقرة أولى طويلة بما يكفي، ولا علاقة لها بالمكتبة.\n'
    expect(await metaOf('plain.txt', new TextEncoder().encode(text))).toBeUndefined()
  })
})
