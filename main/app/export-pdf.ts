import { localText } from '../../common/i18n/local-text'
import { BrowserWindow, session, type Session } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HamishError } from '../../common/errors'
import {
  DEFAULT_PDF_TIMEOUT_MS,
  inchMargins,
  pdfPageSetup,
  pdfTimeoutText,
  type PdfPrintOptions,
} from '../export/pdf-options'

/** An in-memory session (no "persist:" prefix) used only for printing: no cache, no cookies, no network. */
const PRINT_PARTITION = 'hamish-export-pdf'

/** The file: URLs of the pages being printed right now; the print session loads nothing else. */
const printing = new Set<string>()
let fenced: Session | undefined

/**
 * The print session, fenced once: every request but the main-frame load of a
 * page we are printing is cancelled (data: URLs, the embedded fonts, never
 * reach the network layer), every permission refused, downloads cancelled.
 */
function printSession(): Session {
  if (fenced) return fenced
  const ses = session.fromPartition(PRINT_PARTITION, { cache: false })
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('data:') || printing.has(details.url)
    callback({ cancel: !allowed })
  })
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.on('will-download', (event) => event.preventDefault())
  fenced = ses
  return ses
}

/**
 * Prints a self-contained HTML document to PDF with Electron's own Chromium
 * (`webContents.printToPDF`), with the same page setup as the CLI's headless
 * path (main/export/print-html-chromium.ts): paper, the escaped title in the
 * header, page numbers in the footer, backgrounds printed so highlights show.
 *
 * The HTML goes to a temp file (a data: URL has a 2 MB limit in Chromium;
 * long articles with embedded fonts exceed it) and is loaded into a hidden,
 * sandboxed, context-isolated window with JavaScript off and no preload, in a
 * session that loads nothing but that file. Before printing it waits for the
 * web fonts through the DevTools protocol (which evaluates even with page
 * scripts disabled), in print media, after a forced layout. A timeout
 * destroys the window; the window and temp file are always removed.
 *
 * Call after `app.whenReady()`.
 */
export async function printHtmlToPdfElectron(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
  const setup = pdfPageSetup({ paper: options.paper, title: options.title, marginsMm: options.marginsMm })
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS
  const dir = await mkdtemp(join(tmpdir(), 'hamish-pdf-'))
  const file = join(dir, 'export.html')
  const pageUrl = pathToFileURL(file).href
  let win: BrowserWindow | undefined
  let timer: NodeJS.Timeout | undefined
  try {
    await writeFile(file, html)
    printing.add(pageUrl)
    const ses = printSession()
    const window = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      paintWhenInitiallyHidden: true,
      webPreferences: {
        session: ses,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        javascript: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        images: true,
      },
    })
    win = window
    const contents = window.webContents
    contents.on('will-navigate', (event, url) => {
      if (url !== pageUrl) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))

    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        if (!window.isDestroyed()) window.destroy()
        reject(new HamishError('internal', pdfTimeoutText(timeoutMs)))
      }, timeoutMs)
    })
    const work = (async () => {
      // Resolves on did-finish-load, rejects on did-fail-load.
      await window.loadURL(pageUrl)
      await waitForFonts(window)
      return contents.printToPDF({
        pageSize: setup.paper,
        printBackground: setup.printBackground,
        displayHeaderFooter: setup.displayHeaderFooter,
        headerTemplate: setup.headerTemplate,
        footerTemplate: setup.footerTemplate,
        // printToPDF takes margins in inches (as the DevTools protocol does).
        margins: inchMargins(setup.marginsMm),
        preferCSSPageSize: setup.preferCSSPageSize,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      })
    })()
    work.catch(() => undefined)
    const pdf = await Promise.race([work, timeout])
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } catch (err) {
    if (err instanceof HamishError) throw err
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)
    throw new HamishError(
      'internal',
      localText('messages.pdfFailed', { detail: message.replace(/[.\s]+$/, '') }),
    )
  } finally {
    clearTimeout(timer)
    if (win && !win.isDestroyed()) win.destroy()
    printing.delete(pageUrl)
    await rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/** In the page: lay out (which starts every needed font load), then wait until no font is loading. */
const FONTS_READY = `(async () => {
  void document.documentElement.offsetHeight
  await document.fonts.ready
  return document.fonts.status
})()`

/**
 * Waits for the page's web fonts in print media. Page scripts are off, so
 * this goes through the DevTools protocol, whose evaluation is not subject to
 * that setting. Best effort: if the debugger cannot attach (someone else holds
 * it), printing goes ahead; fonts embedded as data: URLs have normally loaded
 * by did-finish-load anyway.
 */
async function waitForFonts(window: BrowserWindow): Promise<void> {
  const dbg = window.webContents.debugger
  try {
    dbg.attach('1.3')
  } catch {
    return
  }
  try {
    await dbg.sendCommand('Emulation.setEmulatedMedia', { media: 'print' })
    await dbg.sendCommand('Runtime.evaluate', {
      expression: FONTS_READY,
      awaitPromise: true,
      returnByValue: true,
    })
  } finally {
    if (!window.isDestroyed() && dbg.isAttached()) dbg.detach()
  }
}
