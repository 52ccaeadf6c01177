import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleSummary, ReadingSettings } from '../../common/article'
import { ar } from '../../common/i18n/ar'
import { en } from '../../common/i18n/en'
import {
  browserPerFile,
  callApi,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

const env = browserPerFile()
let app: AppSession | null = null

// A test that fails with the panel open closes it, so the next one starts from the page.
afterEach(async () => {
  await app?.page.keyboard.press('Escape').catch(() => undefined)
})

/** The one article of the seeded library (the Arabic sample). */
async function sample(page: Page): Promise<ArticleSummary> {
  const [article] = await callApi<ArticleSummary[]>(page, 'listArticles')
  return article!
}

/** Opens the sample in the reader. */
async function openReader(page: Page, id: string): Promise<void> {
  await page.goto(new URL(`/#/read/${encodeURIComponent(id)}`, page.url()).href)
  await waitForReader(page)
}

const dialog = (page: Page) => page.locator('dialog[open].info-dialog')

/** The author rows as the panel shows them: the chosen form and the text of each input. */
async function authorRows(page: Page): Promise<string[][]> {
  return dialog(page)
    .locator('.author-row')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('select')!.value,
        ...[...row.querySelectorAll('input')].map((i) => i.value),
      ]),
    )
}

/** The labelled field of the panel (its label's text in the interface language). */
const field = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true })

