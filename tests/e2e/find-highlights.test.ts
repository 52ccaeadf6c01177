import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../common/arabic-fold'
import { currentMatchOnScreen, currentMatchText, findMatchTexts, openFixture } from './find-helpers'
import { browserPerFile, openApp, screenshot, waitForReader, type AppSession } from './harness'

const env = browserPerFile()

/** Starts counting every change to the article's DOM (elements, attributes, text). */
async function watchArticleDom(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __articleChanges: number; __articleObserver?: MutationObserver }
    w.__articleObserver?.disconnect()
    w.__articleChanges = 0
    w.__articleObserver = new MutationObserver((records) => (w.__articleChanges += records.length))
    w.__articleObserver.observe(document.querySelector('.reader .ProseMirror')!, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
  })
}

/** Changes to the article's DOM since `watchArticleDom`, once the observer has been handed every record. */
function articleChanges(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const w = window as unknown as { __articleChanges: number; __articleObserver: MutationObserver }
    return w.__articleChanges + w.__articleObserver.takeRecords().length
  })
}

/** Types a query a key at a time, waiting for each key's count. */
async function typeQuery(page: Page, query: string): Promise<void> {
  for (const key of query) {
    await page.evaluate(() => (document.querySelector('.find-count')!.textContent = ''))
    await page.keyboard.type(key)
    await expect.poll(() => page.locator('.find-count').textContent(), { timeout: 20_000 }).toMatch(/\d/)
  }
}

async function session(locale: string): Promise<AppSession | null> {
  if (!env.browser) return null
  const app = await openApp(env.browser, { seed: true, locale })
  env.sessions.push(app)
  return app
}

describe('find matches drawn as CSS highlights', () => {
  it('typing and stepping add nothing to the article DOM, short article and long book alike', async ({
    skip,
  }) => {
    const app = await session('en-US')
    if (!app) return skip()
    const { page } = app
    // A short article: the whole-document path, searched in the page.
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.keyboard.press('Control+f')
    await watchArticleDom(page)
    await typeQuery(page, 'الشيباني')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 of \d+$/)
    await page.keyboard.press('Enter')
    const total = Number((await page.locator('.find-count').textContent())!.split(' of ')[1])
    expect(await articleChanges(page)).toBe(0)
    const texts = await findMatchTexts(page)
    expect(texts.length).toBe(total)
    for (const t of texts) expect(foldQuery(t)).toBe('الشيباني')
    expect(foldQuery((await currentMatchText(page))!)).toBe('الشيباني')
    expect(await currentMatchOnScreen(page)).toBe(true)
    await screenshot(page, 'find-highlights-en.png')
    // Closing the bar takes the matches off the page.
    await page.keyboard.press('Escape')
    expect(await findMatchTexts(page)).toEqual([])

    // The 1.47 MB book: shown in sections, searched by main.
    await openFixture(page, 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
    await page.keyboard.press('Control+f')
    await watchArticleDom(page)
    await typeQuery(page, 'قال')
    expect(await articleChanges(page)).toBe(0)
    const drawn = await findMatchTexts(page)
    expect(drawn.length).toBeGreaterThan(0)
    for (const t of drawn) expect(foldQuery(t)).toBe('قال')
    expect(await currentMatchOnScreen(page)).toBe(true)
    await page.keyboard.press('Escape')
    expect(app.pageErrors).toEqual([])
  })

  it('shows the bar and its matches in Arabic, in every theme', async ({ skip }) => {
    const app = await session('ar')
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.keyboard.press('Control+f')
    await page.locator('.find-input').fill('الشيباني')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/\d/)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    const texts = await findMatchTexts(page)
    expect(texts.length).toBeGreaterThan(1)
    for (const t of texts) expect(foldQuery(t)).toBe('الشيباني')
    await screenshot(page, 'find-highlights-ar.png')
    for (const theme of ['dark', 'sepia']) {
      await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme)
      await screenshot(page, `find-highlights-ar-${theme}.png`)
    }
    await page.emulateMedia({ forcedColors: 'active' })
    await screenshot(page, 'find-highlights-ar-forced-colors.png')
    await page.emulateMedia({ forcedColors: 'none' })
    expect(app.pageErrors).toEqual([])
  })
})
