import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  browserPerFile,
  callApi,
  dropFiles,
  importResults,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  SAMPLE_WORDS,
  type AppSession,
} from './harness'

/**
 * Settings > Digits (issue 16, item 4): in the Arabic interface every number
 * the user sees — the library's count, an import report's byte count, the
 * find bar's "n of N", the notes button's count — is written in one digit
 * system, the one the setting chooses (or, by default, the language's), never
 * Arabic-Indic beside Western.
 */

const env = browserPerFile()

const ARABIC_INDIC = /[\u0660-\u0669]/
const WESTERN = /[0-9]/

const WORDS = [
  'river',
  'stone',
  'cloud',
  'ember',
  'field',
  'harbor',
  'lantern',
  'meadow',
  'orchard',
  'quartz',
  'saddle',
]

/** A short article unlike the others (near-identical texts would be taken for one article). */
function distinctText(i: number): string {
  const words = WORDS.map((_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]!)
  return `${WORDS[i % WORDS.length]} ${i}\n\n${words.join(' ')}. ${words.reverse().join(', ')}.\n`
}

async function openArabic(): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, locale: 'ar' })
  env.sessions.push(app)
  // Twelve articles, so the count is written with digits in Arabic (one and two are words).
  for (let i = 1; i <= 11; i++) {
    await callApi(app.page, 'importFile', {
      name: `note-${i}.txt`,
      bytes: { $bytes: Buffer.from(distinctText(i)).toString('base64') },
    })
  }
  return app
}

/** The numbers of the interface a user reads, as text: library count, import report, find count, notes button. */
async function numbersShown(page: Page, digits: string): Promise<Record<string, string>> {
  // Back to the library (the reader's address would reopen the article) and rebuilt with the saved digits.
  await page.evaluate(() => history.replaceState(null, '', location.pathname + location.search + '#/'))
  await page.reload()
  await waitForLibrary(page)
  const count = (await page.locator('.library-count').textContent()) ?? ''
  await dropFiles(page, [{ name: 'empty.txt', text: '' }])
  const report = (await importResults(page)).map((r) => r.text).join(' ')
  await screenshot(page, `digits-${digits}-library.png`)
  await page.locator('.library-table .article-link', { hasText: 'لافروف' }).first().click()
  await waitForReader(page)
  await page.keyboard.press('Control+f')
  await page.locator('.find-input').fill(SAMPLE_WORDS.split(' ')[1]!)
  await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/\S+ \S+ \S+/)
  const find = (await page.locator('.find-count').textContent()) ?? ''
  const notes = (await page.locator('.notes-toggle').textContent()) ?? ''
  await screenshot(page, `digits-${digits}-reader.png`)
  await page.keyboard.press('Escape')
  return { count, report, find, notes }
}

describe('digits in the Arabic interface', () => {
  it('writes every number in one digit system, and the setting switches all of them', async ({ skip }) => {
    if (!env.browser) return skip()
    const app = await openArabic()
    const { page } = app
    const [sample] = (await callApi<{ id: string; title: string }[]>(page, 'listArticles')).filter((a) =>
      a.title.includes('لافروف'),
    )
    // Eleven notes on the sample, so its notes button shows a count too.
    for (let i = 0; i < 11; i++)
      await callApi(page, 'addAnnotation', {
        articleId: sample!.id,
        start: i * 3,
        end: i * 3 + 2,
        quote: SAMPLE_WORDS.slice(i * 3, i * 3 + 2),
        color: 'yellow',
      })

    // As the language prefers (the default): whichever system Intl gives Arabic, only that one.
    const byLanguage = Object.values(await numbersShown(page, 'language')).join(' | ')
    expect(byLanguage).toMatch(/\d|[\u0660-\u0669]/)
    expect(ARABIC_INDIC.test(byLanguage) && WESTERN.test(byLanguage), byLanguage).toBe(false)

    await callApi(page, 'updateSettings', { digits: 'arab' })
    const arab = await numbersShown(page, 'arab')
    for (const [where, text] of Object.entries(arab)) {
      expect(text, where).toMatch(ARABIC_INDIC)
      expect(text, where).not.toMatch(WESTERN)
    }
    expect(arab.report).toContain('(٠ بايت)')

    await callApi(page, 'updateSettings', { digits: 'latn' })
    const latn = await numbersShown(page, 'latn')
    for (const [where, text] of Object.entries(latn)) {
      expect(text, where).toMatch(WESTERN)
      expect(text, where).not.toMatch(ARABIC_INDIC)
    }
    expect(latn.report).toContain('(0 بايت)')
    expect(latn.count).toContain('12')
    expect(app.pageErrors).toEqual([])
  })

  it('offers the choice in Settings, and choosing it rewrites the page', async ({ skip }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: true, locale: 'ar' })
    env.sessions.push(app)
    const { page } = app
    await callApi(page, 'updateSettings', { digits: 'latn' })
    await page.reload()
    await waitForLibrary(page)
    await page.keyboard.press('Control+,')
    const group = page.locator('.setting-digits')
    await group.waitFor()
    expect(await group.locator('input[value=latn]').isChecked()).toBe(true)
    await screenshot(page, 'digits-settings-ar.png')
    await group.locator('label[data-value=arab]').click()
    await expect
      .poll(async () => (await callApi<{ digits: string }>(page, 'getSettings')).digits)
      .toBe('arab')
    await page.waitForSelector('.setting-digits input[value=arab]:checked', { timeout: 15_000 })
    // The page was rebuilt in the new digits: a table cell (the notes column) shows Arabic-Indic.
    await page.keyboard.press('Escape')
    const cell = (await page.locator('.library-table td.col-annotations').first().textContent()) ?? ''
    expect(cell).toMatch(ARABIC_INDIC)
  })
})
