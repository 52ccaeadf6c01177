import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ar } from '../../common/i18n/ar'
import { browserPerFile, importResults, openApp, screenshot, waitForReader } from './harness'

const env = browserPerFile()

const CHAPTERS = new Map([
  [1, 'الْبَابُ الْأَوَّلُ فِي الْعَقْلِ'],
  [11, 'الْبَابُ الثَّانِي فِي الْعِلْمِ'],
  [21, 'فَصْلٌ فِي الصَّمْتِ'],
  [31, 'الْبَابُ الثَّالِثُ فِي الدِّينِ'],
])

/**
 * A Shamela-style plain-text book of 40 pages: one paragraph a page, each
 * closed by its `(1/p)` mark, chapters marked at the start of a line, and
 * every paragraph saying its own number so the test can tell where it is.
 */
function book(): string {
  const pages = Array.from({ length: 40 }, (_, i) => {
    const n = i + 1
    const chapter = CHAPTERS.get(n)
    const words =
      `الفقرة رقم ${n} من الكتاب، وفيها كلام كثير عن الأدب والعلم والدين والدنيا. `.repeat(6) + `(1/${n})`
    return chapter ? `${chapter} : ${words}` : words
  })
  return ['كتاب الاختبار', '', ...pages.flatMap((p) => [p, ''])].join('\n')
}

/** The number of the paragraph at the top of the reader, just under the top bar. */
function paragraphAtTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom
    const view = document.querySelector('.reader .ProseMirror')!.getBoundingClientRect()
    for (let y = top + 4; y < top + 40; y += 4) {
      const p = document.elementFromPoint((view.left + view.right) / 2, y)?.closest('p')
      const m = p && /الفقرة رقم (\d+)/.exec(p.textContent ?? '')
      if (m) return Number(m[1])
    }
    return null
  })
}

async function openBook(locale: string): Promise<Page> {
  const app = await openApp(env.browser!, { locale, height: 700 })
  env.sessions.push(app)
  const { page } = app
  await page.setInputFiles('input[type=file]', {
    name: 'book.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(book()),
  })
  expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
  await page.click('.import-close')
  await page.locator('.article-link').first().click()
  await waitForReader(page)
  await page.waitForSelector('.reader-progress .toc-toggle')
  return page
}

describe('table of contents, position and go to page', () => {
  it('lists a plain-text book’s chapters, goes to one, shows the percent and page, and goes to a page', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const page = await openBook('en-US')
    const position = page.locator('.reader-position')
    await expect.poll(() => position.textContent()).toBe('0% of the text · page 1 of 40')

    // The keyboard opens and closes it too (help lists the key), then the button.
    await page.keyboard.press('Control+Shift+O')
    await page.locator('.toc-panel:not([hidden])').waitFor()
    await page.keyboard.press('Control+Shift+O')
    await page.locator('.toc-panel').waitFor({ state: 'hidden' })
    await page.click('.toc-toggle')
    const entries = page.locator('.toc-panel:not([hidden]) .toc-entry')
    expect(await entries.allTextContents()).toEqual([...CHAPTERS.values()])
    expect(await entries.evaluateAll((b) => b.map((e) => e.getAttribute('data-level')))).toEqual([
      '1',
      '1',
      '2',
      '1',
    ])
    // Opening puts focus on the chapter one is in.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(CHAPTERS.get(1))
    await screenshot(page, 'ui-en-reader-contents.png')

    await entries.nth(2).click()
    expect(await page.locator('.toc-panel').isHidden()).toBe(true)
    expect(await paragraphAtTop(page)).toBe(21)
    await expect.poll(() => position.textContent()).toMatch(/^(4[5-9]|5[0-5])% of the text · page 21 of 40$/)
    await page.click('.toc-toggle')
    expect(await page.locator('.toc-entry[aria-current]').textContent()).toBe(CHAPTERS.get(21))

    // Go to page: the first line of page 33 comes to the top.
    await page.fill('.toc-page-input', '33')
    await page.keyboard.press('Enter')
    expect(await page.locator('.toc-panel').isHidden()).toBe(true)
    expect(await paragraphAtTop(page)).toBe(33)
    await expect.poll(() => position.textContent()).toContain('page 33 of 40')

    // A page the book does not have: a clear message, and the reader stays where it was.
    await page.click('.toc-toggle')
    await page.fill('.toc-page-input', '99')
    await page.keyboard.press('Enter')
    expect(await page.locator('.toc-error').textContent()).toBe(
      'No such page here: type a page from 1 to 40.',
    )
    expect(await page.locator('.toc-page-input').getAttribute('aria-invalid')).toBe('true')
    expect(await paragraphAtTop(page)).toBe(33)
    // Escape closes the panel and gives focus back to its button.
    await page.keyboard.press('Escape')
    expect(await page.locator('.toc-panel').isHidden()).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('toc-toggle')
  })

  it('speaks Arabic in an Arabic interface and takes Arabic-Indic digits', async ({ skip }) => {
    if (!env.browser) return skip()
    const page = await openBook('ar-EG')
    expect(await page.locator('.toc-toggle').textContent()).toBe(ar.readerContents)
    await expect
      .poll(() => page.locator('.reader-position').textContent())
      .toBe('٠٪ من النص · الصفحة ١ من ٤٠')
    await page.click('.toc-toggle')
    await page.fill('.toc-page-input', '١٢')
    await page.keyboard.press('Enter')
    expect(await paragraphAtTop(page)).toBe(12)
    await page.click('.toc-toggle')
    await screenshot(page, 'ui-ar-reader-contents.png')
  })
})
