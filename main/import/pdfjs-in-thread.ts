/**
 * pdf.js for Node, running in the calling thread: its worker's message
 * handler is loaded here and put where pdf.js looks for a worker already in
 * the thread (`globalThis.pdfjsWorker`), so it starts no worker of its own,
 * fetches nothing and needs no DOM — in the import worker thread and in the
 * CLI alike. Loaded on first use, so other imports never pay for it.
 */
export async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const holder = globalThis as { pdfjsWorker?: unknown }
  if (!holder.pdfjsWorker) holder.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  return import('pdfjs-dist/legacy/build/pdf.mjs')
}
