import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../common/arabic-fold'
import type { SearchResult } from '../../common/contract/search'
import type { Article } from '../../common/article'
import { plainText } from '../../common/plain-text'
import { ROOT } from '../support/preview'
import { currentMatchOnScreen, currentMatchText } from './find-helpers'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** A short fully vocalised text, as classical books are written. */
const VOCALISED = 'خَبَرٌ مُشَكَّلٌ\n\nقَالَ الوَزِيرُ أَسْعَدُ الشَّيْبَانِيُّ إِنَّ العَلَاقَاتِ جَيِّدَةٌ، وَأَكَّدَ الشَّيْبَانِيُّ ذَلِكَ فِي مُوسْكُو.\n'

/** The results on the page: per article, its id and the fields and hit texts of its matches. */
const shownResults = (app: AppSession) =>
  app.page.locator('.search-result').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-article-id') ?? '',
      matches: Array.from(li.querySelectorAll('.search-match'), (a) => ({
        field: a.getAttribute('data-field') ?? '',
        hit: a.querySelector('.search-hit')?.textContent ?? '',
      })),
    })),
  )

describe('library search', () => {
  it('finds الشيباني without diacritics in every article, grouped by article, on the original characters', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const added = await callApi<{ status: string; article: { id: string } }>(page, 'importFile', {
      name: 'vocalised.txt',
      bytes: { $bytes: Buffer.from(VOCALISED).toString('base64') },
    })
    expect(added.status).toBe('added')

    // Ctrl+K from the library opens the search page with its field focused.
    await page.locator('.library-table').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+k')
    await page.waitForSelector('#library-search')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-search')
    await page.keyboard.type('الشيباني')
    await page.waitForSelector('.search-result')
    await expect.poll(async () => (await shownResults(app!)).length).toBe(2)

    // The page shows what the API returns, and every hit is the query once folded.
    const api = await callApi<SearchResult[]>(page, 'searchLibrary', 'الشيباني')
    const shown = await shownResults(app)
    expect(shown.map((r) => r.id).sort()).toEqual(api.map((r) => r.articleId).sort())
    const vocalised = shown.find((r) => r.id === added.article.id)!
    expect(vocalised.matches).toEqual([
      { field: 'text', hit: 'الشَّيْبَانِيُّ' },
      { field: 'text', hit: 'الشَّيْبَانِيُّ' },
    ])
    const sample = shown.find((r) => r.id !== added.article.id)!
    // The first answer lists 3 of an article's matches (SEARCH_PAGE_MATCHES); the sample has more.
    expect(sample.matches.length).toBe(3)
    expect(api.find((r) => r.articleId === sample.id)!.total).toBeGreaterThanOrEqual(4)
    for (const m of shown.flatMap((r) => r.matches)) expect(foldQuery(m.hit)).toBe('الشيباني')
    expect(await page.locator('.search-status').textContent()).toMatch(/matches in 2 articles/)
    expect(page.url()).toContain('#/search/')
    await screenshot(page, 'library-search.png')

    // Down arrow walks from the field into the results; Enter on the second match of the vocalised
    // article opens it there, with the find bar on the query and that match current.
    const links = page.locator(`.search-result[data-article-id="${added.article.id}"] .search-match`)
    await links.nth(1).focus()
    await page.keyboard.press('Enter')
    await waitForReader(page)
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('2 of 2')
    expect(await page.locator('.find-input').inputValue()).toBe('الشيباني')
    expect(await currentMatchText(page)).toBe('الشَّيْبَانِيُّ')
    expect(await currentMatchOnScreen(page)).toBe(true)

    // Back returns to the results, query and all.
    await page.goBack()
    await page.waitForSelector('.search-result')
    expect(await page.locator('#library-search').inputValue()).toBe('الشيباني')
    expect(app.pageErrors).toEqual([])
  })

  it('finds notes and tags, and opens the article at their highlight', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const articles = await callApi<{ id: string; title: string }[]>(page, 'listArticles')
    const article = articles.find((a) => a.title.includes('التقى'))!
    const full = await callApi<Article>(page, 'getArticle', article.id)
    const quote = [...plainText(full.doc)].slice(10, 30).join('')
    const created = await callApi<{ id: string }>(page, 'addAnnotation', {
      articleId: article.id,
      start: 10,
      end: 30,
      quote,
      color: 'green',
      note: 'ملاحظة عن **المؤتمر الصحفي** والبيان المشترك',
      tags: ['دبلوماسية'],
    })
    expect(created.id).toBeTruthy()

    await page.goto(new URL(`/#/search/${encodeURIComponent('البيان المشترك')}`, page.url()).href)
    await page.waitForSelector('.search-match[data-field="note"]')
    const note = page.locator('.search-match[data-field="note"]')
    expect(await note.locator('.search-hit').textContent()).toBe('البيان المشترك')

    // Whole word: a part of a word no longer matches, the word itself does.
    await page.locator('#library-search').fill('دبلوماس')
    await page.waitForSelector('.search-match[data-field="tag"]')
    await page.getByLabel('Whole word').check()
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/Nothing in the library/)
    await page.locator('#library-search').fill('دبلوماسية')
    await page.waitForSelector('.search-match[data-field="tag"]')
    await page.getByLabel('Whole word').uncheck()

    await page.locator('.search-match[data-field="tag"]').click()
    await waitForReader(page)
    await expect
      .poll(() =>
        page.evaluate(
          (id) => document.querySelector(`mark[data-annotation-id="${id}"]`)?.classList.contains('hl-active'),
          created.id,
        ),
      )
      .toBe(true)
    expect(app.pageErrors).toEqual([])
  })

  it('says so when nothing matches', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.goto(new URL('/#/search', page.url()).href)
    await page.waitForSelector('#library-search')
    await page.locator('#library-search').fill('كلمةلاتوجد')
    await expect
      .poll(() => page.locator('.search-status').textContent())
      .toBe('Nothing in the library matches “\u2068كلمةلاتوجد\u2069”.')
    expect(await page.locator('.search-result').count()).toBe(0)
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
  })

  it('lays out an Arabic snippet right to left even when it starts on a Latin word', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const added = await callApi<{ status: string; article: { id: string } }>(page, 'importFile', {
      name: 'arcd-01-osman-i.txt',
      bytes: { $bytes: readFileSync(join(ROOT, 'tests/fixtures/arcd-01-osman-i.txt')).toString('base64') },
    })
    expect(added.status).toBe('added')
    await page.goto(new URL(`/#/search/${encodeURIComponent('بك')}`, page.url()).href)
    const result = page.locator(`.search-result[data-article-id="${added.article.id}"]`)
    await result.waitFor()
    const more = result.locator('.search-more button')
    if (await more.count()) await more.click()
    const snippets = await result
      .locator('.search-snippet')
      .evaluateAll((items) =>
        items.map((s) => ({ text: s.textContent ?? '', direction: getComputedStyle(s).direction })),
      )
    // "… ben Ertuğrul) وقره عثمان …": dir="auto" took the Latin word's direction and scrambled the line.
    expect(snippets.some((s) => /^…?\s*\P{Script=Arabic}*[A-Za-z]/u.test(s.text))).toBe(true)
    for (const s of snippets) expect(s, s.text).toMatchObject({ direction: 'rtl' })
    await screenshot(page, 'library-search-snippets.png')
  })

  it('says "3 of 120 matches" for an article with more, and shows more a page at a time', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    // 120 occurrences of a word no other article has, in 12 paragraphs.
    const paragraph = Array.from({ length: 10 }, (_, i) => `جملة ${i} فيها كلمة المكررة هنا.`).join(' ')
    const text = `نص طويل\n\n${Array.from({ length: 12 }, () => paragraph).join('\n\n')}\n`
    const added = await callApi<{ status: string; article: { id: string } }>(page, 'importFile', {
      name: 'repeated.txt',
      bytes: { $bytes: Buffer.from(text).toString('base64') },
    })
    expect(added.status).toBe('added')
    await page.goto(new URL(`/#/search/${encodeURIComponent('المكرره')}`, page.url()).href)
    const result = page.locator(`.search-result[data-article-id="${added.article.id}"]`)
    await result.waitFor()
    const count = result.locator('.search-result-count')
    const more = result.locator('.search-more button')
    const links = result.locator('.search-match')
    await expect.poll(() => page.locator('.search-status').textContent()).toBe('120 matches in 1 article')
    // The first answer carries 3 matches an article; the button asks for the next 50 of this article.
    expect(await count.textContent()).toBe('3 of 120 matches')
    expect(await links.count()).toBe(3)
    expect(await more.textContent()).toBe('Show 50 more matches')
    await more.click()
    await expect.poll(() => links.count()).toBe(53)
    expect(await count.textContent()).toBe('53 of 120 matches')
    expect(await more.textContent()).toBe('Show 50 more matches')
    await more.scrollIntoViewIfNeeded()
    await screenshot(page, 'library-search-more.png')
    await more.click()
    await expect.poll(() => links.count()).toBe(103)
    expect(await count.textContent()).toBe('103 of 120 matches')
    // Focus moves to the first match that was not shown before.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.search-match')].indexOf(document.activeElement!),
      ),
    ).toBe(53)
    expect(await more.textContent()).toBe('Show 17 more matches')
    await more.click()
    await expect.poll(() => links.count()).toBe(120)
    expect(await count.textContent()).toBe('120 matches')
    expect(await more.count()).toBe(0)
    // Every match once, each the query folded, in the order of the text.
    const starts = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(new Set(starts).size).toBe(120)
    const hits = await result.locator('.search-hit').allTextContents()
    for (const h of hits) expect(foldQuery(h)).toBe(foldQuery('المكرره'))

    // In Arabic: "3 من 120 نتيجة" (digits as the formatting locale writes them).
    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.reload()
    await result.waitFor()
    await expect.poll(() => count.textContent()).toMatch(/^(3|٣) من (120|١٢٠) نتيجة$/)
    await more.click()
    // The next 50 arrive from the API and the list is drawn again, its button too.
    await expect.poll(() => links.count()).toBe(53)
    await more.scrollIntoViewIfNeeded()
    await screenshot(page, 'library-search-more-ar.png')
    await callApi(page, 'updateSettings', { language: 'system' })
    expect(app.pageErrors).toEqual([])
  })

  it('shows the first 20 matching articles with every total, and the next ones on "Show more articles"', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    // 23 articles with a word no other article has: article k holds it k times.
    for (let k = 1; k <= 23; k++) {
      const text = `مقالة مرقمة ${k}\n\n${'وردت الكلمة النادرة هنا. '.repeat(k)}\n`
      const added = await callApi<{ status: string }>(page, 'importFile', {
        name: `numbered-${k}.txt`,
        bytes: { $bytes: Buffer.from(text).toString('base64') },
      })
      expect(added.status).toBe('added')
    }
    const everything = await callApi<SearchResult[]>(page, 'searchLibrary', 'النادره', {
      limitPerArticle: 1000,
    })
    expect(everything).toHaveLength(23)
    const totalMatches = everything.reduce((n, r) => n + r.total, 0)
    expect(totalMatches).toBe((23 * 24) / 2)

    await page.goto(new URL(`/#/search/${encodeURIComponent('النادره')}`, page.url()).href)
    // A page of the interface in English, whatever the test before left.
    await callApi(page, 'updateSettings', { language: 'en' })
    await page.reload()
    await page.waitForSelector('.search-result')
    // The status counts every article and match, though only the first page is listed.
    await expect.poll(() => page.locator('.search-status').textContent()).toBe('276 matches in 23 articles')
    const results = page.locator('.search-result')
    expect(await results.count()).toBe(20)
    const more = page.locator('.search-more-articles button')
    expect(await more.textContent()).toBe('Show 3 more articles')
    const counts = () => page.locator('.search-result-count').allTextContents()
    const expectedCount = (r: SearchResult) =>
      r.total > 3 ? `3 of ${r.total} matches` : `${r.total} match${r.total === 1 ? '' : 'es'}`
    expect(await counts()).toEqual(everything.slice(0, 20).map(expectedCount))
    await more.scrollIntoViewIfNeeded()
    await screenshot(page, 'library-search-more-articles.png')

    await more.click()
    await expect.poll(() => results.count()).toBe(23)
    expect(await more.count()).toBe(0)
    // The next articles in the library's order, each with its first matches, as a full search gives them.
    expect(await counts()).toEqual(everything.map(expectedCount))
    const shown = await shownResults(app)
    expect(shown.map((r) => r.id)).toEqual(everything.map((r) => r.articleId))
    shown.forEach((r, i) =>
      expect(r.matches.map((m) => m.hit)).toEqual(
        everything[i]!.matches.slice(0, 3).map((m) => m.snippet.match),
      ),
    )
    // Focus moves to the first article that was not shown before.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.search-title-link')].indexOf(document.activeElement!),
      ),
    ).toBe(20)

    // In Arabic.
    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.reload()
    await page.waitForSelector('.search-more-articles button')
    await expect
      .poll(() => page.locator('.search-more-articles button').textContent())
      .toMatch(/^عرض (3|٣) مقالات أخرى$/)
    await page.locator('.search-more-articles button').scrollIntoViewIfNeeded()
    await screenshot(page, 'library-search-more-articles-ar.png')
    await callApi(page, 'updateSettings', { language: 'system' })
    expect(app.pageErrors).toEqual([])
  })
})
