import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePages, type PageServer } from '../support/page-server'
import { browserPerFile, importResults, openApp, screenshot, type AppSession } from './harness'

const PDF = readFileSync(join(__dirname, '../fixtures/pdf/Documentation-Arabic.pdf'))
/** /دليل.pdf as the server sees it: percent-encoded UTF-8. */
const PDF_PATH = `/${encodeURIComponent('دليل')}.pdf`
const env = browserPerFile()
let server: PageServer

beforeAll(async () => {
  server = await servePages({
    [PDF_PATH]: (_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF),
  })
})
afterAll(async () => {
  await server?.close()
})

const cases = [
  {
    locale: 'en-US',
    save: /Save anyway/,
    importing: 'Importing 1 of 1: ',
    note: 'The address holds a PDF document (دليل.pdf), so Hamish read it as a PDF.',
  },
  {
    locale: 'ar',
    save: /الحفظ على أي حال/,
    importing: 'جارٍ استيراد 1 من 1: ',
    note: 'يحوي هذا العنوان مستند PDF ‏(دليل.pdf)، فقرأه هامش على أنه PDF.',
  },
]

describe('a PDF saved from its web address, in the page', () => {
  for (const { locale, save, importing, note } of cases)
    it(`shows the Arabic address as people read it while fetching, and the report says it held a PDF (${locale})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app: AppSession = await openApp(env.browser, { seed: false, locale, width: 1000, height: 760 })
      env.sessions.push(app)
      const { page } = app
      const address = `${server.origin}${PDF_PATH}`
      const shown = `${server.origin}/دليل.pdf`
      await page.click('[data-action=save-address]')
      await page.waitForSelector('dialog[open].address-dialog')
      await page.keyboard.type(address)
      await page.keyboard.press('Enter')
      // While the app asks about the loopback address, the progress line names it.
      const question = page.locator('dialog[open].private-address-dialog')
      await question.waitFor()
      const status = (await page.locator('.import-status').textContent()) ?? ''
      expect(status.replace(/[\u2066-\u2069]/g, '')).toBe(`${importing}${shown}…`)
      expect(status).not.toContain('%D8')
      await screenshot(page, `address-pdf-${locale}-progress.png`)
      await question.locator('footer button', { hasText: save }).click()
      const [line] = await importResults(page)
      expect(line?.status).toBe('added')
      const noteText = await page.locator('.import-result .import-note').first().textContent()
      expect(noteText?.replace(/[\u2066-\u2069]/g, '')).toBe(note)
      await expect(page.locator('.import-result .import-name').textContent()).resolves.toBe(shown)
      await screenshot(page, `address-pdf-${locale}-report.png`)
      expect(app.foreignRequests).toEqual([])
      expect(app.pageErrors).toEqual([])
    })
})
