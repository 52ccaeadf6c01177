import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Annotation } from '../common/annotation'
import { HIGHLIGHT_COLORS } from '../common/annotation'
import { plainText } from '../common/plain-text'
import { describeSelection, prepareText } from '../common/anchoring'
import { createApiService } from '../main/library/api-service'
import { downloadExports } from '../main/export/export-host'
import { printHtmlToPdf } from '../main/export/print-html-chromium'
import { Library } from '../main/library/library'
import { startPreviewServer, type PreviewServer } from '../main/preview/server'
import { writeFileAtomic } from '../main/store/atomic-write'
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/preview'
import { READER_PAINTED, readerUrl, timeToMark } from './reader-page'
import { median, round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

/** A small deterministic generator, so every run annotates the same passages. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** `count` highlights on word-aligned passages of 2–12 words, spread over the whole text, some overlapping. */
export function makeAnnotations(text: string, count: number, seed = 7): Annotation[] {
  const chars = Array.from(text)
  const prepared = prepareText(text)
  const starts: number[] = []
  for (let i = 0; i < chars.length; i++)
    if (chars[i] !== ' ' && (i === 0 || chars[i - 1] === ' ')) starts.push(i)
  const next = random(seed)
  const out: Annotation[] = []
  const at = new Date('2026-01-01T00:00:00Z').toISOString()
  for (let n = 0; n < count; n++) {
    const w = Math.floor(next() * (starts.length - 13))
    const start = starts[w]!
    const end = starts[w + 2 + Math.floor(next() * 10)]! - 1
    out.push({
      id: `bench-${n}`,
      target: describeSelection(prepared, start, end),
      body: {
        color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length]!,
        note: n % 3 ? '' : `ملاحظة ${n}`,
        tags: [],
      },
      creator: { id: 'urn:uuid:bench', name: 'bench' },
      created: at,
      modified: at,
      deleted: false,
    })
  }
  return out
}

/** A library holding the book with `count` annotations written straight into its article file. */
async function libraryWithBook(count: number): Promise<{ dir: string; id: string; server: PreviewServer }> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-hl-'))
  const setup = await Library.open(dir, { noSample: true })
  const outcome = await setup.importFile({ name: 'adab.txt', bytes: new Uint8Array(readFileSync(BOOK)) })
  if (outcome.status !== 'added') throw new Error(outcome.message)
  const id = outcome.article!.id
  const file = join(dir, 'articles', `${id}.json`)
  const stored = JSON.parse(await readFile(file, 'utf8')) as { doc: Parameters<typeof plainText>[0] }
  await writeFileAtomic(
    file,
    JSON.stringify({ ...stored, annotations: makeAnnotations(plainText(stored.doc), count) }),
  )
  const library = await Library.open(dir, { noSample: true })
  const server = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: join(ROOT, 'out/renderer'),
  })
  return { dir, id, server }
}

/**
 * The book opened with 10,000 highlights against the same book with none, in
 * the same browser, alternating: time to the reader's first paint (anchoring
 * in main, transfer, decorations and layout included).
 */
export async function benchReaderHighlights(runs = 5, count = 10_000): Promise<Record<string, unknown>> {
  const none = await libraryWithBook(0)
  const many = await libraryWithBook(count)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const times = { none: [] as number[], many: [] as number[] }
  let highlighted = 0
  try {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? (['many', 'none'] as const) : (['none', 'many'] as const)) {
        const lib = which === 'many' ? many : none
        times[which].push((await timeToMark(browser, readerUrl(lib.server.url, lib.id), READER_PAINTED)).ms)
      }
    }
    const page = await browser.newPage()
    await page.goto(readerUrl(many.server.url, many.id))
    // The reader draws highlights near the reading position before first paint and the rest just after.
    await page.waitForFunction(
      () => performance.getEntriesByName('hamish:highlights-drawn').length > 0,
      null,
      {
        timeout: 180_000,
      },
    )
    highlighted = await page.evaluate(
      () =>
        new Set(
          Array.from(document.querySelectorAll('[data-annotation-id]'), (e) =>
            e.getAttribute('data-annotation-id'),
          ),
        ).size,
    )
    await page.close()
  } finally {
    await browser.close()
    for (const lib of [none, many]) {
      await lib.server.close()
      await rm(lib.dir, { recursive: true, force: true })
    }
  }
  return {
    case: `open the 1.47 MB book with ${count} highlights vs none: first paint`,
    runs,
    highlightsRendered: highlighted,
    noneMs: round(median(times.none)),
    withHighlightsMs: round(median(times.many)),
    ratio: round(median(times.many) / median(times.none)),
    target: '≤ 1.5',
  }
}
