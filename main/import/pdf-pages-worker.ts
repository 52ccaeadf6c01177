import { parentPort } from 'node:worker_threads'
import { HamishError, toWireError } from '../../common/errors'
import { openPdf } from './pdf-document'
import type { PageThreadAnswer, PageThreadJob } from './pdf-page-threads'
import { readPdfPages } from './pdf-pages'

/**
 * A PDF page thread's entry (bundled as out/main/pdf-pages-worker.js):
 * opens its own copy of the file and reads the pages it was given into
 * lines (pdf-page-threads.ts), answering with them or with the
 * HamishError that refused the file. Anything else thrown is a bug, and
 * ends the thread with that error, which the importing thread passes on.
 */
parentPort?.once('message', async (job: PageThreadJob) => {
  let answer: PageThreadAnswer
  try {
    const { doc, close } = await openPdf(job.bytes, job.name)
    try {
      answer = { ok: true, read: await readPdfPages(doc, job.from, job.to, job.name) }
    } finally {
      await close()
    }
  } catch (error) {
    if (!(error instanceof HamishError)) throw error
    answer = { ok: false, error: toWireError(error) }
  }
  parentPort?.postMessage(answer)
})
