import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/preview'
import {
  browserPerFile,
  dropFiles,
  importResults,
  openApp,
  rowTitles,
  screenshot,
  type AppSession,
} from './harness'

const fixture = (name: string): string => readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8')
const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'
/** A combining mark (harakat, superscript alef, any \p{M}) right after a snippet's ellipsis: an orphan. */
const ORPHAN_MARK = /^…[\p{M}\u064B-\u065F\u0670]/u

const env = browserPerFile()

async function open(locale = 'en-US'): Promise<AppSession> {
  const app = await openApp(env.browser!, { locale })
  env.sessions.push(app)
  return app
}

describe('a multi-file import', () => {
  it('shows each file in the library as it lands, while later files are still importing', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const { page } = await open()
    // The last (and largest) file's import is held until the test has looked at the list: the order of
    // events is fixed (two files landed, the third still importing), whatever the machine's speed.
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    let heldStarted!: () => void
    const third = new Promise<void>((r) => (heldStarted = r))
    await page.route('**/api/importFile', async (route) => {
      if (route.request().postData()?.includes('"adab.txt"')) {
        heldStarted()
        await released
      }
      await route.continue()
    })
    await dropFiles(page, [
      { name: 'osman.txt', text: fixture('arcd-01-osman-i.txt') },
      { name: 'andalus.txt', text: fixture('arcd-02-al-andalus.txt') },
      { name: 'adab.txt', text: fixture(BOOK) },
    ])
    await third
    // The first two are in the list while the panel still says it is importing the third.
    await expect
      .poll(() => rowTitles(page), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['عثمان الأول', 'الأندلس']))
    expect(await page.locator('.import-panel.busy .import-status').textContent()).toContain('3 of 3')
    expect(await rowTitles(page)).not.toContain('أدب الدنيا والدين')
    await screenshot(page, 'import-rows-as-they-land.png')
    release()
    expect((await importResults(page)).map((r) => r.status)).toEqual(['added', 'added', 'added'])
    await expect.poll(() => rowTitles(page)).toHaveLength(3)
  })
})

describe('as a user sees it, in English and Arabic', () => {
  for (const [locale, readAsHtml] of [
    ['en-US', 'read it as HTML'],
    ['ar', 'فقرأه هامش على أنه HTML'],
  ] as const) {
    it(`${locale}: a web page saved as .txt is read as HTML and says so; snippets start on whole words`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const { page } = await open(locale)
      await dropFiles(page, [
        { name: 'osman-page.txt', text: fixture('arcd-01-osman-i.html') },
        { name: 'adab.txt', text: fixture(BOOK) },
      ])
      const results = await importResults(page)
      expect(results.map((r) => r.status)).toEqual(['added', 'added'])
      expect(results[0]!.text).toContain(readAsHtml)
      expect(await rowTitles(page)).toContain('عثمان الأول')
      await screenshot(page, `import-html-as-text-${locale}.png`)

      await page.goto(new URL(`/#/search/${encodeURIComponent('رجع')}`, page.url()).href)
      await page.waitForSelector('.search-snippet')
      const snippets = await page.locator('.search-snippet').allTextContents()
      expect(snippets.length).toBeGreaterThan(2)
      for (const s of snippets) expect(s, s).not.toMatch(ORPHAN_MARK)
      await screenshot(page, `search-snippets-${locale}.png`)
    })
  }
})
