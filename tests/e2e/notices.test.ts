import { rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempLibrary } from '../support/preview'
import type { Article } from '../../common/article'
import { plainText } from '../../common/plain-text'
import {
  callApi,
  openApp,
  screenshot,
  startBrowser,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

let browser: Browser | null = null
let library = ''

beforeAll(async () => {
  browser = await startBrowser()
  library = await tempLibrary('hamish-e2e-notices-')
})

afterAll(async () => {
  await browser?.close()
  await rm(library, { recursive: true, force: true })
})

describe('notices', () => {
  it('tells the user when library.json was damaged and set aside, until dismissed', async ({ skip }) => {
    if (!browser) return skip()
    // A first run creates the library; then its index file is damaged while the app is closed.
    const first = await openApp(browser, { library, seed: true })
    await first.close()
    await writeFile(join(library, 'library.json'), '{"articles": [ this is not json')

    let app: AppSession | null = null
    try {
      app = await openApp(browser, { library, seed: true })
      const { page } = app
      const banner = page.locator('.notice')
      await banner.first().waitFor()
      const message = (await banner.first().locator('.notice-message').textContent()) ?? ''
      expect(message).toContain('library.json')
      expect(message).not.toMatch(/\n\s+at |Error:/)
      await screenshot(page, 'notice.png')

      await banner.first().locator('button', { hasText: 'Dismiss' }).click()
      await expect(page.locator('.notice').count()).resolves.toBe(0)
      await page.reload()
      await waitForLibrary(page)
      await expect(page.locator('.notice').count()).resolves.toBe(0)
    } finally {
      await app?.close()
    }
  })

  it('tells the user at once, not at the next start, of an article file restored from its backup', async ({
    skip,
  }) => {
    if (!browser) return skip()
    const own = await tempLibrary('hamish-e2e-notices-article-')
    let app: AppSession | null = null
    try {
      // A highlight gives the article's file a previous version in backups/; then the file is damaged.
      const first = await openApp(browser, { library: own, seed: true })
      const [summary] = await callApi<{ id: string }[]>(first.page, 'listArticles')
      const article = await callApi<Article>(first.page, 'getArticle', summary!.id)
      const text = plainText(article.doc)
      const start = [...text.slice(0, text.indexOf('الشيباني'))].length
      await callApi(first.page, 'addAnnotation', {
        articleId: summary!.id,
        start,
        end: start + 8,
        quote: 'الشيباني',
        color: 'yellow',
      })
      await first.close()
      await truncate(join(own, 'articles', `${summary!.id}.json`), 200)

      app = await openApp(browser, { library: own, seed: true })
      const { page } = app
      expect(await page.locator('.notice').count()).toBe(0)
      await page.locator('.article-link').first().click()
      await waitForReader(page)
      const banner = page.locator('.notice')
      await banner.first().waitFor()
      expect(await banner.first().textContent()).toMatch(/damaged.*backup/)
    } finally {
      await app?.close()
      await rm(own, { recursive: true, force: true })
    }
  })
})
