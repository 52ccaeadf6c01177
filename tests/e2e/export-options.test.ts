import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ar } from '../../common/i18n/ar'
import { openArticleId } from './annotation-helpers'
import { appPerFile, callApi, screenshot, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** Opens the sample article, highlights «موسكو» with a tag, and returns to the reader. */
async function openHighlightedSample(): Promise<void> {
  const page = app!.page
  await page.locator('.article-link').first().click()
  await waitForReader(page)
  const id = await openArticleId(page)
  const text = await page.locator('.reader').evaluate((e) => e.textContent ?? '')
  const first = await callApi<{ doc: { content: { content?: { text?: string }[] }[] } }>(
    page,
    'getArticle',
    id,
  )
  const block = first.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
  expect(text).toContain('موسكو')
  const at = Array.from(block.slice(0, block.indexOf('موسكو'))).length
  await callApi(page, 'addAnnotation', {
    articleId: id,
    start: at,
    end: at + 5,
    quote: 'موسكو',
    color: 'green',
    tags: ['عواصم'],
  })
  await page.reload()
  await waitForReader(page)
}

/** Exports through the open dialog and returns the downloaded file's text. */
async function exportText(): Promise<string> {
  const page = app!.page
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Export|تصدير)$/ })
      .click(),
  ])
  return readFileSync((await download.path())!, 'utf8')
}

describe('export dialog: Markdown per tool, labels language, notes order and grouping', () => {
  it('exports Markdown for Pandoc and a notes summary grouped by tag with Arabic labels (EN then AR interface)', async () => {
    if (!app) return
    const page = app.page
    await openHighlightedSample()

    await page.keyboard.press('Control+e')
    await page.getByRole('dialog').waitFor()
    await expect(page.getByRole('radio', { name: /Markdown for Pandoc/ }).count()).resolves.toBe(1)
    await page.getByRole('radio', { name: /Markdown for Pandoc/ }).check()
    expect(await page.locator('select[name="labelLang"]').inputValue()).toBe('en')
    await screenshot(page, 'export-options-en-pandoc.png')
    expect(await exportText()).toContain('[موسكو]{.mark}')

    await page.keyboard.press('Control+e')
    await page.getByRole('dialog').waitFor()
    await page.getByRole('radio', { name: /Notes summary/ }).check()
    await page.locator('select[name="notesGroup"]').selectOption('tag')
    await page.locator('select[name="notesOrder"]').selectOption('date')
    await page.locator('select[name="labelLang"]').selectOption('ar')
    await screenshot(page, 'export-options-en-notes.png')
    const notes = await exportText()
    expect(notes).toContain('## عواصم')
    expect(notes).toContain(`${ar.exportLabels.colour}: ${ar.colorNames.green}`)

    // An Arabic interface: the labels default to Arabic.
    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.reload()
    await waitForReader(page)
    await page.keyboard.press('Control+e')
    await page.getByRole('dialog').waitFor()
    await page.getByRole('radio', { name: new RegExp(ar.exportFormats['notes-md'].name) }).check()
    expect(await page.locator('select[name="labelLang"]').inputValue()).toBe('ar')
    await screenshot(page, 'export-options-ar-notes.png')
    expect(await exportText()).toContain(`${ar.exportLabels.colour}: ${ar.colorNames.green}`)
    await callApi(page, 'updateSettings', { language: 'en' })
  })
})
