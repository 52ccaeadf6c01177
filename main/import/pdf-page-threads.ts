import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker, resourceLimits } from 'node:worker_threads'
import { fromWireError, type WireError } from '../../common/errors'
import { refuseTextPastLimit } from './finish-article'
import { converterFailure, converterLimits } from './worker-heap'
import type { PdfLine } from './pdf-layout'
import { readPdfPages, type PdfPageSource, type PdfPagesRead } from './pdf-pages'

/**
 * What a page thread is told: first the file (it opens its own copy at
 * once, while the importing thread opens its), then which pages to read,
 * or that it is not needed after all.
 */
export type PageThreadMessage =
  | { kind: 'file'; bytes: Uint8Array; name: string }
  | { kind: 'read'; from: number; to: number }
  | { kind: 'stop' }

/** What a page thread answers: the lines of its pages, or why the file is refused. */
export type PageThreadAnswer = { ok: true; read: PdfPagesRead } | { ok: false; error: WireError }

/** At most this many threads read one PDF: past four, each thread's own start (pdf.js loaded, the file parsed) costs more than its pages save. */
const MAX_THREADS = 4

/**
 * A thread of its own is worth starting for this many pages or more. A new
 * thread's start costs about what 100 pages of a book cost a warm one
 * (measured on 2 cores: a 102-page book took 1.5–1.9 s of CPU on one warm
 * thread, 3.1–3.3 s with a page thread for half of it — pdf.js loaded and
 * compiled again, the file parsed again, its code cold), so only a long
 * book gains, and most on the app's path, where every thread starts cold.
 */
const MIN_PAGES_PER_THREAD = 100

/** The built page thread's entry (pdf-pages-worker.js), when this process has one. */
let pageWorkerFile: string | null = null

/**
 * Lets this process read long PDFs on several threads, with the page
 * thread's entry built beside the module at `moduleUrl` (an entry's
 * import.meta.url, in out/main/). Called by the entries that import (the
 * import worker, the CLI); a process run from source, or bundled without a
 * module URL, has no built entry beside it and reads every page on its own thread.
 */
export function usePdfPageThreadsBeside(moduleUrl: string | undefined): void {
  let file: string | null
  try {
    file = fileURLToPath(new URL('./pdf-pages-worker.js', moduleUrl))
  } catch {
    file = null
  }
  pageWorkerFile = file !== null && existsSync(file) ? file : null
}

/**
 * Threads one PDF may use: one per core, at most MAX_THREADS, or fewer where
 * `HAMISH_PDF_THREADS` says (1: this thread alone) — for a machine whose
 * cores are busy with other work, and for the benchmark's comparison.
 */
function threadsAllowed(): number {
  const cap = Number.parseInt(process.env.HAMISH_PDF_THREADS ?? '', 10)
  const cores = Math.min(availableParallelism(), MAX_THREADS)
  return Number.isInteger(cap) && cap >= 1 ? Math.min(cap, cores) : cores
}

/**
 * How many threads read a PDF of `pages` pages: one per core, at most
 * MAX_THREADS, each with at least MIN_PAGES_PER_THREAD pages; one (this
 * thread alone) where no page thread is built.
 */
export function pdfPageThreadCount(pages: number): number {
  if (pageWorkerFile === null) return 1
  return Math.max(1, Math.min(threadsAllowed(), Math.floor(pages / MIN_PAGES_PER_THREAD)))
}

/** The pages 1..pages cut into `parts` runs of nearly equal length, in order. */
export function pageRanges(pages: number, parts: number): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = []
  let from = 1
  for (let i = 0; i < parts; i++) {
    const to = from - 1 + Math.ceil((pages - from + 1) / (parts - i))
    ranges.push({ from, to })
    from = to + 1
  }
  return ranges
}

/**
 * Files this large are opened on page threads before their page count is
 * known (about 200 pages of a Chromium-printed book, more of a LaTeX one):
 * a thread's own start, pdf.js loaded and the file opened, then overlaps
 * the importing thread's. A smaller file starts them, if its page count
 * asks for them, once it is open.
 */
const EARLY_START_BYTES = 2 * 1024 * 1024

/** One page thread, started with the file and waiting to be told its pages. */
class PageThread {
  readonly #worker: Worker
  readonly #answer: Promise<PdfPagesRead>
  #told = false

