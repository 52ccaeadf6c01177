import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { textBlocks } from '../common/plain-text'
import { createApiService } from '../main/library/api-service'
import { downloadExports } from '../main/export/export-host'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { Library } from '../main/library/library'
import { startPreviewServer } from '../main/preview/server'
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/preview'
import { heapAfterGc, READER_PAINTED, readerUrl, timeToMark } from './reader-page'
import { serveStatic } from './static-server'
import { median, round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const AMIRI = join(ROOT, 'node_modules/@fontsource/amiri/files/amiri-arabic-400-normal.woff2')

/** The baseline: the same paragraphs as one static HTML page, same font, same direction. */
function staticPage(paragraphs: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<style>@font-face{font-family:Amiri;src:url(/amiri.woff2) format("woff2")}
body{font-family:Amiri,serif;font-size:20px;line-height:1.9;max-width:70ch;margin:auto}</style></head>
<body>${paragraphs.map((p) => `<p dir="auto">${escape(p)}</p>`).join('\n')}
<script>document.fonts.ready.then(()=>requestAnimationFrame(()=>requestAnimationFrame(()=>performance.mark('static-painted'))))</script>
</body></html>`
}

/**
 * Opening the 1.47 MB Tashkeela book in the reader (through the preview
 * bridge, as the app does) against the same paragraphs as static HTML in the
 * same browser: time from navigation start to the first frame painted with
 * the text, and the JS heap after. Runs alternate to share any drift.
 */
export async function benchReaderOpen(runs = 5): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-'))
  const library = await Library.open(dir, { noSample: true })
  const outcome = await library.importFile({ name: 'adab.txt', bytes: new Uint8Array(readFileSync(BOOK)) })
  if (outcome.status !== 'added') throw new Error(outcome.message)
  const id = outcome.article!.id
  const paragraphs = textBlocks((await library.getArticle(id)).doc)
  const preview = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: join(ROOT, 'out/renderer'),
  })
  const baseline = await serveStatic(
    new Map([
      ['/', { type: 'text/html; charset=utf-8', body: staticPage(paragraphs) }],
      ['/amiri.woff2', { type: 'font/woff2', body: readFileSync(AMIRI) }],
    ]),
  )
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const reader = { ms: [] as number[], heap: [] as number[] }
  const plain = { ms: [] as number[], heap: [] as number[] }
  const emptyApp: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? ['static', 'reader'] : ['reader', 'static']) {
        const r =
          which === 'reader'
            ? await timeToMark(browser, readerUrl(preview.url, id), READER_PAINTED)
            : await timeToMark(browser, `${baseline.origin}/`, 'static-painted')
        const into = which === 'reader' ? reader : plain
        into.ms.push(r.ms)
        into.heap.push(r.heap)
      }
      // The app with no article open: how much of the reader's heap is the app itself.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      await page.goto(preview.url)
      await page.waitForSelector('table', { timeout: 60_000 })
      emptyApp.push(await heapAfterGc(page))
      await page.close()
    }
  } finally {
    await browser.close()
    await preview.close()
    await baseline.close()
    await rm(dir, { recursive: true, force: true })
  }
  const mb = (b: number) => round(b / 2 ** 20)
  return {
    case: 'open the 1.47 MB Tashkeela book: first paint and JS heap, reader vs static HTML',
    paragraphs: paragraphs.length,
    runs,
    reader: { firstPaintMs: round(median(reader.ms)), heapMB: mb(median(reader.heap)) },
    staticHtml: { firstPaintMs: round(median(plain.ms)), heapMB: mb(median(plain.heap)) },
    appWithoutArticle: { heapMB: mb(median(emptyApp)) },
    ratio: {
      firstPaint: round(median(reader.ms) / median(plain.ms)),
      heap: round(median(reader.heap) / median(plain.heap)),
    },
    target: '≤ 2',
  }
}
