import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { importFileWithNotes } from '../../../main/import/import-file'
import { handMadePdf } from '../../support/hand-made-pdf'
import { markdownParagraphs, phraseCoverage } from '../../support/phrase-coverage'

const AMIRI = 'tests/fixtures/pdf/Documentation-Arabic.pdf'

async function refusal(name: string, bytes: Uint8Array): Promise<HamishError> {
  const err = await importFileWithNotes(name, bytes).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(HamishError)
  return err as HamishError
}

describe('PDF import (the Amiri documentation, a real LaTeX-made Arabic PDF)', async () => {
  const { article: imported, pdfPageStarts } = await importFileWithNotes(
    'Documentation-Arabic.pdf',
    new Uint8Array(readFileSync(AMIRI)),
  )
  const text = plainText(imported.doc)

  it('takes title from the metadata and reads right to left', () => {
    expect(imported.title).toBe('الخط الأميري')
    expect(imported.dir).toBe('rtl')
  })

  it('keeps at least 95% of the source’s 4-word phrases in logical order, and every paragraph', () => {
    // The source is a later revision of the Markdown the PDF was made from (a few words differ,
    // e.g. «أربعة» for «أربع»), and its headings are not compared: the PDF sets them in a font
    // without a Unicode map (pdftotext reads nothing there either). Before words were kept
    // whole (pdf.js's 0.102 em gap split «الطو يلة») and footnotes and terms kept apart, this was under 80%.
    const source = markdownParagraphs(readFileSync('tests/fixtures/amiri-Documentation-Arabic.md', 'utf8'))
    const coverage = phraseCoverage(source, text)
    expect(coverage.phrases).toBeGreaterThan(1000)
    expect(coverage.share).toBeGreaterThanOrEqual(0.95)
    expect(coverage.missingParagraphs).toEqual([])
    for (const word of ['الطويلة', 'الأميرية', 'الملايوية', 'تجاريه']) expect(text).toContain(word)
  })

  it('ends a paragraph where an unreadable heading stood, and leaves out the printed contents’ dot leaders', () => {
    const blocks = text.split('\n\n')
    // Page 2 opens under a heading set in a font without a Unicode map: its first paragraph is its own block,
    // not the end of page 1's table of contents run on.
    expect(blocks.some((b) => b.startsWith('الخط الأميري خط نسخي موجه لطباعة'))).toBe(true)
    expect(blocks.filter((b) => /(?:\.\s?){4,}/.test(b))).toEqual([])
  })

  it('drops the page numbers at the foot of each page', () => {
    const blocks = text.split('\n\n')
    expect(blocks.filter((b) => /^[0-9\u0660-\u0669]{1,3}$/.test(b.trim()))).toEqual([])
    expect(blocks.length).toBeGreaterThan(40)
  })

  it('leaves no presentation-form letters and no glyph-id noise', () => {
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/)
    expect(text).not.toMatch(/[\u0000-\u0008\u000E-\u001F]/)
  })

  it('keeps one page start (or null) for each of the PDF’s pages', () => {
    expect(pdfPageStarts).toHaveLength(8)
    expect(pdfPageStarts?.[0]).toBe(0)
  })
})

