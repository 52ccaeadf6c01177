import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/preview'
import {
  browserPerFile,
  dropFiles,
  importResults,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
} from './harness'

const env = browserPerFile()
const OSMAN = readFileSync(join(ROOT, 'tests/fixtures/arcd-01-osman-i.txt'))

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** The box of what matches `selector` where it is shown on screen, else null. */
async function shownBox(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector<HTMLElement>(selector)
    if (!element || element.hidden || element.getClientRects().length === 0) return null
    const r = element.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) return null
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
  }, selector)
}

const intersect = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** Imports an article and a file Hamish refuses, so the report has an Open link and a refusal. */
async function importWithRefusal(page: Page): Promise<void> {
  await page.setInputFiles('input[type=file]', [
    { name: 'osman.txt', mimeType: 'text/plain', buffer: OSMAN },
    { name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) },
  ])
  const results = await importResults(page)
  expect(results.map((r) => r.status)).toEqual(['added', 'rejected'])
}

describe('the import report and the reader’s notes panel', () => {
  for (const locale of ['en-US', 'ar'])
    for (const width of [1400, 800])
      it(`opening an article from the report leaves the notes panel uncovered, the report reachable (${width} px, ${locale})`, async ({
        skip,
      }) => {
        if (!env.browser) return skip()
        const app = await openApp(env.browser, { seed: true, width, height: 900, locale })
        env.sessions.push(app)
        const { page } = app
        await page.evaluate(() => localStorage.setItem('hamish.notesPanelOpen', 'true'))
        await importWithRefusal(page)
        await page.locator('.import-result[data-status=added] .import-open').click()
        await waitForReader(page)
        if (width < 900) {
          // A narrow window: the notes panel opens from its toggle, over the text.
          await page.locator('.notes-toggle').click()
        }
        await expect.poll(() => shownBox(page, '.notes-panel').then((b) => b !== null)).toBe(true)
        await screenshot(page, `import-report-reader-${width}-${locale}.png`)
        const notes = (await shownBox(page, '.notes-panel'))!
        const report = await shownBox(page, '.import-panel')
        expect(report === null || !intersect(report, notes)).toBe(true)

        // Back in the library, the report of the batch with a refusal is there to open again.
        await page.goBack()
        await waitForLibrary(page)
        await screenshot(page, `import-report-library-${width}-${locale}.png`)
        const reopen = page.locator('.import-reopen')
        await reopen.click()
        const again = await importResults(page)
        expect(again.map((r) => r.status)).toEqual(['added', 'rejected'])
        expect(again[1]!.text).toContain('empty.md')
      })

  for (const locale of ['en-US', 'ar'])
    it(`a report that arrives in the reader keeps to the text’s side of the docked notes panel (${locale})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: true, width: 1400, height: 900, locale })
      env.sessions.push(app)
      const { page } = app
      await page.evaluate(() => localStorage.setItem('hamish.notesPanelOpen', 'true'))
      await page.locator('.article-link').first().click()
      await waitForReader(page)
      await dropFiles(page, [
        { name: 'note.txt', text: 'A short article dropped on the reader.\n\nIts one paragraph.' },
        { name: 'empty.md', text: '' },
      ])
      const results = await importResults(page)
      expect(results.map((r) => r.status)).toEqual(['added', 'rejected'])
      await screenshot(page, `import-report-in-reader-${locale}.png`)
      const notes = (await shownBox(page, '.notes-panel'))!
      const report = (await shownBox(page, '.import-panel'))!
      expect(notes).not.toBeNull()
      expect(report).not.toBeNull()
      expect(intersect(report, notes)).toBe(false)
    })

  it('a report with nothing refused is closed on opening an article, with no "Last import" left behind', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: false, width: 1400, height: 900 })
    env.sessions.push(app)
    const { page } = app
    await page.setInputFiles('input[type=file]', [
      { name: 'osman.txt', mimeType: 'text/plain', buffer: OSMAN },
    ])
    expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
    await page.locator('.import-open').click()
    await waitForReader(page)
    expect(await shownBox(page, '.import-panel')).toBeNull()
    await page.goBack()
    await waitForLibrary(page)
    expect(await shownBox(page, '.import-panel')).toBeNull()
    expect(await page.locator('.import-reopen:visible').count()).toBe(0)
  })
})
