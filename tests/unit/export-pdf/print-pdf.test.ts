import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { writeExportFile } from '../../../main/export/write-export'
import { ARTICLE_TITLE, HIGHLIGHT_RGB, articleParagraphs, fixtureHtml } from './fixture'
import {
  countColour,
  foldedWords,
  matchedWordRun,
  pdffonts,
  pdfinfo,
  pdfOnDisk,
  pdftotext,
  renderPage,
  skipWithoutTools,
  type PdfOnDisk,
} from './tools'

const HOSTILE_TITLE = `</span><script>x</script><span class="totalPages"></span> & "q" 'a'`

/** Page numbers as the footer prints them: "1 / 2" (pdftotext may close up the spaces). */
const FOOTER = /^\s*(\d+)\s*\/\s*(\d+)\s*$/

describe('printHtmlToPdf: failures that need no browser', () => {
  it('names the missing Chromium and the way out', async () => {
    const error = await printHtmlToPdf('<p>x</p>', {
      paper: 'A4',
      title: 't',
      chromiumPath: '/nonexistent/chromium',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HamishError)
    expect((error as HamishError).message).toBe(
      'PDF export needs Chromium at /nonexistent/chromium; install it or set HAMISH_CHROMIUM.',
    )
  })

  it('refuses an unknown paper size', async () => {
    await expect(
      printHtmlToPdf('<p>x</p>', { paper: 'A3' as 'A4', title: 't', chromiumPath: process.execPath }),
    ).rejects.toThrow(/Unknown paper size "A3": choose A4 or Letter/)
  })
})

describe.skipIf(skipWithoutTools('export-pdf'))('printHtmlToPdf in headless Chromium', () => {
  const paragraphs = articleParagraphs().slice(0, 3)
  let a4: PdfOnDisk
  let letter: PdfOnDisk
  let hostile: PdfOnDisk
  let server: Server
  const requests: string[] = []

  beforeAll(async () => {
    // A server the hostile page tries to reach: it must never hear from it.
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end('body{background:#ff0000}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const html = fixtureHtml({ paragraphs })
    const hostileHtml = fixtureHtml({
      title: 'عنوان عادي',
      paragraphs: paragraphs.slice(0, 1),
      mark: null,
      csp: false,
      extraBody:
        `<img src="${origin}/img.png" alt=""><link rel="stylesheet" href="${origin}/style.css">` +
        `<iframe src="${origin}/frame"></iframe><style>@import url(${origin}/import.css);</style>` +
        `<script>document.body.textContent = 'SCRIPT RAN'; fetch('${origin}/fetch')</script>`,
    })
    // Three browsers at once: about as fast as one on two cores.
    const [a4Bytes, letterBytes, hostileBytes] = await Promise.all([
      printHtmlToPdf(html, { paper: 'A4', title: ARTICLE_TITLE }),
      printHtmlToPdf(html, { paper: 'Letter', title: ARTICLE_TITLE }),
      printHtmlToPdf(hostileHtml, { paper: 'A4', title: HOSTILE_TITLE }),
    ])
    a4 = await pdfOnDisk(a4Bytes!)
    letter = await pdfOnDisk(letterBytes!)
    hostile = await pdfOnDisk(hostileBytes!)
  })

  afterAll(async () => {
    await Promise.all([a4?.close(), letter?.close(), hostile?.close()])
    await new Promise((resolve) => server?.close(resolve))
  })

  it('saves the PDF through writeExportFile', async () => {
    const exported = join(a4.dir, 'saved.pdf')
    await writeExportFile(exported, await readFile(a4.path))
    const info = await pdfinfo(exported)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    expect(info.tagged).toBe(true)
  })

  it("gives the article's Arabic words in logical order", async () => {
    const lines = (await pdftotext(a4.path)).split('\n')
    // Drop the running header (the title) and footer (page numbers) so a page break cannot split a run.
    const titleWords = foldedWords(ARTICLE_TITLE).join(' ')
    const body = lines.filter((l) => !FOOTER.test(l) && foldedWords(l).join(' ') !== titleWords)
    const actual = foldedWords(body.join('\n'))
    for (const p of paragraphs) {
      const expected = foldedWords(p)
      expect(expected.length).toBeGreaterThan(50)
      expect(matchedWordRun(expected, actual)).toBe(expected.length)
    }
    // All three paragraphs as one run of words, in order.
    const all = foldedWords(paragraphs.join('\n'))
    expect(matchedWordRun(all, actual)).toBe(all.length)
  })

  it('has the title in the header and page numbers in the footer', async () => {
    const info = await pdfinfo(a4.path)
    const lines = (await pdftotext(a4.path, true)).split('\n').filter((l) => l.trim())
    const titleWords = foldedWords(ARTICLE_TITLE).join(' ')
    // The header and the h1: the title is there at least twice on page 1.
    expect(lines.filter((l) => foldedWords(l).join(' ') === titleWords).length).toBeGreaterThanOrEqual(2)
    expect(foldedWords(lines[0]!).join(' ')).toBe(titleWords)
    const footers = lines.map((l) => FOOTER.exec(l.replace(/[\u202a-\u202e]/g, ''))).filter((m) => m !== null)
    expect(footers.map((m) => `${m[1]} / ${m[2]}`)).toEqual(
      Array.from({ length: info.pages }, (_, i) => `${i + 1} / ${info.pages}`),
    )
  })

  it('embeds the Amiri font', async () => {
    const fonts = await pdffonts(a4.path)
    const amiri = fonts.filter((f) => /Amiri/i.test(f.name))
    expect(amiri.length).toBeGreaterThan(0)
    expect(amiri.every((f) => f.embedded)).toBe(true)
    // Every font is embedded: the PDF reads the same on a machine without them.
    expect(fonts.every((f) => f.embedded)).toBe(true)
  })

  it('prints the highlight colour (printBackground)', async () => {
    const page = await renderPage(a4.path, 1, 50)
    expect(page.width).toBeGreaterThan(100)
    expect(countColour(page, HIGHLIGHT_RGB)).toBeGreaterThan(50)
    // The control: a page without a highlight has none of that colour.
    expect(countColour(await renderPage(hostile.path, 1, 50), HIGHLIGHT_RGB)).toBe(0)
  })

  it('prints A4 and Letter at their sizes', async () => {
    const a4Info = await pdfinfo(a4.path)
    const letterInfo = await pdfinfo(letter.path)
    // A4 is 595 x 842 pt, Letter 612 x 792 pt (Chromium rounds to the pixel).
    expect(a4Info.width).toBeCloseTo(595.3, -0.5)
    expect(a4Info.height).toBeCloseTo(841.9, -0.5)
    expect(letterInfo.width).toBeCloseTo(612, -0.5)
    expect(letterInfo.height).toBeCloseTo(792, -0.5)
  })

  it('shows a hostile title literally in the header, and the page still prints', async () => {
    const text = await pdftotext(hostile.path, true)
    const firstLine = text.split('\n').find((l) => l.trim())!
    expect(firstLine).toContain('</span><script>x</script><span class="totalPages"></span>')
    // (pdftotext's own bidi guess, on an RTL page, moves the last quote mark of this LTR line.)
    expect(firstLine).toContain(`& "q" 'a`)
    expect(text.split('\n').some((l) => FOOTER.test(l.replace(/[\u202a-\u202e]/g, '')))).toBe(true)
    const expected = foldedWords(paragraphs[0]!)
    expect(matchedWordRun(expected, foldedWords(text))).toBe(expected.length)
  })

  it('runs no script and makes no request, even without a CSP in the page', async () => {
    expect(await pdftotext(hostile.path)).not.toContain('SCRIPT RAN')
    expect(requests).toEqual([])
  })

  it('stops at the timeout with a clear message', async () => {
    const started = Date.now()
    await expect(
      printHtmlToPdf(fixtureHtml({ paragraphs }), { paper: 'A4', title: 't', timeoutMs: 200 }),
    ).rejects.toThrow(/PDF export took longer than 0.2 s and was stopped; nothing was saved/)
    // Generous: this only checks that it stops, not how fast (shared machines are slow at times).
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})

describe('matchedWordRun', () => {
  const words = foldedWords(articleParagraphs()[0]!)
  it('accepts the words in order, also when pdftotext splits one at a gap', () => {
    const split = [...words.slice(0, 5), 'السور', 'ية', ...words.slice(5)]
    const expected = [...words.slice(0, 5), 'السورية', ...words.slice(5)]
    expect(matchedWordRun(expected, split)).toBe(expected.length)
  })
  it('refuses words in visual (reversed) order', () => {
    expect(matchedWordRun(words, [...words].reverse())).toBeLessThan(3)
  })
  it('folds presentation forms, diacritics and bidi controls', () => {
    expect(foldedWords('\u202bﻟﺎﻓﺮﻭﻑ، تُعالَج\u202c')).toEqual(['لافروف', 'تعالج'])
  })
})
