import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { highlightIds, openArticleId, waitForHighlightCount } from './annotation-helpers'
import {
  callApi,
  openApp,
  SAMPLE_PATH,
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
  ;[app, colleague] = await Promise.all([openApp(browser, { seed: false }), openApp(browser, { seed: true })])
})

afterAll(async () => {
  await app?.close()
  await colleague?.close()
  await browser?.close()
})

/** A colleague's shorter copy: a title of its own and only the sample's first paragraph. */
const COPY = `نسخة زميلي من الخبر\n\n${readFileSync(SAMPLE_PATH, 'utf8')
  .split('\n')[0]!
  .replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '')}\n`

describe('an annotation file for an article this library has under another fingerprint', () => {
  it('asks which article, suggests the matching one, and merges into it', async ({ skip }) => {
    if (!app || !colleague) return skip()
    // The colleague highlights "موسكو" in the full sample and exports the annotations.
    const other = colleague.page
    const [article] = await callApi<{ id: string }[]>(other, 'listArticles')
    const doc = await callApi<{ doc: { content: { content?: { text?: string }[] }[] } }>(
      other,
      'getArticle',
      article!.id,
    )
    const first = doc.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
    const start = Array.from(first.slice(0, first.indexOf('موسكو'))).length
    await callApi(other, 'addAnnotation', {
      articleId: article!.id,
      start,
      end: start + 5,
      quote: 'موسكو',
      color: 'green',
    })
    const exported = await callApi<{ fileName: string; bytes: { $bytes: string } }>(
      other,
      'exportAnnotations',
      article!.id,
      { bundle: false },
    )

    // This library has only a shorter copy of the text: a different fingerprint.
    const { page } = app
    const imported = await callApi<{ status: string; article: { id: string } }>(page, 'importFile', {
      name: 'copy.txt',
      bytes: { $bytes: Buffer.from(COPY).toString('base64') },
    })
    expect(imported.status).toBe('added')
    await page.reload()
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    expect(await openArticleId(page)).toBe(imported.article.id)

    await page.getByRole('button', { name: 'Share notes…' }).click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('dialog').getByRole('button', { name: 'Import annotations…' }).click(),
    ])
    await chooser.setFiles({
      name: exported.fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(exported.bytes.$bytes, 'base64'),
    })

    const dialog = page.locator('dialog.annotation-import-dialog')
    await dialog.getByText('Which article are these notes for?').waitFor()
    const best = dialog.getByRole('radio', { checked: true })
    expect(await best.count()).toBe(1)
    expect(await dialog.locator('.choose-article').textContent()).toContain('نسخة زميلي من الخبر')
    await screenshot(page, 'sharing-choose-article.png')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.locator('[data-count=added]').waitFor()
    expect(await dialog.locator('[data-count=added]').textContent()).toBe('1 added')
    expect(await dialog.locator('[data-count=orphaned]').textContent()).toBe('0 orphaned')
    await dialog.getByRole('button', { name: 'Open article' }).click()
    await waitForReader(page)
    await waitForHighlightCount(page, 1)
    expect(await highlightIds(page)).toHaveLength(1)
  })
})
