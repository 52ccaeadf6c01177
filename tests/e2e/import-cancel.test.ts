import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { snapshotDir } from '../support/library-dir'
import { tempLibrary } from '../support/preview'
import { importResults, openApp, rowTitles, screenshot, startBrowser, type AppSession } from './harness'

const BOOK = join(
  import.meta.dirname,
  '../fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt',
)

/** The book six times over (8.8 MB): its conversion in main's worker lasts long enough to cancel or to close on. */
function bigBook(): Buffer {
  const book = readFileSync(BOOK)
  return Buffer.concat(Array.from({ length: 6 }, () => book))
}

let browser: Browser | null = null
const sessions: AppSession[] = []
beforeAll(async () => {
  browser = await startBrowser()
})
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined)
  await browser?.close()
})

async function open(options: Parameters<typeof openApp>[1]): Promise<AppSession> {
  const session = await openApp(browser!, options)
  sessions.push(session)
  return session
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50))
  expect(check()).toBe(true)
}

describe('cancelling an import in the page', () => {
  it('stops the large file and leaves every library file as it was', async ({ skip }) => {
    if (!browser) return skip()
    const app = await open({ seed: true })
    const { page } = app
    const titles = await rowTitles(page)
    const before = await snapshotDir(app.preview.library)
    await page.setInputFiles('input[type=file]', [
      { name: 'big-book.txt', mimeType: 'text/plain', buffer: bigBook() },
      { name: 'next.txt', mimeType: 'text/plain', buffer: Buffer.from('A second article, never imported.') },
    ])
    const cancel = page.locator('.import-cancel')
    await cancel.waitFor({ state: 'visible' })
    await expect(cancel.textContent()).resolves.toBe('Stop importing')
    // The batch is recorded, so the big file has its ticket, before anything is sent.
    await waitFor(() => existsSync(join(app.preview.library, 'unfinished-imports.json')))
    await cancel.click()
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled'])
    expect(results[0]!.text).toContain('nothing was added')
    await expect(page.locator('.import-status').textContent()).resolves.toBe(
      '0 articles added, 2 files cancelled.',
    )
    expect(await rowTitles(page)).toEqual(titles)
    expect(await snapshotDir(app.preview.library)).toEqual(before)
    await screenshot(page, 'import-cancelled.png')
  })
})

describe('closing the app mid-import', () => {
  it('lists the files not imported at the next start, and Choose these files again re-picks them', async ({
    skip,
  }) => {
    if (!browser) return skip()
    const library = await tempLibrary()
    try {
      const first = await open({ library })
      await first.page.setInputFiles('input[type=file]', [
        { name: 'big-book.txt', mimeType: 'text/plain', buffer: bigBook() },
        { name: 'مقالة.txt', mimeType: 'text/plain', buffer: Buffer.from('مقالة قصيرة لم تُستورد بعد.') },
      ])
      await first.page.locator('.import-cancel').waitFor({ state: 'visible' })
      await waitFor(() => existsSync(join(library, 'unfinished-imports.json')))
      // The app goes while the big file converts.
      await first.close()
      sessions.splice(sessions.indexOf(first), 1)

      const arabic = await open({ library, locale: 'ar' })
      const notice = arabic.page.locator('.import-unfinished')
      await notice.waitFor({ state: 'visible' })
      const arabicStatus = (await arabic.page.locator('.import-status').textContent()) ?? ''
      expect(arabicStatus).toContain('لم يُستورد ملفان')
      expect(arabicStatus).toContain('big-book')
      await screenshot(arabic.page, 'ui-ar-unfinished-imports.png')
      await arabic.close()
      sessions.splice(sessions.indexOf(arabic), 1)

      const again = await open({ library })
      const { page } = again
      await page.locator('.import-unfinished').waitFor({ state: 'visible' })
      const status = (await page.locator('.import-status').textContent()) ?? ''
      expect(status).toContain('2 files were not imported because Hamish closed during the import')
      expect(status).toContain('big-book')
      expect(status).toContain('مقالة')
      await screenshot(page, 'ui-en-unfinished-imports.png')
      const chooser = page.waitForEvent('filechooser')
      await page.locator('.import-retry').click()
      await (
        await chooser
      ).setFiles([
        { name: 'مقالة.txt', mimeType: 'text/plain', buffer: Buffer.from('مقالة قصيرة لم تُستورد بعد.') },
      ])
      const results = await importResults(page)
      expect(results.map((r) => r.status)).toEqual(['added'])
      await waitFor(() => !existsSync(join(library, 'unfinished-imports.json')))
      expect(await rowTitles(page)).toHaveLength(1)
    } finally {
      await rm(library, { recursive: true, force: true })
    }
  })
})
