import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toHtml } from '../../../common/export'
import { exportFonts } from '../../../main/export/export-fonts'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { annotate, article, input, rangeOf } from '../export/helpers'
import { pdfOnDisk, pdfWords, renderPage, skipWithoutTools, type PdfOnDisk, type Raster } from './tools'

const run = promisify(execFile)

/** The export stylesheet's link colour (common/export/html-style.ts). */
const LINK_RGB = [0x1a, 0x5f, 0xb4] as const
const DPI = 144

/** Whether a pixel is the link colour (anti-aliased edges aside). */
function isLinkColour(r: Raster, x: number, y: number): boolean {
  const p = (y * r.width + x) * 3
  return LINK_RGB.every((c, i) => Math.abs(r.rgb[p + i]! - c) <= 40)
}

/**
 * A note with a web link, printed to PDF as the app and the CLI print it: the
 * link is drawn as a link (the link colour, underlined) and is still a link
 * in the PDF (a Link annotation with the address).
 */
describe.skipIf(skipWithoutTools('export-pdf note links'))('a link in a note in the PDF', () => {
  let pdf: PdfOnDisk

  beforeAll(async () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const annotations = annotate(art.doc, [
      {
        ...rangeOf(art.doc, 'العاصمة موسكو'),
        note: 'See [Sourcebook](https://example.org/sourcebook) for more.',
      },
    ])
    const html = toHtml(input(art, annotations), { fonts: exportFonts(), paper: 'A4' })
    pdf = await pdfOnDisk(await printHtmlToPdf(html, { paper: 'A4', title: art.summary.title }))
  })

  afterAll(async () => {
    await pdf?.close()
  })

  it('stays clickable: the PDF holds a link to the address', async () => {
    const { stdout } = await run('pdfinfo', ['-url', pdf.path])
    expect(stdout).toContain('https://example.org/sourcebook')
  })

  it('is drawn in the link colour and underlined', async () => {
    const { words } = await pdfWords(pdf.path)
    const word = words.find((w) => w.text === 'Sourcebook')
    expect(word, 'the link text in the PDF').toBeDefined()
    const page = await renderPage(pdf.path, word!.page, DPI)
    const px = (pt: number): number => Math.round((pt * DPI) / 72)
    const [x0, x1] = [px(word!.xMin), px(word!.xMax)]
    // From the top of the word to well under its baseline, where an underline would be.
    const [y0, y1] = [px(word!.yMin), px(word!.yMin + 22)]
    let coloured = 0
    let longestRow = 0
    for (let y = y0; y < Math.min(y1, page.height); y++) {
      let row = 0
      for (let x = x0; x < x1; x++) if (isLinkColour(page, x, y)) row++
      coloured += row
      longestRow = Math.max(longestRow, row)
    }
    expect(coloured, 'pixels of the link colour on the word').toBeGreaterThan(50)
    // An underline: one row of the link colour across most of the word.
    expect(longestRow / (x1 - x0)).toBeGreaterThan(0.8)
  })
})
