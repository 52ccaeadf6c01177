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
import type { Browser, Page } from 'playwright-core'
import {
  heapAfterGc,
  longestTask,
  READER_PAINTED,
  readerUrl,
  timeToMark,
  watchLongTasks,
} from './reader-page'
import { serveStatic } from './static-server'
import { median, round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const NO_TASHKEEL = join(ROOT, 'tests/fixtures/large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt')

/** Lines of the long-line book are joined up to about this many characters (the issue's book: 9,405). */
const LONG_LINE = 9000

/**
 * A 3.9 MB book with long lines, as the issue describes, made from the
 * corpus: the book, its copy without diacritics and the book again, its
 * lines joined into lines of about 9,000 characters.
 */
export function longLineBook(): Buffer {
  const lines = [BOOK, NO_TASHKEEL, BOOK].flatMap((f) => readFileSync(f, 'utf8').split('\n'))
  const out: string[] = []
  let line = ''
  for (const l of lines) {
    line = line ? `${line} ${l.trim()}` : l.trim()
    if (line.length >= LONG_LINE) {
      out.push(line)
      line = ''
    }
  }
  if (line) out.push(line)
  return Buffer.from(out.join('\n'), 'utf8')
}
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
 * Opening a book in the reader (through the preview bridge, as the app
 * does) against the same paragraphs as static HTML in the same browser:
 * time from navigation start to the first frame painted with the text, the
 * JS heap after, and the longest main-thread task while opening. Runs
 * alternate to share any drift. Then, once, typing three letters into the
 * find bar: the longest task after each key. For the 1.47 MB Tashkeela book
 * and a 3.9 MB book with long lines (longLineBook).
 */
export async function benchReaderOpen(runs = 5): Promise<Record<string, unknown>> {
  const results: Record<string, unknown>[] = []
  for (const [name, bytes] of [
    ['1.47 MB Tashkeela book', readFileSync(BOOK)],
    ['3.9 MB book with long lines', longLineBook()],
  ] as const)
    results.push(await benchOneBook(name, bytes, runs))
  return {
    case: 'open a book: first paint, JS heap and longest task, reader vs static HTML; find-as-you-type',
    books: results,
    target: 'first paint ≤ 0.5×, heap ≤ 1.5×, longest task while opening ≤ 200 ms (issue 13)',
  }
}

async function benchOneBook(name: string, bytes: Buffer, runs: number): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-'))
  const library = await Library.open(dir, { noSample: true })
  const outcome = await library.importFile({ name: 'book.txt', bytes: new Uint8Array(bytes) })
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
  const reader = { ms: [] as number[], heap: [] as number[], task: [] as number[] }
  const plain = { ms: [] as number[], heap: [] as number[], task: [] as number[] }
  const emptyApp: number[] = []
  let find: Record<string, number> = {}
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
        into.task.push(r.longestTaskMs)
      }
      // The app with no article open: how much of the reader's heap is the app itself.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      await page.goto(preview.url)
      await page.waitForSelector('table', { timeout: 60_000 })
      emptyApp.push(await heapAfterGc(page))
      await page.close()
    }
    find = await findTyping(browser, readerUrl(preview.url, id))
  } finally {
    await browser.close()
    await preview.close()
    await baseline.close()
    await rm(dir, { recursive: true, force: true })
  }
  const mb = (b: number) => round(b / 2 ** 20)
  return {
    book: name,
    fileMB: mb(bytes.length),
    paragraphs: paragraphs.length,
    longestParagraph: Math.max(...paragraphs.map((p) => p.length)),
    runs,
    reader: {
      firstPaintMs: round(median(reader.ms)),
      heapMB: mb(median(reader.heap)),
      longestTaskMs: round(median(reader.task)),
    },
    staticHtml: {
      firstPaintMs: round(median(plain.ms)),
      heapMB: mb(median(plain.heap)),
      longestTaskMs: round(median(plain.task)),
    },
    appWithoutArticle: { heapMB: mb(median(emptyApp)) },
    ratio: {
      firstPaint: round(median(reader.ms) / median(plain.ms)),
      heap: round(median(reader.heap) / median(plain.heap)),
    },
    findAsYouType: find,
  }
}

/**
 * Records the gaps between the page's animation frames from its first
 * script on: the longest gap after a key is the longest frame that key
 * caused, however short (the longtask API sees only tasks over 50 ms).
 */
async function watchFrames(page: Page): Promise<void> {
  // As source text: tsx would wrap a named function in a helper the page does not have.
  await page.addInitScript({
    content: `window.__frameGaps = []
let last = performance.now()
requestAnimationFrame(function tick(t) {
  window.__frameGaps.push(t - last)
  last = t
  requestAnimationFrame(tick)
})`,
  })
}

/** The longest gap between two frames since the last call (ms), and clears the record. */
async function longestFrame(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __frameGaps: number[] }
    const longest = Math.max(0, ...w.__frameGaps)
    w.__frameGaps = []
    return Math.round(longest * 10) / 10
  })
}

/**
 * Opens the find bar in the open book and types ق, ا, ل one key at a time
 * (each searched, the long text's pause in typing included, before the
 * next): the longest main-thread task after opening the bar and after each
 * key, the longest frame (gap between animation frames) after each, and
 * the matches of the last.
 */
async function findTyping(browser: Browser, url: string): Promise<Record<string, number>> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  try {
    await watchLongTasks(page)
    await watchFrames(page)
    await page.goto(url)
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READER_PAINTED, {
      timeout: 180_000,
    })
    await page.waitForTimeout(1000)
    await longestTask(page)
    await longestFrame(page)
    await page.keyboard.press('Control+f')
    await page.waitForSelector('.find-bar:not([hidden]) .find-input:focus')
    await page.waitForTimeout(500)
    const out: Record<string, number> = {
      openBarLongestTaskMs: await longestTask(page),
      openBarLongestFrameMs: await longestFrame(page),
    }
    let typed = ''
    for (const key of ['ق', 'ا', 'ل']) {
      typed += key
      await page.keyboard.type(key)
      await page.waitForFunction(
        () => /\d/.test(document.querySelector('.find-count')?.textContent ?? ''),
        null,
        {
          timeout: 60_000,
        },
      )
      await page.waitForTimeout(300)
      out[`key${typed.length}LongestTaskMs`] = await longestTask(page)
      out[`key${typed.length}LongestFrameMs`] = await longestFrame(page)
      out[`key${typed.length}Matches`] = await page.evaluate(() =>
        Number(
          /(\d[\d,]*)\D*$/
            .exec(document.querySelector('.find-count')?.textContent ?? '')?.[1]
            ?.replace(/,/g, ''),
        ),
      )
      await page.evaluate(() => (document.querySelector('.find-count')!.textContent = ''))
    }
    return out
  } finally {
    await page.close()
  }
}
