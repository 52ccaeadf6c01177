import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appPerFile, callApi, importResults, waitForLibrary, waitForReader, type AppSession } from './harness'

/** A long Arabic article whose paragraphs say their own number, so the test can tell where the reader is. */
function longArticle(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `الفقرة رقم ${i + 1}: التقى وزراء الخارجية في العاصمة في جلسة مباحثات شاملة تناولت عدداً من القضايا الإقليمية والدولية، ` +
      'وشدد الوزيران على ضرورة احترام القانون الدولي وقرارات الأمم المتحدة والمؤسسات الدولية.',
  )
  return ['مقالة طويلة لاختبار موضع القراءة', '', ...body.flatMap((p) => [p, ''])].join('\n')
}

let app: AppSession | null = null
appPerFile({ seed: false, height: 700 }, (session) => (app = session))

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

describe('reading position', () => {
  it('reopens an article where the reader left it, after a reload and after going back to the library', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.setInputFiles('input[type=file]', {
      name: 'long-article.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(longArticle(150)),
    })
    expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
    await page.click('.import-close')
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    expect(await paragraphAtTop(page)).toBe(null) // the title is at the top on first open

    // Scroll paragraph 73 to the top, the way a reader would (wheel), and let the position be saved.
    const target = await page.evaluate(() => {
      const p = Array.from(document.querySelectorAll('.reader .ProseMirror p')).find((el) =>
        el.textContent?.startsWith('الفقرة رقم 73:'),
      )!
      const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom
      return p.getBoundingClientRect().top - top + 1
    })
    const id = await page.evaluate(() => location.hash.slice('#/read/'.length))
    expect(await callApi(page, 'getReadingPosition', id)).toBe(null)
    await page.mouse.move(640, 400)
    await page.mouse.wheel(0, target)
    // Saved half a second after scrolling stops.
    await expect.poll(() => callApi(page, 'getReadingPosition', id), { timeout: 5_000 }).toBeGreaterThan(0)
    const before = await paragraphAtTop(page)
    expect(before).toBeGreaterThanOrEqual(72)
    expect(before).toBeLessThanOrEqual(74)

    await page.reload()
    await waitForReader(page)
    expect(await paragraphAtTop(page)).toBe(before)

    // Back to the library with the top bar's link, and in again. (A DOM click: Playwright's own click
    // scrolls the page to "reveal" even a sticky element, which would move the reader before leaving.)
    await page.evaluate(() => document.querySelector<HTMLElement>('.topbar .nav-link')!.click())
    await waitForLibrary(page)
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    expect(await paragraphAtTop(page)).toBe(before)
    expect(app.pageErrors).toEqual([])
  })

  it('keeps the place in the text when the font size changes', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const before = await paragraphAtTop(page)
    await page.keyboard.press('Control+,')
    await page.locator('dialog[open].settings-panel input[type=range]').first().fill('30')
    await page.keyboard.press('Escape')
    await expect.poll(() => callApi(page, 'getSettings')).toMatchObject({ fontSize: 30 })
    await page.reload()
    await waitForReader(page)
    expect(await paragraphAtTop(page)).toBe(before)
  })
})
