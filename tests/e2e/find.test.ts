import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../common/arabic-fold'
import { savedAnnotations, waitForHighlightCount } from './annotation-helpers'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** A short fully vocalised text, as classical books are written. */
const VOCALISED = 'خَبَرٌ مُشَكَّلٌ\n\nقَالَ الوَزِيرُ أَسْعَدُ الشَّيْبَانِيُّ إِنَّ العَلَاقَاتِ جَيِّدَةٌ، وَأَكَّدَ الشَّيْبَانِيُّ ذَلِكَ فِي مُوسْكُو.\n'

/** The text of every find match in the reader, in document order. */
const matchTexts = (app: AppSession) =>
  app.page.evaluate(() =>
    Array.from(document.querySelectorAll('.reader .ProseMirror .find-match'), (e) => e.textContent ?? ''),
  )

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
})
