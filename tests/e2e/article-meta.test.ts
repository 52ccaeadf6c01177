import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../common/article'
import { appPerFile, callApi, rowTitles, screenshot, waitForLibrary, type AppSession } from './harness'

let app: AppSession | null = null
// A new library holds the sample article (Lavrov and Shaibani in Moscow).
appPerFile({ seed: true }, (session) => (app = session))

describe('article metadata in the app', () => {
  it('meta set through the API survives a reload, and the library filter finds the article by author and publication', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const [sample] = await callApi<ArticleSummary[]>(page, 'listArticles')
    const meta = {
      authors: [{ literal: 'مُراسِل خاصّ' }],
      container: 'Russia Today Arabic',
      published: [2025, 12, 24],
    }
    const saved = await callApi<ArticleSummary>(page, 'setArticleMeta', sample!.id, meta)
    expect(saved.meta).toEqual(meta)
    // A bad value is refused with a clear message and changes nothing.
    await expect(callApi(page, 'setArticleMeta', sample!.id, { published: [2025, 13] })).rejects.toThrow(
      /not a real YYYY, YYYY-MM or YYYY-MM-DD/,
    )

    await page.reload()
    await waitForLibrary(page)
    const title = (await rowTitles(page))[0]!
    // An author's name, folded (diacritics, alef forms) like titles; none of these words is in the title.
    expect(title).not.toMatch(/مراسل|خاص|Russia/)
    await page.fill('.filter-input', 'مراسل خاص')
    expect(await rowTitles(page)).toEqual([title])
    await page.fill('.filter-input', 'russia today')
    expect(await rowTitles(page)).toEqual([title])
    await page.fill('.filter-input', 'غير موجود إطلاقا')
    expect(await rowTitles(page)).toEqual([])
    await page.fill('.filter-input', '')
    await expect(page.locator('.filter-input').getAttribute('placeholder')).resolves.toBe(
      'Filter by title, author or publication…',
    )
    await screenshot(page, 'meta-en-library-filter.png')

    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.reload()
    await waitForLibrary(page)
    await page.fill('.filter-input', 'مراسل')
    expect(await rowTitles(page)).toEqual([title])
    await page.fill('.filter-input', '')
    await expect(page.locator('.filter-input').getAttribute('placeholder')).resolves.toBe(
      'تصفية حسب العنوان أو المؤلف أو مكان النشر…',
    )
    await screenshot(page, 'meta-ar-library-filter.png')
  })
})
