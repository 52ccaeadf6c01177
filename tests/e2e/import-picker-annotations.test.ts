import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/preview'
import { browserPerFile, callApi, importResults, openApp } from './harness'

const env = browserPerFile()
const OSMAN = readFileSync(join(ROOT, 'tests/fixtures/arcd-01-osman-i.txt'))

/** A colleague's `.hamish.json` for the sample article: one highlight with a note, exported by their library. */
async function colleagueFile(page: Page): Promise<{ name: string; text: string }> {
  const [article] = await callApi<{ id: string }[]>(page, 'listArticles')
  await callApi(page, 'setDisplayName', 'سلمى')
  const doc = await callApi<{ doc: { content: { content?: { text?: string }[] }[] } }>(
    page,
    'getArticle',
    article!.id,
  )
  const first = doc.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
  const start = Array.from(first.slice(0, first.indexOf('موسكو'))).length
  await callApi(page, 'addAnnotation', {
    articleId: article!.id,
    start,
    end: start + 5,
    quote: 'موسكو',
    color: 'blue',
    note: 'ملاحظة من سلمى',
  })
  const result = await callApi<{ fileName: string; bytes: { $bytes: string } }>(
    page,
    'exportAnnotations',
    article!.id,
    { bundle: false },
  )
  return { name: result.fileName, text: Buffer.from(result.bytes.$bytes, 'base64').toString('utf8') }
}

describe('Import… takes an annotation file the way a drop does', () => {
  it('merges a .hamish.json picked with an article into its article, with the merge report; the article is imported', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const [app, colleague] = await Promise.all([
      openApp(env.browser, { seed: true }),
      openApp(env.browser, { seed: true }),
    ])
    env.sessions.push(app, colleague)
    const { page } = app
    const file = await colleagueFile(colleague.page)
    expect(file.name).toMatch(/\.hamish\.json$/)

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('.topbar [data-action=import]').click(),
    ])
    expect((await chooser.element().getAttribute('accept'))?.split(',')).toContain('.json')
    await chooser.setFiles([
      { name: 'osman.txt', mimeType: 'text/plain', buffer: OSMAN },
      { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
    ])

    // The article goes through the import report; the annotation file is not an article refused there.
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['added'])
    expect(results[0]!.text).toContain('osman.txt')
    // The annotation file: the annotation importer's dialog and merge report, as when it is dropped.
    const report = page.locator('dialog.annotation-import-dialog')
    await report.locator('[data-count=added]').waitFor()
    expect(await report.locator('[data-count=added]').textContent()).toBe('1 added')
    await report.getByRole('button', { name: 'Close', exact: true }).last().click()
    await report.waitFor({ state: 'detached' })

    const articles = await callApi<{ id: string; title: string }[]>(page, 'listArticles')
    expect(articles).toHaveLength(2)
    const notes = await Promise.all(
      articles.map((a) => callApi<{ body: { note: string } }[]>(page, 'getArticleAnnotations', a.id)),
    )
    expect(notes.flat().map((n) => n.body.note)).toEqual(['ملاحظة من سلمى'])
    expect(app.pageErrors).toEqual([])
  })
})
