/** pdf.js ships no types for its worker module; Hamish only hands it to pdf.js (pdfjs-in-thread.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
