import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { highlightIds, openArticleId, waitForHighlightCount } from './annotation-helpers'
import {
  callApi,
  dropFiles,
  openApp,
  screenshot,
  startBrowser,
  waitForReader,
  type AppSession,
} from './harness'

let browser: Browser | null = null
let app: AppSession | null = null
let colleague: AppSession | null = null

beforeAll(async () => {
  browser = await startBrowser()
  if (!browser) return
  ;[app, colleague] = await Promise.all([openApp(browser, { seed: true }), openApp(browser, { seed: true })])
})

afterAll(async () => {
  await app?.close()
  await colleague?.close()
  await browser?.close()
})

/** The plain-text offset (code points) of `word` in the first paragraph of an article. */
async function offsetOf(page: Page, articleId: string, word: string): Promise<number> {
  const article = await callApi<{ doc: { content: { content?: { text?: string }[] }[] } }>(
    page,
    'getArticle',
    articleId,
  )
  const firstBlock = article.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
  const at = firstBlock.indexOf(word)
  expect(at).toBeGreaterThanOrEqual(0)
  return Array.from(firstBlock.slice(0, at)).length
}

/** A colleague's annotation file, made by the second library through its own API. */
async function colleagueFile(): Promise<{
  name: string
  text: string
  annotationId: string
  authorId: string
}> {
  const page = colleague!.page
  const [article] = await callApi<{ id: string }[]>(page, 'listArticles')
  const profile = await callApi<{ authorId: string }>(page, 'setDisplayName', 'سلمى')
  const start = await offsetOf(page, article!.id, 'موسكو')
  const added = await callApi<{ id: string }>(page, 'addAnnotation', {
    articleId: article!.id,
    start,
    end: start + 5,
    quote: 'موسكو',
    color: 'blue',
    note: 'ملاحظة من **سلمى** <script>alert(1)</script>',
  })
  const result = await callApi<{ status: string; fileName: string; bytes: { $bytes: string } }>(
    page,
    'exportAnnotations',
    article!.id,
    { bundle: false },
  )
  expect(result.status).toBe('download')
  expect(result.fileName).toMatch(/\.hamish\.json$/)
  const text = Buffer.from(result.bytes.$bytes, 'base64').toString('utf8')
  return { name: result.fileName, text, annotationId: added.id, authorId: profile.authorId }
}

describe('sharing annotation files', () => {
  it("imports a colleague's file through the UI: report, highlight, badge, and hiding the author", async ({
    skip,
  }) => {
    if (!app || !colleague) return skip()
    const { page } = app
    const file = await colleagueFile()

    await page.locator('.article-link').first().click()
    await waitForReader(page)
    const articleId = await openArticleId(page)
    expect(await highlightIds(page)).toEqual([])

    // Share notes… > Import annotations… opens the file picker for .json files.
    await page.getByRole('button', { name: 'Share notes…' }).click()
    const share = page.getByRole('dialog')
    await share.waitFor()
    await expect(share.getByRole('checkbox', { name: /Include the article/ }).isVisible()).resolves.toBe(true)
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      share.getByRole('button', { name: 'Import annotations…' }).click(),
    ])
    expect(await chooser.element().getAttribute('accept')).toBe('.json')
    await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) })

    const report = page.locator('dialog.annotation-import-dialog')
    await report.locator('[data-count=added]').waitFor()
    expect(await report.locator('[data-count=added]').textContent()).toBe('1 added')
    expect(await report.locator('[data-count=rejected]').textContent()).toBe('0 rejected')
    await screenshot(page, 'sharing-report.png')

    // Open article: the reader is on it already, so it reloads and shows the new highlight.
    await report.getByRole('button', { name: 'Open article' }).click()
    await waitForReader(page)
    expect(await openArticleId(page)).toBe(articleId)
    await waitForHighlightCount(page, 1)
    expect(await highlightIds(page)).toEqual([file.annotationId])

    const toggle = page.locator('[data-action=toggle-notes]')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    const item = page.locator(`.notes-panel .note-item[data-annotation-id="${file.annotationId}"]`)
    await item.waitFor()
    expect(await item.locator('.author-badge').textContent()).toBe('سلمى')
    // The note's HTML stayed text.
    expect(await item.locator('script').count()).toBe(0)
    expect(await item.locator('.annotation-note').textContent()).toContain('<script>')
    // The same author always gets the same badge colour.
    const badgeClass = await item.locator('.author-badge').getAttribute('class')
    const toggleBadge = page.locator(`.notes-panel .author-toggle[data-author-id="${file.authorId}"]`)
    expect(await toggleBadge.locator('.author-badge').getAttribute('class')).toBe(badgeClass)
    await screenshot(page, 'notes-authors.png')

    // Hide the colleague: gone from the panel and from the text; show again: back.
    await toggleBadge.locator('input[type=checkbox]').uncheck()
    await waitForHighlightCount(page, 0)
    expect(await item.count()).toBe(0)
    await toggleBadge.locator('input[type=checkbox]').check()
    await waitForHighlightCount(page, 1)
    await item.waitFor()
  })

  it('takes a dropped .json as annotations (not as an article), and reports bad files clearly', async ({
    skip,
  }) => {
    if (!app || !colleague) return skip()
    const { page } = app
    const file = await colleagueFile()
    const articlesBefore = (await callApi<unknown[]>(page, 'listArticles')).length
    const report = page.locator('dialog.annotation-import-dialog')

    // The same file again, dropped: nothing new, nothing duplicated, no article import.
    await dropFiles(page, [{ name: file.name, text: file.text, type: 'application/json' }])
    await report.locator('[data-count=unchanged]').waitFor()
    expect(await report.locator('[data-count=added]').textContent()).toBe('1 added')
    await report.getByRole('button', { name: 'Close', exact: true }).last().click()
    await report.waitFor({ state: 'detached' })

    // Not JSON: a clear error in the dialog, and the library unchanged.
    await dropFiles(page, [{ name: 'broken.hamish.json', text: '{ not json', type: 'application/json' }])
    const error = report.locator('.annotation-import-error')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/Nothing was imported/)
    await report.getByRole('button', { name: 'Close', exact: true }).last().click()
    expect((await callApi<unknown[]>(page, 'listArticles')).length).toBe(articlesBefore)
    expect(await page.locator('.import-panel .import-result').count()).toBe(0)
    expect(app.pageErrors).toEqual([])
  })
})
