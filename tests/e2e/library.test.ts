import { afterEach, describe, expect, it } from 'vitest'
import {
  appPerFile,
  callApi,
  rowTitles,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

let app: AppSession | null = null
// A new library holds the sample article.
appPerFile({ seed: true }, (session) => (app = session))

const row = (app: AppSession) => app.page.locator('.library-table tbody tr').first()

/** What the open Tags dialog shows: its tags and its error line, so a failure says what went wrong. */
const tagsDialogState = (app: AppSession) =>
  app.page.evaluate(() => ({
    tags: [...document.querySelectorAll('dialog[open] .tag-editor-list .tag span')].map((t) => t.textContent),
    error: document.querySelector('dialog[open] .field-error')?.textContent ?? '',
  }))

// A test that fails with a dialog open must not leave it over the rows the next test clicks.
afterEach(async () => {
  if (!app) return
  for (let i = 0; i < 3 && (await app.page.locator('dialog[open]').count()) > 0; i++)
    await app.page.keyboard.press('Escape')
})

describe('the library', () => {
  it('renames an article in a dialog: Escape cancels, Enter saves, and the name survives a reload', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const original = (await rowTitles(page))[0]!
    expect(original).toContain('لافروف')

    await row(app).locator('[data-action=rename]').click()
    const input = page.locator('dialog[open] input[type=text]')
    await expect(input.inputValue()).resolves.toBe(original)
    await input.fill('should not be saved')
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)
    expect(await rowTitles(page)).toEqual([original])
    // Focus went back to the button that opened the dialog.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'rename',
    )

    await page.keyboard.press('Enter')
    await input.fill('  لافروف والشيباني في موسكو — Lavrov and Shaibani  ')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelectorAll('dialog[open]').length === 0)
    await page.waitForFunction(() =>
      document.querySelector('.article-link')?.textContent?.startsWith('لافروف والشيباني'),
    )
    expect(await rowTitles(page)).toEqual(['لافروف والشيباني في موسكو — Lavrov and Shaibani'])

    await page.reload()
    await waitForLibrary(page)
    expect(await rowTitles(page)).toEqual(['لافروف والشيباني في موسكو — Lavrov and Shaibani'])
  })

  it('refuses an empty title with a message and keeps the dialog open', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await row(app).locator('[data-action=rename]').click()
    await page.locator('dialog[open] input[type=text]').fill('   ')
    await page.keyboard.press('Enter')
    await expect(page.locator('dialog[open] .field-error').textContent()).resolves.toContain(
      'cannot be empty',
    )
    await page.keyboard.press('Escape')
    expect(await rowTitles(page)).toEqual(['لافروف والشيباني في موسكو — Lavrov and Shaibani'])
  })

  it('adds and removes tags', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await row(app).locator('[data-action=tags]').click()
    const input = page.locator('dialog[open] input[type=text]')
    await input.fill('سياسة')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog[open] .tag-editor-list .tag')
    await input.fill('russia')
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      () => document.querySelectorAll('dialog[open] .tag-editor-list .tag').length === 2,
    )
    await page.locator('dialog[open] .tag-remove[aria-label*="russia"]').click()
    await page.waitForFunction(
      () => document.querySelectorAll('dialog[open] .tag-editor-list .tag').length === 1,
    )
    // Every change saved (an earlier state of the row can equal the last one).
    await page.waitForSelector('dialog[open] .tag-editor-list[aria-busy=false]')
    await page.keyboard.press('Escape')
    // A change shows in the dialog at once; the row follows when the library has saved it.
    await expect.poll(() => row(app!).locator('.col-tags .tag').allTextContents()).toEqual(['سياسة'])
    await page.reload()
    await waitForLibrary(page)
    await expect(row(app).locator('.col-tags .tag').allTextContents()).resolves.toEqual(['سياسة'])
  })

  it('keeps every tag typed without a pause, and one tag in any case', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await row(app).locator('[data-action=tags]').click()
    await page.locator('dialog[open] input[type=text]').focus()
    // No waiting between tags: the next one is typed while the last is still being saved.
    await page.keyboard.type('Ottoman\neurope\nottoman\nتاريخ\n')
    const expected = ['سياسة', 'Ottoman', 'europe', 'تاريخ']
    await expect.poll(() => tagsDialogState(app!), { timeout: 20_000 }).toEqual({ tags: expected, error: '' })
    await page.waitForSelector('dialog[open] .tag-editor-list[aria-busy=false]')
    await page.keyboard.press('Escape')
    await expect.poll(() => row(app!).locator('.col-tags .tag').allTextContents()).toEqual(expected)
    await page.reload()
    await waitForLibrary(page)
    await expect(row(app).locator('.col-tags .tag').allTextContents()).resolves.toEqual(expected)
    // Back as they were for the tests after this one.
    await row(app).locator('[data-action=tags]').click()
    for (const tag of ['Ottoman', 'europe', 'تاريخ'])
      await page.locator(`dialog[open] .tag-remove[aria-label*="${tag}"]`).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => row(app!).locator('.col-tags .tag').allTextContents()).toEqual(['سياسة'])
  })

  it('sends a tag change still queued behind a save when the page goes away', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    // The first save reaches the library but its answer is held back, so the removal after it waits in
    // the dialog's queue; the page then goes away (pagehide, as on a reload or a closing window).
    const bodies: string[] = []
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/setArticleTags', async (route) => {
      bodies.push(route.request().postData() ?? '')
      if (bodies.length > 1) return route.continue()
      const response = await route.fetch()
      await released
      await route.fulfill({ response })
    })
    try {
      await row(app).locator('[data-action=tags]').click()
      await page.locator('dialog[open] input[type=text]').fill('draft')
      await page.keyboard.press('Enter')
      await expect.poll(() => bodies.length).toBe(1)
      await page.locator('dialog[open] .tag-remove[aria-label*="draft"]').click()
      await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')))
      // The removal leaves at once, not after the held answer.
      await expect.poll(() => bodies.length).toBe(2)
      expect(JSON.parse(bodies[1]!)).toEqual([expect.any(String), ['سياسة'], ['سياسة', 'draft']])
    } finally {
      release()
      await page.waitForSelector('dialog[open] .tag-editor-list[aria-busy=false]')
      await page.unrouteAll({ behavior: 'ignoreErrors' })
      await page.keyboard.press('Escape')
    }
    await page.reload()
    await waitForLibrary(page)
    await expect(row(app).locator('.col-tags .tag').allTextContents()).resolves.toEqual(['سياسة'])
  })

  it('moves an article to the Trash with an Undo toast, and restores it from the Trash', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const title = (await rowTitles(page))[0]!
    await row(app).locator('[data-action=trash]').click()
    await page.waitForSelector('.empty-state')
    await expect(page.locator('.toast').first().textContent()).resolves.toContain('moved to the Trash')
    await expect(page.locator('.trash summary').textContent()).resolves.toBe('Trash (1)')

    await page.locator('.toast-action', { hasText: 'Undo' }).click()
    await page.waitForSelector('.library-table')
    expect(await rowTitles(page)).toEqual([title])
    await expect(page.locator('.trash summary').textContent()).resolves.toBe('Trash (0)')

    // Ctrl+Z is Undo too.
    await row(app).locator('[data-action=trash]').click()
    await page.waitForSelector('.empty-state')
    await page.keyboard.press('Control+z')
    await page.waitForSelector('.library-table')
    expect(await rowTitles(page)).toEqual([title])

    // Delete again; this time restore from the Trash section.
    await row(app).locator('[data-action=trash]').click()
    await page.waitForSelector('.empty-state')
    await page.locator('.toast .toast-close').first().click()
    await page.click('.trash summary')
    await expect(page.locator('.trash-table tbody th').allTextContents()).resolves.toEqual([title])
    await screenshot(page, 'library-trash.png')
    await page.locator('.trash-table button', { hasText: 'Restore' }).click()
    await page.waitForSelector('.library-table')
    expect(await rowTitles(page)).toEqual([title])
  })

  it('deletes a trashed article forever only after asking, and empties the Trash', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const kept = await rowTitles(page)
    const ids: string[] = []
    for (const [name, text] of [
      ['first.txt', 'مقالة أولى للحذف النهائي.'],
      ['second.txt', 'مقالة ثانية للحذف النهائي.'],
      ['third.txt', 'مقالة ثالثة للحذف النهائي.'],
    ]) {
      const added = await callApi<{ article: { id: string } }>(page, 'importFile', {
        name,
        bytes: { $bytes: Buffer.from(`${text}\n`).toString('base64') },
      })
      await callApi(page, 'trashArticle', added.article.id)
      ids.push(added.article.id)
    }
    await page.reload()
    await waitForLibrary(page)
    if (!(await page.locator('.trash').evaluate((d) => (d as HTMLDetailsElement).open)))
      await page.click('.trash summary')
    await expect(page.locator('.trash summary').textContent()).resolves.toBe('Trash (3)')

    // Cancel (where focus starts, so a stray Enter deletes nothing) keeps the article.
    const first = page.locator(`.trash-table tr[data-article-id="${ids[0]}"]`)
    await first.getByRole('button', { name: /forever/ }).click()
    const dialog = page.locator('dialog[open]')
    await expect(dialog.locator('h2').textContent()).resolves.toBe('Delete forever?')
    await expect(dialog.textContent()).resolves.toContain('cannot be undone')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await screenshot(page, 'library-delete-forever.png')
    await page.keyboard.press('Enter')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)
    await expect(page.locator('.trash summary').textContent()).resolves.toBe('Trash (3)')

    await first.getByRole('button', { name: /forever/ }).click()
    await dialog.getByRole('button', { name: 'Delete Forever' }).click()
    await expect.poll(() => page.locator('.trash summary').textContent()).toBe('Trash (2)')
    await expect(page.locator('.toast').last().textContent()).resolves.toContain('deleted for good')
    const articles = await callApi<{ id: string }[]>(page, 'listArticles')
    expect(articles.map((a) => a.id)).not.toContain(ids[0])

    // Empty Trash: the other two, after asking once.
    await page.locator('.trash-toolbar button', { hasText: 'Empty Trash' }).click()
    await expect(dialog.textContent()).resolves.toContain('The 2 articles in the Trash')
    await dialog.getByRole('button', { name: 'Empty Trash' }).click()
    await expect.poll(() => page.locator('.trash summary').textContent()).toBe('Trash (0)')
    const left = await callApi<{ id: string }[]>(page, 'listArticles')
    expect(left.map((a) => a.id).filter((id) => ids.includes(id))).toEqual([])
    expect(await rowTitles(page)).toEqual(kept)
    expect(app.pageErrors).toEqual([])
  })

  it('filters by title and sorts by the column headers', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.setInputFiles('input[type=file]', [
      {
        name: 'alpha.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Alpha notes\n\nFirst English article.\n'),
      },
      {
        name: 'beta.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Beta notes\n\nSecond English article.\n'),
      },
    ])
    await page.waitForFunction(() => document.querySelectorAll('.library-table tbody tr').length === 3)
    await page.click('.import-close')

    await page.fill('.filter-input', 'notes')
    expect(await rowTitles(page)).toHaveLength(2)
    await expect(page.locator('.library-count').textContent()).resolves.toBe('2 of 3 articles')
    await page.fill('.filter-input', 'موسكو')
    expect(await rowTitles(page)).toHaveLength(1)
    // The title has "والشيباني"; the filter folds alef maqsura, diacritics and the rest as library search does.
    await page.fill('.filter-input', 'وَالشَّيبانى')
    expect(await rowTitles(page)).toHaveLength(1)
    await page.fill('.filter-input', 'nothing like this')
    await expect(page.locator('.empty-filter').textContent()).resolves.toContain('nothing like this')
    await page.fill('.filter-input', '')

    await page.click('.sort-button:text("Title")')
    expect((await rowTitles(page)).slice(0, 2)).toEqual(['Alpha notes', 'Beta notes'])
    await expect(page.locator('thead th.col-title').getAttribute('aria-sort')).resolves.toBe('ascending')
    await page.click('.sort-button:text("Title")')
    expect((await rowTitles(page)).slice(-2)).toEqual(['Beta notes', 'Alpha notes'])
    await expect(page.locator('thead th.col-title').getAttribute('aria-sort')).resolves.toBe('descending')
    // The sort button keeps focus across the re-render, for keyboard users.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).resolves.toBe(
      'sort:title',
    )
  })

  it('is usable with the keyboard alone: Tab reaches every control, Enter opens an article', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.reload()
    await waitForLibrary(page)
    const reached = new Set<string>()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const key = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null
        if (!a) return ''
        const key = a.dataset.focusKey
        if (a.dataset.action) return a.dataset.action
        if (!key) return a.className || a.tagName
        // Row controls are keyed "<article id>:<action>"; the rest by name.
        return key.startsWith('sort:') || !key.includes(':') ? key : `row:${key.split(':')[1]}`
      })
      reached.add(key)
    }
    for (const key of [
      'import',
      'settings',
      'help',
      'filter',
      'sort:title',
      'row:open',
      'rename',
      'tags',
      'trash',
      'trash-summary',
    ]) {
      expect([...reached], key).toContain(key)
    }
    // Every focused control shows a focus ring.
    await page.focus('.article-link')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')

    await page.locator('.article-link', { hasText: 'Alpha notes' }).focus()
    await page.keyboard.press('Enter')
    await waitForReader(page)
    await expect(page.locator('.reader-title').textContent()).resolves.toBe('Alpha notes')
    await expect(
      page.evaluate(() => getComputedStyle(document.querySelector('.reader .ProseMirror')!).direction),
    ).resolves.toBe('ltr')
    await page.keyboard.press('Control+,')
    await page.waitForSelector('dialog[open].settings-panel')
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)
    expect(app.pageErrors).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })
})
