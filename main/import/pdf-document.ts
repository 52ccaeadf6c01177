import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { invalidPdf, oversizeStreamRefusal } from './pdf-refusals'
import { loadPdfjs } from './pdfjs-in-thread'

type PdfjsDocument = Awaited<
  ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['pdfjs']['getDocument']>['promise']
>

/** An open PDF, and how to let go of it (the document and its in-thread worker). */
export interface OpenPdf {
  doc: PdfjsDocument
  close(): Promise<void>
  /** Whether pdf.js has refused to unpack a stream of this file past PDF_LIMITS.maxStreamBytes (it goes on without it). */
  hadOversizeStream(): boolean
}

/**
 * Opens a PDF with pdf.js in the calling thread, as Hamish reads every
 * PDF: nothing fetched, no scripts, no fonts loaded, no canvas. Refused
 * with a reason: one encrypted with a password (nothing is asked), and a
 * damaged or non-PDF file. The same in the importing thread and in each
 * page thread (pdf-page-threads.ts), so all read the file alike.
 */
export async function openPdf(bytes: Uint8Array, name: string): Promise<OpenPdf> {
  const { pdfjs, openWorker, oversizeStreams } = await loadPdfjs()
  // The count is the thread's: a thread reads one file at a time (the import worker, a page thread, the CLI).
  const oversizeBefore = oversizeStreams()
  const hadOversizeStream = (): boolean => oversizeStreams() > oversizeBefore
  const worker = openWorker()
  const task = pdfjs.getDocument({
    worker,
    // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    const doc = await task.promise
    return {
      doc,
      hadOversizeStream,
      close: async () => {
        await doc.destroy()
        worker.destroy()
      },
    }
  } catch (err) {
    await task.destroy()
    worker.destroy()
    const kind = (err as { name?: string }).name
    if (hadOversizeStream()) throw oversizeStreamRefusal(name)
    if (kind === 'PasswordException')
      throw new HamishError('invalid-content', localText('messages.pdfEncrypted', { name }))
    throw invalidPdf(name, localText('messages.reasonPdfDamaged'))
  }
}