describe('PDF refusals', () => {
  it('refuses a PDF whose only page is an image (a scan) as having no text layer', async () => {
    const image = 'q 100 0 0 100 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q'
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
      `<< /Length ${image.length} >>\nstream\n${image}\nendstream`,
    ])
    const err = await refusal('scan.pdf', bytes)
    expect(err.message).toContain('scan.pdf: this PDF has no text layer')
  })

  it('refuses a PDF encrypted with a user password, asking for nothing', async () => {
    // A standard security handler (RC4, revision 2) whose /U does not match the empty password:
    // pdf.js must ask for a password, which Hamish never does.
    const hex32 = 'A1'.repeat(32)
    const bytes = handMadePdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
        `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex32}> /U <${'5B'.repeat(32)}> >>`,
      ],
      '/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ',
    )
    const err = await refusal('locked.pdf', bytes)
    expect(err.message).toContain('locked.pdf: this PDF is encrypted with a password')
  })

  it('refuses garbage and a file cut off after its header as not a readable PDF', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    expect((await refusal('garbage.pdf', garbage)).message).toContain(
      'garbage.pdf: this is not a readable PDF',
    )
    const amiri = new Uint8Array(readFileSync(AMIRI))
    const cut = amiri.slice(0, 600)
    expect((await refusal('cut.pdf', cut)).message).toMatch(
      /^cut\.pdf: this (is not a readable PDF|PDF has no text layer)/,
    )
  })

  it('words a damaged PDF in its own sentence, Arabic too (not pdf.js’s English «Invalid PDF structure.»)', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    const err = await refusal('garbage.pdf', garbage)
    expect(err.message).toContain('(its structure is damaged, or it is not a PDF at all)')
    const arabic = wordText(createTranslator('ar'), err.text!)
    expect(arabic).toContain('بنيته تالفة')
    expect(arabic).not.toMatch(/Invalid|structure/)
  })

  it('refuses pages that hold only page numbers with a sentence of its own, not the HTML one', async () => {
    // Three pages, each only «N» at its foot: once page numbers are dropped, nothing is left.
    const page = (n: number): string => `BT /F1 12 Tf 95 20 Td (${n}) Tj ET`
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>',
      ...[1, 2, 3].map(
        (n) =>
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents ${5 + n} 0 R /Resources << /Font << /F1 9 0 R >> >> >>`,
      ),
      ...[1, 2, 3].map((n) => `<< /Length ${page(n).length} >>\nstream\n${page(n)}\nendstream`),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]
    const err = await refusal('numbers.pdf', handMadePdf(objects))
    expect(err.message).toMatch(/^numbers\.pdf: Hamish found no text to keep in this PDF/)
    expect(err.message).not.toContain('markup')
    expect(wordText(createTranslator('ar'), err.text!)).toContain('لم يجد هامش في ملف PDF هذا نصًا يُحفظ')
  })

  it('refuses a PDF whose page content unpacks past the stream limit (a "PDF bomb"), without unpacking it all', async () => {
    // 140 MB of spaces after one line of text, deflated to a few hundred KB: pdf.js would unpack it all
    // (a 3 GB one took 6.5 GB of memory and a minute) and import «Hello bomb».
    const content = Buffer.concat([
      Buffer.from('BT /F1 12 Tf 20 100 Td (Hello bomb) Tj ET\n'),
      Buffer.alloc(140 * 2 ** 20, 0x20),
    ])
    const packed = deflateSync(content, { level: 1 })
    const head = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed.toString('latin1')}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]
    const err = await refusal('bomb.pdf', handMadePdf(head))
    expect(err.code).toBe('too-large')
    expect(err.message).toContain(
      'bomb.pdf: this is not a readable PDF (a part of it unpacks to more than 128 MB',
    )
    expect(wordText(createTranslator('ar'), err.text!)).toContain('ميغابايت')
  })

  it('refuses a PDF whose objects nest half a million levels deep as damaged, without running out of stack', async () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000)
    const content = 'BT /F1 12 Tf 20 100 Td (Hello deep) Tj ET'
    const bytes = handMadePdf([
      `<< /Type /Catalog /Pages 2 0 R /Deep ${deep} >>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ])
    const err = await refusal('deep.pdf', bytes)
    expect(err.message).toContain('deep.pdf: this is not a readable PDF (its structure is damaged')
  })

  it('refuses a PDF that declares more pages than the limit', async () => {
    const kids = Array.from({ length: 2001 }, () => '3 0 R').join(' ')
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${kids}] /Count 2001 >>`,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ])
    const err = await refusal('bomb.pdf', bytes)
    expect(err.message).toContain(
      'bomb.pdf: this PDF has 2,001 pages; Hamish imports PDFs of up to 2,000 pages',
    )
  })
})
