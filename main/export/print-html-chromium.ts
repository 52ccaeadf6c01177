import { localText } from '../../common/i18n/local-text'
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { HamishError } from '../../common/errors'
import {
  DEFAULT_PDF_TIMEOUT_MS,
  cssMargins,
  pdfPageSetup,
  pdfTimeoutText,
  type PdfPrintOptions,
} from './pdf-options'

/** Where the system Chromium is looked for: HAMISH_CHROMIUM, else the Debian path. */
export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HAMISH_CHROMIUM || '/usr/bin/chromium'
}

/**
 * Command-line switches for the headless print browser (the e2e tests and
 * benchmarks use the same list, from here). `--no-sandbox` because the
 * CLI and tests may run as root, where Chromium refuses its own sandbox; the
 * page itself is still fenced off: no JavaScript, no network (see below).
 */
export const CHROMIUM_PRINT_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface PrintPdfOptions extends PdfPrintOptions {
  /** The Chromium executable; default HAMISH_CHROMIUM or /usr/bin/chromium. */
  chromiumPath?: string
}

/**
 * Prints a self-contained HTML document to PDF with headless Chromium
 * (playwright-core): the CLI's, the preview's and the tests' path; the app
 * uses Electron's own printToPDF (main/app/export-pdf.ts) with the same page
 * setup.
 *
 * The page is fenced off: JavaScript is disabled for the whole browser
 * context (a `<script>` that slipped into the HTML does not run), the context
 * is offline and every request it tries is aborted, so only what is inline or
 * in `data:` URLs (the embedded fonts) is used — `data:` URLs never reach the
 * network layer. DevTools-protocol evaluation still works with page scripts
 * disabled, which is how the print waits for `document.fonts.ready` (in print
 * media, after a forced layout, so every face the printout uses has loaded).
 *
 * One browser per call, always closed, also on failure and on timeout.
 */
export async function printHtmlToPdf(html: string, options: PrintPdfOptions): Promise<Uint8Array> {
  const executablePath = options.chromiumPath ?? defaultChromiumPath()
  if (!existsSync(executablePath))
    throw new HamishError('not-found', localText('messages.pdfNeedsChromium', { path: executablePath }))
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS
  const setup = pdfPageSetup({ paper: options.paper, title: options.title, marginsMm: options.marginsMm })
  const { chromium } = await loadPlaywright()

  const state: { browser?: Browser; timedOut: boolean } = { timedOut: false }
  const work = (async (): Promise<Uint8Array> => {
    let browser: Browser | undefined
    try {
      try {
        browser = await chromium.launch({
          executablePath,
          args: [...CHROMIUM_PRINT_ARGS],
          timeout: timeoutMs,
        })
      } catch (err) {
        if (state.timedOut) throw err
        throw new HamishError(
          'internal',
          localText('messages.pdfChromiumStart', { path: executablePath, detail: firstLine(err) }),
        )
      }
      state.browser = browser
      if (state.timedOut) throw new Error('timed out')
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
      context.setDefaultTimeout(timeoutMs)
      await context.route('**/*', (route) => route.abort('blockedbyclient'))
      const page = await context.newPage()
      await page.emulateMedia({ media: 'print' })
      await page.setContent(html, { waitUntil: 'load' })
      await page.evaluate(waitForFonts)
      const pdf = await page.pdf({
        format: setup.paper,
        printBackground: setup.printBackground,
        displayHeaderFooter: setup.displayHeaderFooter,
        headerTemplate: setup.headerTemplate,
        footerTemplate: setup.footerTemplate,
        margin: cssMargins(setup.marginsMm),
        preferCSSPageSize: setup.preferCSSPageSize,
        tagged: true,
        outline: true,
      })
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      await browser?.close().catch(() => undefined)
    }
  })()

  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      state.timedOut = true
      // Closing the browser makes whatever step is running fail at once; wait
      // for the close (bounded) so no Chromium outlives the rejection.
      const closing = state.browser?.close().catch(() => undefined) ?? Promise.resolve()
      void Promise.race([closing, delay(5_000)]).then(() =>
        reject(new HamishError('internal', pdfTimeoutText(timeoutMs))),
      )
    }, timeoutMs)
  })
  work.catch(() => undefined)
  try {
    return await Promise.race([work, timeout])
  } catch (err) {
    // After the timeout every step fails with "browser has been closed": say why.
    if (state.timedOut) throw new HamishError('internal', pdfTimeoutText(timeoutMs))
    if (err instanceof HamishError) throw err
    throw new HamishError('internal', localText('messages.pdfFailed', { detail: firstLine(err) }))
  } finally {
    clearTimeout(timer)
  }
}

/** Runs in the page (through the DevTools protocol, so it works with page scripts disabled). */
async function waitForFonts(): Promise<void> {
  // Reading a layout property makes Chromium lay the page out, which starts
  // loading every web font the text needs; `ready` resolves once none is loading.
  void document.documentElement.offsetHeight
  await document.fonts.ready
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core')
  } catch {
    throw new HamishError('internal', localText('messages.pdfNeedsPlaywright'))
  }
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return (message.split('\n')[0] ?? '').replace(/[.\s]+$/, '') || 'unknown error'
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
