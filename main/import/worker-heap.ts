import type { ResourceLimits } from 'node:worker_threads'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/**
 * The young generation a converting thread gets, in MB. pdf.js and the
 * importers make millions of short-lived objects (a text item per Arabic
 * cluster); with V8's default for a worker thread, a PDF page thread read
 * 51 pages of a book in 4.5–5.4 s, with 48 MB in 2.6–3.3 s (same run, a
 * busy machine). Memory it costs is given back when the thread ends.
 */
export const CONVERTER_YOUNG_GENERATION_MB = 64

/**
 * A converting thread's limits: the ones given (a test's small heap, the
 * import worker's own, passed on to its page threads), with room for young
 * objects unless they say otherwise.
 */
export function converterLimits(limits: ResourceLimits = {}): ResourceLimits {
  return { maxYoungGenerationSizeMb: CONVERTER_YOUNG_GENERATION_MB, ...limits }
}

/**
 * A converting thread's error as the user's: running out of memory names
 * the file as too large or complex, which the user can act on; anything
 * else stays internal. The import worker and PDF page threads alike.
 */
export function converterFailure(error: Error, name: string): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  return new HamishError('too-large', localText('messages.importOutOfMemory', { name }))
}
