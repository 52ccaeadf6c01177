import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { PDF_WORD_GAP_EM } from './pdf-limits'

/** pdf.js's own word-gap threshold (0.102 em), as its worker source declares it twice. */
const PDFJS_GAP_CONSTANTS = [
  /const TRACKING_SPACE_FACTOR = 0\.102;/,
  /const SPACE_IN_FLOW_MIN_FACTOR = 0\.102;/,
]

/**
 * pdf.js's worker module with its word-gap threshold raised to
 * PDF_WORD_GAP_EM. pdf.js puts a space inside a text item wherever two
 * glyphs stand more than 0.102 em apart, which splits Arabic words set by
 * TeX with Amiri at the gap after a non-joining letter («الطو يلة»,
 * measured at 0.12 em while that file's word spaces are 0.20 em and more).
 * The gap is only visible inside pdf.js, so the one number is changed in
 * its source, and loaded from memory; if a new pdf.js no longer has it,
 * this says so instead of silently splitting words again.
 */
async function workerWithWordGap(): Promise<unknown> {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')
  let source = await readFile(path, 'utf8')
  for (const constant of PDFJS_GAP_CONSTANTS) {
    if (!constant.test(source)) throw new Error(`pdf.js's worker no longer declares ${constant.source}`)
    source = source.replace(constant, (s) => s.replace('0.102', String(PDF_WORD_GAP_EM)))
  }
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)
}

/**
 * pdf.js for Node, running in the calling thread: its worker's message
 * handler is loaded here and put where pdf.js looks for a worker already in
 * the thread (`globalThis.pdfjsWorker`), so it starts no worker of its own,
 * fetches nothing and needs no DOM — in the import worker thread and in the
 * CLI alike. Loaded on first use, so other imports never pay for it.
 */
export async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const holder = globalThis as { pdfjsWorker?: unknown }
  holder.pdfjsWorker ??= await workerWithWordGap()
  return import('pdfjs-dist/legacy/build/pdf.mjs')
}
