import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { Worker, resourceLimits } from 'node:worker_threads'
import { fromWireError, HamishError, type WireError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { refuseTextPastLimit } from './finish-article'
import type { PdfLine } from './pdf-layout'
import { readPdfPages, type PdfPageSource, type PdfPagesRead } from './pdf-pages'

/** What a page thread is given: the file, and the pages it reads. */
export interface PageThreadJob {
  bytes: Uint8Array
  name: string
  from: number
  to: number
}

/** What a page thread answers: the lines of its pages, or why the file is refused. */
export type PageThreadAnswer = { ok: true; read: PdfPagesRead } | { ok: false; error: WireError }

/** At most this many threads read one PDF: past four, each thread's own start (pdf.js loaded, the file parsed) costs more than its pages save. */
const MAX_THREADS = 4

/** A thread of its own is worth starting for this many pages or more: fewer are read before it has started. */
const MIN_PAGES_PER_THREAD = 24

/** The built page thread's entry (pdf-pages-worker.js), when this process has one. */
let pageWorkerFile: string | null = null

/**
 * Lets this process read long PDFs on several threads, with the page
 * thread's entry built beside it in `builtDir` (out/main/). Called by the
 * entries that import (the import worker, the CLI); a process run from
 * source has no built entry and reads every page on its own thread.
 */
export function usePdfPageThreadsBeside(builtDir: string): void {
  const file = resolve(builtDir, 'pdf-pages-worker.js')
  pageWorkerFile = existsSync(file) ? file : null
}

/**
 * How many threads read a PDF of `pages` pages: one per core, at most
 * MAX_THREADS, each with at least MIN_PAGES_PER_THREAD pages; one (this
 * thread alone) where no page thread is built.
 */
export function pdfPageThreadCount(pages: number): number {
  if (pageWorkerFile === null) return 1
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(pages / MIN_PAGES_PER_THREAD)))
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

/** A page thread's failure as the user's: running out of memory names the file; anything else stays internal. */
function threadFailure(error: Error, name: string): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  return new HamishError('too-large', localText('messages.importOutOfMemory', { name }))
}

/** Reads a run of pages on a thread of its own; `stop` ends it early (another part failed). */
function readOnThread(job: PageThreadJob, file: string, stop: AbortSignal): Promise<PdfPagesRead> {
  return new Promise((resolve, reject) => {
    // The page thread's heap is held to this thread's own limits (the import worker's), if it has any.
    const worker = new Worker(file, { resourceLimits })
    let settled = false
    const settle = (finish: () => void): void => {
      if (settled) return
      settled = true
      stop.removeEventListener('abort', onStop)
      void worker.terminate()
      finish()
    }
    const onStop = (): void => settle(() => reject(new Error('stopped')))
    stop.addEventListener('abort', onStop, { once: true })
    worker.on('message', (answer: PageThreadAnswer) =>
      settle(() => (answer.ok ? resolve(answer.read) : reject(fromWireError(answer.error)))),
    )
    worker.on('error', (error) => settle(() => reject(threadFailure(error, job.name))))
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`a PDF page thread stopped (exit code ${code}) before answering`))),
    )
    worker.postMessage(job)
  })
}

/**
 * Reads every page of an open PDF into lines, on several threads when it
 * is long enough (pdfPageThreadCount): this thread reads the first run of
 * pages from `doc` while each page thread opens its own copy of the file
 * and reads the next run, all at once — pdf.js reads a page's text on one
 * thread at a time, and a 100-page book kept one core busy while the
 * others idled. The lines are the ones one thread would make: each page is
 * laid out on its own; only the judgement of a font without a Unicode map
 * starts afresh in each run. The first refusal (the earliest pages') is
 * the answer, and the other threads are stopped.
 */
export async function readPdfPagesInThreads(
  bytes: Uint8Array,
  doc: PdfPageSource & { numPages: number },
  name: string,
  threads = pdfPageThreadCount(doc.numPages),
): Promise<PdfPagesRead> {
  const file = pageWorkerFile
  if (threads <= 1 || file === null) return readPdfPages(doc, 1, doc.numPages, name)
  const [own, ...others] = pageRanges(doc.numPages, threads)
  const stop = new AbortController()
  const parts = [
    readPdfPages(doc, own!.from, own!.to, name),
    ...others.map((range) => readOnThread({ bytes, name, ...range }, file, stop.signal)),
  ]
  // Every part settles before the answer, so no thread is left reading; the first failure in page order wins.
  parts.forEach((part) => part.catch(() => stop.abort()))
  const settled = await Promise.allSettled(parts)
  const failed = settled.find(
    (s): s is PromiseRejectedResult =>
      s.status === 'rejected' && !(s.reason instanceof Error && s.reason.message === 'stopped'),
  )
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
