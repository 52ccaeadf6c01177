import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { createApiService } from '../main/library/api-service'
import { downloadExports } from '../main/export/export-host'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { Library } from '../main/library/library'
import { startPreviewServer } from '../main/preview/server'
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/preview'
import { heapAfterGc, READER_PAINTED, readerUrl } from './reader-page'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

/**
 * `node --import tsx bench/heap-snapshot.ts reader|app <file>`: the page of
 * bench reader-open (the book open in the reader, or the app with no
 * article), after a forced GC, saved as a .heapsnapshot for Chromium's
 * DevTools (Memory tab). How the reader's heap was taken apart: what each
 * object costs, and what holds it.
 */
async function main(): Promise<void> {
  const [which = 'reader', out = 'reader-open.heapsnapshot'] = process.argv.slice(2)
  const dir = await mkdtemp(join(tmpdir(), 'hamish-snap-'))
  const library = await Library.open(dir, { noSample: true })
  const outcome = await library.importFile({ name: 'adab.txt', bytes: new Uint8Array(readFileSync(BOOK)) })
  const preview = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: join(ROOT, 'out/renderer'),
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    if (which === 'reader') {
      await page.goto(readerUrl(preview.url, outcome.article!.id))
      await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, READER_PAINTED, {
        timeout: 180_000,
      })
    } else {
      await page.goto(preview.url)
      await page.waitForSelector('table', { timeout: 60_000 })
    }
    console.log(`${which}: ${((await heapAfterGc(page)) / 2 ** 20).toFixed(2)} MB after GC`)
    const cdp = await page.context().newCDPSession(page)
    const chunks: string[] = []
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk))
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    writeFileSync(out, chunks.join(''))
    console.log(`saved ${out}`)
  } finally {
    await browser.close()
    await preview.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