describe('the article info panel', () => {
  it('edits authors (added, one as family and given, reordered), date and publication; a reload shows them in the panel and in the chosen library columns', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    app = await openApp(env.browser, { seed: true, width: 1400, height: 900 })
    env.sessions.push(app)
    const { page } = app
    const article = await sample(page)
    expect(article.meta?.authors).toBeUndefined()
    await openReader(page, article.id)

    const button = page.locator('.reader-nav [data-action=article-info]')
    await expect(button.textContent()).resolves.toBe(en.infoButton)
    await button.click()
    await dialog(page).waitFor()
    // The title is the article's, editable here like Rename.
    await expect(field(page, en.infoTitleField).inputValue()).resolves.toBe(article.title)

    // Two authors: the first as one name (as Arabic names are written), the second as family and given.
    await dialog(page).locator('[data-action=add-author]').click()
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Author 1: name',
    )
    await page.keyboard.type('سيرغي لافروف')
    await dialog(page).locator('[data-action=add-author]').click()
    await field(page, 'Author 2: form of the name').selectOption('parts')
    await field(page, 'Author 2: family name').fill('Smith')
    await field(page, 'Author 2: given names').fill('Anna')
    // Reordered: the second moves up, and the focus goes with it (to its Down button: it cannot go higher).
    await field(page, 'Move author 2 up').click()
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Move author 1 down',
    )
    expect(await authorRows(page)).toEqual([
      ['parts', 'Smith', 'Anna'],
      ['name', 'سيرغي لافروف'],
    ])
    await field(page, en.infoFields.container).fill('روسيا اليوم')
    await field(page, en.infoFields.published).fill('2025-12-24')
    await field(page, en.infoFields.isbn).fill('978-3-16-148410-0')
    // The citation line follows the fields as they are typed, in its Arabic title's direction, each part isolated.
    const citation = dialog(page).locator('.info-citation')
    await expect(citation.textContent()).resolves.toContain(
      '\u2068Anna Smith\u2069، \u2068سيرغي لافروف\u2069.',
    )
    await expect(citation.getAttribute('dir')).resolves.toBe('rtl')
    await screenshot(page, 'article-info-en-1400.png')
    // What the library knows, read only, at the panel's end: saved, source, the citation.
    await dialog(page)
      .locator('.dialog-body')
      .evaluate((body) => (body.scrollTop = body.scrollHeight))
    await expect(dialog(page).locator('.info-about dd').allTextContents()).resolves.toContain(
      'lavrov-shaibani-moscow.ar.txt',
    )
    await screenshot(page, 'article-info-en-about-1400.png')
    // Enter in a field saves.
    await field(page, en.infoFields.published).press('Enter')
    await dialog(page).waitFor({ state: 'detached' })
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'article-info',
    )

    const expected = {
      authors: [{ family: 'Smith', given: 'Anna' }, { literal: 'سيرغي لافروف' }],
      container: 'روسيا اليوم',
      published: [2025, 12, 24],
      isbn: '978-3-16-148410-0',
    }
    expect((await sample(page)).meta).toEqual(expected)

    // After a reload the panel (opened with Ctrl+I this time) shows what was saved.
    await page.reload()
    await waitForReader(page)
    await page.locator('.reader .ProseMirror').focus()
    await page.keyboard.press('Control+i')
    await dialog(page).waitFor()
    expect(await authorRows(page)).toEqual([
      ['parts', 'Smith', 'Anna'],
      ['name', 'سيرغي لافروف'],
    ])
    await expect(field(page, en.infoFields.container).inputValue()).resolves.toBe('روسيا اليوم')
    await expect(field(page, en.infoFields.published).inputValue()).resolves.toBe('2025-12-24')
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })

    // The library: no optional column until chosen, then the three chosen in the Columns menu.
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await expect(page.locator('.library-table th.col-authors').count()).resolves.toBe(0)
    await page.locator('.column-chooser summary').click()
    for (const label of [en.columnAuthors, en.columnContainer, en.columnPublished])
      await page.locator('.column-chooser').getByLabel(label).check()
    const row = page.locator(`.library-table tr[data-article-id="${article.id}"]`)
    const cells = async () => ({
      authors: await row.locator('td.col-authors').textContent(),
      container: await row.locator('td.col-container').textContent(),
      published: await row.locator('td.col-published time').getAttribute('datetime'),
    })
    expect(await cells()).toEqual({
      authors: 'Anna Smith, سيرغي لافروف',
      container: 'روسيا اليوم',
      published: '2025-12-24',
    })
    await expect
      .poll(async () => (await callApi<ReadingSettings>(page, 'getSettings')).libraryColumns)
      .toEqual(['authors', 'container', 'published'])

    // The choice survives a reload, and the columns sort.
    await page.reload()
    await waitForLibrary(page)
    expect(await cells()).toEqual({
      authors: 'Anna Smith, سيرغي لافروف',
      container: 'روسيا اليوم',
      published: '2025-12-24',
    })
    await expect(
      page.locator('.library-table thead th').evaluateAll((ths) => ths.map((th) => th.className)),
    ).resolves.toEqual([
      'col-title',
      'col-authors',
      'col-container',
      'col-published',
      'col-date',
      'col-source',
      'col-annotations',
      'col-added',
      'col-tags',
      'col-actions',
    ])
    await page.locator('th.col-authors .sort-button').click()
    await expect(page.locator('th.col-authors').getAttribute('aria-sort')).resolves.toBe('ascending')
    await screenshot(page, 'library-columns-en-1400.png')

    // The row's Info… opens the same panel, with the saved values.
    await row.locator('[data-action=info]').click()
    await dialog(page).waitFor()
    await expect(field(page, en.infoFields.isbn).inputValue()).resolves.toBe('978-3-16-148410-0')
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })

    // 800 px wide: the actions stay on screen, beside the chosen columns.
    await page.setViewportSize({ width: 800, height: 900 })
    const actions = await row.locator('.col-actions button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect()
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return { left: r.left, right: r.right, reachable: hit === b || b.contains(hit) }
      }),
    )
    expect(actions).toHaveLength(4)
    for (const a of actions) {
      expect(a.left).toBeGreaterThanOrEqual(0)
      expect(a.right).toBeLessThanOrEqual(800)
      expect(a.reachable).toBe(true)
    }
    await screenshot(page, 'library-columns-en-800.png')
    await page.locator('.column-chooser summary').click()
    await screenshot(page, 'library-column-chooser-en-800.png')
    await page.keyboard.press('Escape')
    await expect(page.locator('.column-chooser').getAttribute('open')).resolves.toBeNull()
    expect(app.pageErrors).toEqual([])
  })

  it('a bad date is named next to its field and nothing is saved; Escape cancels what was typed', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    app = await openApp(env.browser, { seed: true })
    env.sessions.push(app)
    const { page } = app
    const article = await sample(page)
    await callApi(page, 'setArticleMeta', article.id, { container: 'Before' })
    await openReader(page, article.id)
    await page.locator('[data-action=article-info]').click()
    await dialog(page).waitFor()

    await field(page, en.infoFields.container).fill('After')
    await field(page, en.infoFields.published).fill('2025-13-01')
    await field(page, en.infoFields.published).press('Enter')
    const published = field(page, en.infoFields.published)
    await expect(published.getAttribute('aria-invalid')).resolves.toBe('true')
    const errorId = (await published.getAttribute('aria-describedby'))!.split(' ').pop()!
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toBe(en.infoBadDate)
    await expect(dialog(page).locator('.info-form-error').textContent()).resolves.toBe(en.infoNotSaved)
    // Focus is on the field to correct, the panel still open, and main holds what it held.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe(
      '2025-13-01',
    )
    expect((await sample(page)).meta).toEqual({ container: 'Before' })

    // A wrong ISBN check digit, and a family name missing beside a given one: each named at its place.
    await published.fill('')
    await field(page, en.infoFields.isbn).fill('978-3-16-148410-1')
    await dialog(page).locator('[data-action=add-author]').click()
    await field(page, 'Author 1: form of the name').selectOption('parts')
    await field(page, 'Author 1: given names').fill('Anna')
    await dialog(page).locator('[data-action=save-info]').click()
    await expect(dialog(page).locator('.author-row .field-error').textContent()).resolves.toBe(
      en.infoFamilyNeeded,
    )
    await expect(dialog(page).locator('.info-field-isbn .field-error').textContent()).resolves.toBe(
      en.infoBadIsbn,
    )
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Author 1: family name',
    )
    expect((await sample(page)).meta).toEqual({ container: 'Before' })

    // Escape: the panel closes, nothing typed is saved, focus is back on the button.
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'article-info',
    )
    expect((await sample(page)).meta).toEqual({ container: 'Before' })
    await page.locator('[data-action=article-info]').click()
    await expect(field(page, en.infoFields.container).inputValue()).resolves.toBe('Before')
    expect(app.pageErrors).toEqual([])
  })

  it('speaks Arabic in an Arabic interface: the panel, the kinds, the columns (screenshots at 1400 and 800 px)', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    app = await openApp(env.browser, { seed: true, width: 1400, height: 900, locale: 'ar-EG' })
    env.sessions.push(app)
    const { page } = app
    const article = await sample(page)
    await callApi(page, 'setArticleMeta', article.id, {
      authors: [{ literal: 'مراسل روسيا اليوم' }, { family: 'Smith', given: 'Anna' }],
      container: 'روسيا اليوم',
      published: [2025, 12],
      url: 'https://arabic.rt.com/world/1234-لافروف/',
      kind: 'article-newspaper',
    })
    await callApi(page, 'updateSettings', { libraryColumns: ['authors', 'container', 'published'] })
    await page.reload()
    await waitForLibrary(page)
    await openReader(page, article.id)
    const button = page.locator('[data-action=article-info]')
    await expect(button.textContent()).resolves.toBe(ar.infoButton)
    await button.click()
    await dialog(page).waitFor()
    await expect(dialog(page).locator('h2').textContent()).resolves.toBe(ar.infoTitle)
    await expect(
      field(page, ar.infoFields.kind).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent),
    ).resolves.toBe(ar.metaKinds['article-newspaper'])
    await expect(field(page, ar.infoFields.container).getAttribute('dir')).resolves.toBe('auto')
    await screenshot(page, 'article-info-ar-1400.png')
    await page.setViewportSize({ width: 800, height: 900 })
    await screenshot(page, 'article-info-ar-800.png')
    await page.keyboard.press('Escape')

    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await expect(page.locator('th.col-authors').textContent()).resolves.toContain(ar.columnAuthors)
    await screenshot(page, 'library-columns-ar-800.png')
    await page.setViewportSize({ width: 1400, height: 900 })
    await screenshot(page, 'library-columns-ar-1400.png')
    expect(app.pageErrors).toEqual([])
  })
})
