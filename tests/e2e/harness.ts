import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, ROOT, startPreview, type RunningPreview } from '../support/preview'

/** Where screenshots go: kept by CI as test artifacts. */
export const RESULTS_DIR = join(ROOT, 'test-results')

/** The sample article: the fixture copy if present, else the one the app ships. */
export const SAMPLE_PATH = [
  join(ROOT, 'tests/fixtures/lavrov-shaibani-moscow.ar.txt'),
  join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'),
].find((p) => existsSync(p))!

/** A words-only excerpt of the sample's first paragraph, to find it on the page. */
export const SAMPLE_WORDS = 'التقى وزراء الخارجية الروسي سيرغي لافروف'

/** One page of the app in headless Chromium, over a preview server with its own library. */
export interface AppSession {
  page: Page
  preview: RunningPreview
  /** Every request the page made that did not go to the preview server. */
  foreignRequests: string[]
  /** Errors thrown in the page (uncaught exceptions, console errors). */
  pageErrors: string[]
  close(): Promise<void>
}

/**
 * Starts a browser once per test file; null (and a warning) where no
 * Chromium is installed, so tests skip — except under CI=true, where
 * `launchChromium` throws instead.
 */
export async function startBrowser(): Promise<Browser | null> {
  return launchChromium()
}

/** Opens the app on a new preview server (an empty library unless `seed`). */
export async function openApp(
  browser: Browser,
  options: {
    seed?: boolean
    library?: string
    width?: number
    height?: number
    /** The browser's (the "OS") preferred language; en-US unless a test is about another. */
    locale?: string
  } = {},
): Promise<AppSession> {
  const preview = await startPreview({ seed: options.seed ?? false, library: options.library })
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-US',
  })
  const page = await context.newPage()
  const origin = new URL(preview.url).origin
  const foreignRequests: string[] = []
  const pageErrors: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreignRequests.push(url)
  })
  page.on('pageerror', (err) => pageErrors.push(err.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  await page.goto(preview.url)
  await waitForLibrary(page)
  return {
    page,
    preview,
    foreignRequests,
    pageErrors,
    close: async () => {
      await context.close()
      await preview.close()
    },
  }
}

/** Waits until the library page has loaded its list (a table or the empty state). */
export async function waitForLibrary(page: Page): Promise<void> {
  await page.waitForSelector('.library-table, .empty-state', { timeout: 15_000 })
}

/** Waits for the reader to show its text and every highlight, with the fonts loaded and the reading position restored. */
export async function waitForReader(page: Page): Promise<void> {
  await page.waitForSelector('.reader .ProseMirror', { timeout: 15_000 })
  // A heavily annotated article draws the highlights away from the reading position after its first paint.
  await page.waitForSelector('.reader-page[data-highlights=all]', { timeout: 30_000, state: 'attached' })
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  })
}

/** Titles of the rows of the library table, in display order. */
export async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('.library-table tbody .article-link').allTextContents()
}

/** Waits for an import batch to finish and returns its per-file lines (status and text). */
export async function importResults(page: Page): Promise<{ status: string; text: string }[]> {
  await page.waitForSelector('.import-panel:not([hidden]):not(.busy) .import-result', { timeout: 30_000 })
  return page
    .locator('.import-result')
    .evaluateAll((items) =>
      items.map((li) => ({ status: li.getAttribute('data-status') ?? '', text: li.textContent ?? '' })),
    )
}

/** Saves a full-window screenshot under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true })
  const path = join(RESULTS_DIR, name)
  await page.screenshot({ path })
  return path
}

/** Drops files onto the window the way a drag from the file manager does. */
export async function dropFiles(
  page: Page,
  files: { name: string; text: string; type?: string }[],
): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer()
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: f.type ?? '' }))
    const fire = (type: string): void => {
      document.body.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      )
    }
    fire('dragenter')
    fire('dragover')
    fire('drop')
  }, files)
}

/**
 * Calls the preview's API from inside the page, with the page's own token,
 * to see what main has stored (arguments must be plain JSON: no bytes).
 */
export async function callApi<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Hamish-Token': sessionStorage.getItem('hamish-token') ?? '',
        },
        body: JSON.stringify(args),
      })
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!result.ok) throw new Error(result.error?.message ?? 'API call failed')
      return result.value as T
    },
    { method, args },
  )
}

/**
 * One browser and one app session for all the tests of a file: opened before
 * them, closed after. `use` receives the session; where no Chromium is
 * installed it is never called and the tests skip (under CI=true,
 * `startBrowser` fails instead).
 */
export function appPerFile(options: Parameters<typeof openApp>[1], use: (app: AppSession) => void): void {
  let browser: Browser | null = null
  let app: AppSession | null = null
  beforeAll(async () => {
    browser = await startBrowser()
    if (!browser) return
    app = await openApp(browser, options)
    use(app)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })
}

/**
 * One browser for all the tests of a file, which open app sessions of
 * their own (several languages, several libraries): the browser starts
 * before them, and every session put in `sessions` is closed after them,
 * then the browser. `browser` is null where no Chromium is installed.
 */
export function browserPerFile(): { readonly browser: Browser | null; readonly sessions: AppSession[] } {
  const env = { browser: null as Browser | null, sessions: [] as AppSession[] }
  beforeAll(async () => {
    env.browser = await startBrowser()
  })
  afterAll(async () => {
    for (const s of env.sessions) await s.close()
    await env.browser?.close()
  })
  return env
}