  constructor(file: string, bytes: Uint8Array, name: string) {
    // The page thread's heap is held to this thread's own limits (the import worker's), if it has any.
    this.#worker = new Worker(file, { resourceLimits: converterLimits(resourceLimits) })
    this.#answer = new Promise((resolve, reject) => {
      this.#worker.once('message', (answer: PageThreadAnswer) =>
        answer.ok ? resolve(answer.read) : reject(fromWireError(answer.error)),
      )
      this.#worker.once('error', (error) => reject(converterFailure(error, name)))
      this.#worker.once('exit', (code) =>
        reject(new Error(`a PDF page thread stopped (exit code ${code}) before answering`)),
      )
    })
    // Not waited for unless told to read: an unused thread's end is no failure.
    this.#answer.catch(() => undefined)
    this.#worker.postMessage({ kind: 'file', bytes, name } satisfies PageThreadMessage)
  }

  /** Its pages' lines, once read. */
  read(from: number, to: number): Promise<PdfPagesRead> {
    this.#told = true
    this.#worker.postMessage({ kind: 'read', from, to } satisfies PageThreadMessage)
    return this.#answer
  }

  /** Ends it: told nothing, it leaves quietly; reading, it is stopped. */
  end(): void {
    if (this.#told) void this.#worker.terminate()
    else this.#worker.postMessage({ kind: 'stop' } satisfies PageThreadMessage)
  }
}

/**
 * The page threads of one file: some started before its page count is
 * known (`early`), more started once it is if it needs them, the rest
 * ended. Ended all at once when the import is over.
 */
export class PdfPageThreads {
  readonly #bytes: Uint8Array
  readonly #name: string
  #threads: PageThread[]

  constructor(bytes: Uint8Array, name: string, early: number) {
    this.#bytes = bytes
    this.#name = name
    const file = pageWorkerFile
    this.#threads =
      file === null ? [] : Array.from({ length: early }, () => new PageThread(file, bytes, name))
  }

  /** `count` page threads (fewer where none is built), the ones started early first; the others are ended. */
  take(count: number): PageThread[] {
    const file = pageWorkerFile
    for (const unused of this.#threads.slice(count)) unused.end()
    this.#threads = this.#threads.slice(0, count)
    while (file !== null && this.#threads.length < count)
      this.#threads.push(new PageThread(file, this.#bytes, this.#name))
    return this.#threads
  }

  /** Ends every one of them, whatever they were doing. */
  end(): void {
    this.take(0)
  }
}

/**
 * Starts the page threads a file may need, each opening its own copy of
 * it, so that they are ready when the importing thread has opened the
 * file and knows how many pages it has: one per core beside this one, at
 * most MAX_THREADS in all, for a file of EARLY_START_BYTES or more. A
 * shorter file starts them once its page count says it needs them.
 */
export function startPdfPageThreads(bytes: Uint8Array, name: string): PdfPageThreads {
  const early = bytes.byteLength >= EARLY_START_BYTES ? threadsAllowed() - 1 : 0
  return new PdfPageThreads(bytes, name, early)
}

/**
 * Reads every page of an open PDF into lines, on several threads when it
 * is long enough (pdfPageThreadCount) and page threads were started for
 * it: this thread reads the first run of pages from `doc` while each page
 * thread reads the next run from its own copy, all at once — pdf.js reads
 * a page's text on one thread at a time, and a 100-page book kept one core
 * busy while the others idled. The lines are the ones one thread would
 * make: each page is laid out on its own; only the judgement of a font
 * without a Unicode map starts afresh in each run. The refusal of the
 * earliest page is the answer, as on one thread: a failing run stops only
 * the runs after it. Page threads not needed are ended; missing ones started.
 */
export async function readPdfPagesInThreads(
  pdf: PdfPageSource,
  name: string,
  started: PdfPageThreads,
  threads = pdfPageThreadCount(pdf.doc.numPages),
): Promise<PdfPagesRead> {
  const helpers = started.take(Math.max(0, threads - 1))
  if (helpers.length === 0) return readPdfPages(pdf, 1, pdf.doc.numPages, name)
  const [own, ...others] = pageRanges(pdf.doc.numPages, helpers.length + 1)
  const parts = [
    readPdfPages(pdf, own!.from, own!.to, name),
    ...others.map((range, i) => helpers[i]!.read(range.from, range.to)),
  ]
  // A run that fails stops the runs after it; the ones before go on, as they may fail on an earlier page.
  parts.forEach((part, i) => part.catch(() => helpers.slice(i).forEach((h) => h.end())))
  const settled = await Promise.allSettled(parts)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  const pages: PdfLine[][] = []
  let chars = 0
  for (const s of settled) {
    const read = (s as PromiseFulfilledResult<PdfPagesRead>).value
    pages.push(...read.pages)
    chars += read.chars
  }
  refuseTextPastLimit(chars, name)
  return { pages, chars, threads: parts.length }
}
