import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../common/arabic-fold'
import { savedAnnotations, waitForHighlightCount } from './annotation-helpers'
import {
  currentMatchBox,
  currentMatchText,
  findMatchCount,
  findMatchTexts,
  openFixture,
  someMatchOnScreen,
} from './find-helpers'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** A short fully vocalised text, as classical books are written. */
const VOCALISED = 'خَبَرٌ مُشَكَّلٌ\n\nقَالَ الوَزِيرُ أَسْعَدُ الشَّيْبَانِيُّ إِنَّ العَلَاقَاتِ جَيِّدَةٌ، وَأَكَّدَ الشَّيْبَانِيُّ ذَلِكَ فِي مُوسْكُو.\n'

/** The text of every find match drawn in the reader, in document order (read from the page's highlight registry). */
const matchTexts = (app: AppSession) => findMatchTexts(app.page)

/** Where the current match and the bar are on screen, and how many matches are decorated. */
async function findGeometry(page: Page) {
  const current = (await currentMatchBox(page))!
  return {
    barBottom: await page.evaluate(() => document.querySelector('.find-bar')!.getBoundingClientRect().bottom),
    top: current.top,
    bottom: current.bottom,
    height: await page.evaluate(() => window.innerHeight),
    decorated: await findMatchCount(page),
  }
}

describe('find in article', () => {
  it('finds الشيباني typed without diacritics, on the right characters, in plain and vocalised text', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.keyboard.press('Control+f')
    await page.locator('.find-input').fill('الشيباني')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 of \d+$/)
    const total = Number((await page.locator('.find-count').textContent())!.split(' of ')[1])
    const plainTexts = await matchTexts(app)
    expect(plainTexts.length).toBe(total)
    expect(total).toBeGreaterThanOrEqual(4)
    for (const t of plainTexts) expect(foldQuery(t)).toBe('الشيباني')
    await page.keyboard.press('Enter')
    expect(await page.locator('.find-count').textContent()).toBe(`2 of ${total}`)
    await page.keyboard.press('Shift+Enter')
    expect(await page.locator('.find-count').textContent()).toBe(`1 of ${total}`)
    await screenshot(page, 'find-bar.png')
    await page.keyboard.press('Escape')
    expect(await page.locator('.find-bar').isVisible()).toBe(false)
    expect(await matchTexts(app)).toEqual([])

    // The vocalised article: the matches cover the whole original words, marks included.
    const added = await callApi<{ status: string; article: { id: string } }>(page, 'importFile', {
      name: 'vocalised.txt',
      bytes: { $bytes: Buffer.from(VOCALISED).toString('base64') },
    })
    expect(added.status).toBe('added')
    await page.goto(new URL(`/#/read/${added.article.id}`, page.url()).href)
    await waitForReader(page)
    await page.keyboard.press('Control+f')
    await page.locator('.find-input').fill('الشيباني')
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 2')
    expect(await matchTexts(app)).toEqual(['الشَّيْبَانِيُّ', 'الشَّيْبَانِيُّ'])

    // Without folding, the bare spelling is not in the vocalised text.
    await page.getByLabel('Ignore diacritics and letter variants').uncheck()
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('No matches')
    await page.getByLabel('Ignore diacritics and letter variants').check()
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 2')

    // Escape leaves the match selected; H highlights it like any selection.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe('الشَّيْبَانِيُّ')
    await page.keyboard.press('h')
    await waitForHighlightCount(page, 1)
    expect((await savedAnnotations(page)).map((a) => a.target.quote.exact)).toEqual(['الشَّيْبَانِيُّ'])
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    expect(app.pageErrors).toEqual([])
  })

  it('matches whole words with Arabic word boundaries', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await page.locator('.article-link', { hasText: 'التقى' }).click()
    await waitForReader(page)
    await page.keyboard.press('Control+f')
    await page.locator('.find-input').fill('سوري')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/of/)
    const substring = Number((await page.locator('.find-count').textContent())!.split(' of ')[1])
    await page.getByLabel('Whole word').check()
    await expect
      .poll(async () => (await page.locator('.find-count').textContent()) ?? '')
      .not.toBe(`1 of ${substring}`)
    for (const t of await matchTexts(app)) expect(foldQuery(t)).toBe('سوري')
    await page.keyboard.press('Escape')
  })

  it('scrolls each match into view below the bar, not just its paragraph', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    // Long paragraphs: centring the paragraph of a match left the match behind the bar.
    await openFixture(page, 'arcd-01-osman-i.txt')
    await page.keyboard.press('Control+f')
    await page.locator('.find-input').fill('الأول')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 of [3-9]$/)
    const total = Number((await page.locator('.find-count').textContent())!.split(' of ')[1])
    for (let i = 1; i <= total; i++) {
      expect(await page.locator('.find-count').textContent()).toBe(`${i} of ${total}`)
      const at = await findGeometry(page)
      expect(at.top, `match ${i}`).toBeGreaterThanOrEqual(at.barBottom)
      expect(at.bottom, `match ${i}`).toBeLessThanOrEqual(at.height)
      await page.keyboard.press('Enter')
    }
    await page.keyboard.press('Escape')
  })

  it('stays quick with tens of thousands of matches: counts them all, draws those near the screen', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await openFixture(page, 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
    await page.keyboard.press('Control+f')
    // One letter of a 1.5 MB book: every match counted, a few hundred drawn (all of them took seconds to lay out).
    await page.locator('.find-input').pressSequentially('ا')
    await expect.poll(() => page.locator('.find-count').textContent(), { timeout: 20_000 }).toMatch(/^1 of /)
    const total = Number(
      (await page.locator('.find-count').textContent())!.split(' of ')[1]!.replace(/\D/g, ''),
    )
    expect(total).toBeGreaterThan(50_000)
    const atStart = await findGeometry(page)
    expect(atStart.decorated).toBeGreaterThan(100)
    expect(atStart.decorated).toBeLessThanOrEqual(400)
    // Scrolled far away, the matches on screen are drawn too.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2))
    await expect.poll(() => someMatchOnScreen(page, 150)).toBe(true)
    // Enter goes on from the current match, wherever the page was scrolled.
    await page.keyboard.press('Enter')
    expect(await page.locator('.find-count').textContent()).toMatch(/^2 of /)
    // A long book's match far from the laid-out section is drawn once main sent its page and its section.
    await expect.poll(() => currentMatchText(page).then((t) => t !== null)).toBe(true)
    const second = await findGeometry(page)
    expect(second.top).toBeGreaterThanOrEqual(second.barBottom)
    expect(second.bottom).toBeLessThanOrEqual(second.height)
    await page.keyboard.press('Escape')
    expect(app.pageErrors).toEqual([])
  })
})
