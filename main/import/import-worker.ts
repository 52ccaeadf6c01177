import { parentPort } from 'node:worker_threads'
import { HamishError, toWireError } from '../../common/errors'
import type { WorkerAnswer } from './import-converter'
import { usePdfPageThreadsBeside } from './pdf-page-threads'
import { prepareImport, type ImportJob } from './prepared-import'

// A long PDF is read on several threads, the page thread being built beside this one.
usePdfPageThreadsBeside(import.meta.url)

/**
 * The import worker's entry (bundled as out/main/import-worker.js): takes
 * one ImportJob, answers with the prepared import or the HamishError that
 * refused the file. Anything else thrown is a bug, and ends the worker with
 * that error, which the converter passes on.
 */
parentPort?.once('message', async (job: ImportJob) => {
  let answer: WorkerAnswer
  try {
    answer = { ok: true, prepared: await prepareImport(job) }
  } catch (error) {
    if (!(error instanceof HamishError)) throw error
    answer = { ok: false, error: toWireError(error) }
  }
  // The two files' bytes are moved, not copied: main receives them without work on its thread.
  parentPort?.postMessage(
    answer,
    answer.ok
      ? [answer.prepared.articleJson.buffer as ArrayBuffer, answer.prepared.indexJson.buffer as ArrayBuffer]
      : [],
  )
})
