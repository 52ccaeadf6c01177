import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArticleId, savedAnnotations } from './annotation-helpers'
import {
  appPerFile,
  callApi,
  RESULTS_DIR,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** Opens the sample article in the reader and returns its id. */
async function openSample(): Promise<string> {
  const page = app!.page
  await page.locator('.article-link').first().click()
  await waitForReader(page)
  return openArticleId(page)
}

describe('export from the reader', () => {
  it('saves an annotated Markdown copy as a download, with the highlight and its note', async () => {
    if (!app) return
    const page = app.page
    const id = await openSample()
    const plain = await page.evaluate(async (articleId) => {
      const r = await fetch('/api/getArticle', {
        method: 'POST',
        headers: { 'X-Hamish-Token': sessionStorage.getItem('hamish-token') ?? '' },
        body: JSON.stringify([articleId]),
      })
      return (await r.json()) as { value: { doc: { content: { content?: { text?: string }[] }[] } } }
    }, id)
    const firstBlock = plain.value.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
    const at = Array.from(firstBlock.slice(0, firstBlock.indexOf('موسكو'))).length
    await callApi(page, 'addAnnotation', {
      articleId: id,
      start: at,
      end: at + 5,
      quote: 'موسكو',
      color: 'green',
      note: 'عاصمة **روسيا**',
    })
    await page.reload()
    await waitForReader(page)
    expect(await savedAnnotations(page)).toHaveLength(1)

    await page.getByRole('button', { name: 'Export…' }).click()
    await page.getByRole('dialog').waitFor()
    await screenshot(page, 'export-dialog.png')
    await page.getByLabel('Markdown', { exact: false }).first().check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.md$/)
    const md = readFileSync((await download.path())!, 'utf8')
    expect(md).toMatch(/^---\n/)
    expect(md).toContain('==موسكو==')
    expect(md).toMatch(/\[\^1\]/)
    expect(md).toContain('عاصمة **روسيا**')
  })

  it('exports a PDF through the same dialog, which pdftotext reads', async () => {
    if (!app) return
    const page = app.page
    await page.keyboard.press('Control+e')
    await page.getByRole('dialog').waitFor()
    await page.getByRole('radio', { name: /PDF/ }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    const path = join(RESULTS_DIR, 'export-from-reader.pdf')
    await download.saveAs(path)
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    let text = ''
    try {
      text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
    } catch (err) {
      if (process.env.CI === 'true') throw err
      console.warn('pdftotext missing: PDF text not checked')
      return
    }
    expect(text.normalize('NFKC')).toContain('موسكو')
    await page.goto(page.url().replace(/#.*$/, '') + '#/')
    await waitForLibrary(page)
  })

  it('exports the article’s citation as BibTeX and CSL-JSON from the same dialog, in English and Arabic', async () => {
    if (!app) return
    const page = app.page
    const id = await openSample()
    const title = (await callApi<{ id: string; title: string }[]>(page, 'listArticles')).find(
      (a) => a.id === id,
    )!.title
    const exportAs = async (radio: RegExp, shot: string): Promise<string> => {
      await page.keyboard.press('Control+e')
      await page.getByRole('dialog').waitFor()
      await page.getByRole('radio', { name: radio }).check()
      await screenshot(page, shot)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('dialog')
          .getByRole('button', { name: /^(Export|تصدير)$/ })
          .click(),
      ])
      return readFileSync((await download.path())!, 'utf8')
    }
    const bib = await exportAs(/Citation \(BibTeX\)/, 'export-dialog-citation-en.png')
    expect(bib).toMatch(/^@\w+\{[^,\s]+,\n/)
    expect(bib).toContain(`  title = {${title}},`)
    expect(bib).toContain('  langid = {arabic},')
    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.reload()
    await waitForReader(page)
    const csl = JSON.parse(await exportAs(/CSL-JSON/, 'export-dialog-citation-ar.png')) as {
      id: string
      title: string
      language: string
    }[]
    expect(csl).toHaveLength(1)
    expect(csl[0]).toMatchObject({ title, language: 'ar' })
    expect(csl[0]!.id).toBe(/^@\w+\{([^,]+),/.exec(bib)![1])
    await callApi(page, 'updateSettings', { language: 'en' })
  })

  it('the library exports the citations of the articles it lists now (its filter chooses)', async () => {
    if (!app) return
    const page = app.page
    await callApi(page, 'importFile', {
      name: 'second.txt',
      bytes: {
        $bytes: Buffer.from('مقالة ثانية عن البحر\n\nنص آخر عن السفن في الموانئ القديمة.\n').toString(
          'base64',
        ),
      },
    })
    await page.goto(page.url().replace(/#.*$/, '') + '#/')
    await page.reload() // the interface back in English (the test before left it so in the settings)
    await waitForLibrary(page)
    const titles = (await callApi<{ title: string; trashed: string | null }[]>(page, 'listArticles'))
      .filter((a) => a.trashed === null)
      .map((a) => a.title)
    expect(titles.length).toBeGreaterThanOrEqual(2)
    const exportShown = async (): Promise<{ title: string }[]> => {
      await page.getByRole('button', { name: 'Export citations…' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      await dialog.getByRole('radio', { name: /CSL-JSON/ }).check()
      await screenshot(page, 'library-citations-dialog.png')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Export', exact: true }).click(),
      ])
      return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { title: string }[]
    }
    expect((await exportShown()).map((i) => i.title).sort()).toEqual([...titles].sort())
    await page.locator('#library-filter').fill('مقالة ثانية')
    expect((await exportShown()).map((i) => i.title)).toEqual(['مقالة ثانية عن البحر'])
    await page.locator('#library-filter').fill('لا يوجد عنوان كهذا')
    await expect(page.getByRole('button', { name: 'Export citations…' }).isVisible()).resolves.toBe(false)
    await page.locator('#library-filter').fill('')
    // Bad input through the API: a clear refusal, no download.
    await expect(callApi(page, 'exportCitations', [], 'bibtex')).rejects.toThrow()
    await expect(callApi(page, 'exportCitations', ['ffffffffffffffff'], 'bibtex')).rejects.toThrow(
      'There is no article with id ffffffffffffffff',
    )
    await expect(callApi(page, 'exportCitations', titles, 'md')).rejects.toThrow()
  })
})
