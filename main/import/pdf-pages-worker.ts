import { parentPort } from 'node:worker_threads'
import { HamishError, toWireError } from '../../common/errors'
import { openPdf, type OpenPdf } from './pdf-document'
import type { PageThreadAnswer, PageThreadMessage } from './pdf-page-threads'
import { readPdfPages } from './pdf-pages'

/** The file, opened as soon as it arrives; what opening it threw is the answer to a read. */
let opened: Promise<OpenPdf> | null = null
let name = ''

async function answerRead(from: number, to: number): Promise<PageThreadAnswer> {
  try {
    if (!opened) throw new Error('a PDF page thread was told to read before it was given the file')
    return { ok: true, read: await readPdfPages(await opened, from, to, name) }
  } catch (error) {
    if (!(error instanceof HamishError)) throw error
    return { ok: false, error: toWireError(error) }
  }
}

/**
 * A PDF page thread's entry (bundled as out/main/pdf-pages-worker.js):
 * given the file, it opens its own copy at once; told which pages, it
 * reads them into lines (pdf-page-threads.ts) and answers with them or
 * with the HamishError that refused the file; told to stop, it leaves.
 * Anything else thrown is a bug, and ends the thread with that error,
 * which the importing thread passes on.
 */
parentPort?.on('message', (message: PageThreadMessage) => {
  if (message.kind === 'file') {
    name = message.name
    opened = openPdf(message.bytes, message.name)
    // A refusal is answered when the pages are asked for; the importing thread meets the same one itself.
    opened.catch(() => undefined)
  } else if (message.kind === 'read') {
    void answerRead(message.from, message.to).then((answer) => parentPort?.postMessage(answer))
  } else {
    // Not needed: let go of the file and end.
    void (opened ?? Promise.reject(new Error('no file')))
      .then((o) => o.close())
      .catch(() => undefined)
      .finally(() => process.exit(0))
  }
})
