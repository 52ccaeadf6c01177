import type { ResourceLimits } from 'node:worker_threads'

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
