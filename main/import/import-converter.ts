import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { fromWireError, type WireError } from '../../common/errors'
import { ImportCancelled } from './import-cancelled'
import { prepareImport, type ImportJob, type PreparedImport } from './prepared-import'
import { converterFailure, converterLimits } from './worker-heap'

/**
 * Turns a file's bytes into a PreparedImport. Cancelling (`signal`) rejects
 * with ImportCancelled; a refused file rejects with its HamishError.
 */
export type ImportConverter = (job: ImportJob, signal?: AbortSignal) => Promise<PreparedImport>

/** What the import worker posts back: the prepared import, or why the file was refused. */
export type WorkerAnswer = { ok: true; prepared: PreparedImport } | { ok: false; error: WireError }

/**
 * Converts on the caller's own thread: for the CLI, which answers no one
 * while it imports, and for tests of the library itself.
 */
export const convertInProcess: ImportConverter = async (job, signal) => {
  if (signal?.aborted) throw new ImportCancelled(job.name)
  return prepareImport(job)
}

/**
 * Converts each file in a worker thread of its own (`workerFile`, the
 * bundled main/import/import-worker.ts), so main's event loop keeps
 * answering the page and the preview while a 40 MB book is decoded,
 * converted, fingerprinted and tokenised. The file's bytes are handed over,
 * not copied. Cancel terminates the worker: whatever it had made is gone
 * with it, and nothing was written, since only the library writes. A
 * worker that runs out of memory (`limits`, else V8's default heap) is
 * answered as a file too large or complex to import, named, not as an
 * internal error: the user can do something about it.
 */
export function convertInWorker(workerFile: string | URL, limits?: ResourceLimits): ImportConverter {
  return (job, signal) =>
    new Promise<PreparedImport>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new ImportCancelled(job.name))
        return
      }
      const worker = new Worker(workerFile, { resourceLimits: converterLimits(limits) })
      let settled = false
      const settle = (finish: () => void): void => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', onAbort)
        void worker.terminate()
        finish()
      }
      const onAbort = (): void => settle(() => reject(new ImportCancelled(job.name)))
      signal?.addEventListener('abort', onAbort, { once: true })
      worker.on('message', (answer: WorkerAnswer) =>
        settle(() => (answer.ok ? resolve(answer.prepared) : reject(fromWireError(answer.error)))),
      )
      worker.on('error', (error) => settle(() => reject(converterFailure(error, job.name))))
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before answering`))),
      )
      // A copy of the bytes goes: the caller's array stays usable (the ArrayBuffer may be shared with others).
      worker.postMessage(job)
    })
}

/**
 * The converter for a process started from the build (out/main/): the
 * worker bundled beside it as import-worker.js. `HAMISH_IMPORT_IN_PROCESS=1`
 * converts on main's own thread instead, as before issue 13 — only for the
 * import benchmark's comparison (bench/import-responsive.ts); so does a
 * process run from source, where no worker was built.
 */
export function importConverterBeside(builtDir: string): ImportConverter {
  const workerFile = join(builtDir, 'import-worker.js')
  // From source (the app's start-up tests run main/app/ under tsx), there is no built worker.
  if (process.env.HAMISH_IMPORT_IN_PROCESS === '1' || !existsSync(workerFile)) return convertInProcess
  return convertInWorker(workerFile)
}
