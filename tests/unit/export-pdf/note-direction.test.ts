import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toHtml } from '../../../common/export'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { exportFonts } from '../../../main/export/export-fonts'
import { annotate, article, input, rangeOf } from '../export/helpers'
import { pdfOnDisk, pdfWords, skipWithoutTools, type PdfOnDisk, type PdfWord } from './tools'

/**
 * A note in an Arabic article that is a list with an Arabic and a Latin
 * item, and one whose paragraphs change script, printed as the CLI prints
 * them: the whole note is one right-to-left block (as the reader's notes
 * panel shows it), so the Latin item sits at the right like the Arabic one
 * and still reads left to right.
 */
describe.skipIf(skipWithoutTools('export-pdf note direction'))('a mixed-script note in the PDF', () => {
  let pdf: PdfOnDisk
  let width = 0
  let words: PdfWord[] = []

  beforeAll(async () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const annotations = annotate(art.doc, [
      { ...rangeOf(art.doc, 'العاصمة موسكو'), note: '- بند أول\n- second' },
      {
        ...rangeOf(art.doc, 'الشيباني بأن العلاقات'),
        note: 'فقرة عربية أولى.\n\nA Latin paragraph, with a comma.\n\n1. أول\n2. third item, ok.',
      },
    ])
    const html = toHtml(input(art, annotations), { fonts: exportFonts(), paper: 'A4' })
    pdf = await pdfOnDisk(await printHtmlToPdf(html, { paper: 'A4', title: art.summary.title }))
    ;({ width, words } = await pdfWords(pdf.path))
  })

  afterAll(async () => {
    await pdf?.close()
  })

  const word = (text: string): PdfWord => {
    const found = words.filter((w) => w.text.replace(/[.,]/g, '') === text)
    expect(found, text).toHaveLength(1)
    return found[0]!
  }

  it('puts the Latin list item and paragraph on the right, with the Arabic ones', () => {
    expect(width).toBeGreaterThan(500)
    for (const latin of ['second', 'Latin', 'third']) {
      const w = word(latin)
      expect(w.xMin, `${latin} at ${w.xMin}–${w.xMax} of ${width}`).toBeGreaterThan(width / 2)
    }
  })

  it('keeps a Latin item in its own order: its full stop after its last word', () => {
    const first = word('third')
    const last = words.find((w) => w.page === first.page && w.yMin === first.yMin && /^ok/.test(w.text))!
    expect(last.xMin).toBeGreaterThan(first.xMax)
    // The full stop ends the item on its right, not before its first word on the left.
    const stop = words.filter((w) => w.page === first.page && w.yMin === first.yMin && w.text.includes('.'))
    for (const w of stop) expect(w.xMax).toBeGreaterThan(first.xMax)
  })
})
