import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  blockText,
  highlightIds,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
  type SavedAnnotation,
} from './annotation-helpers'
import {
  callApi,
  openApp,
  RESULTS_DIR,
  screenshot,
  startBrowser,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

// Issue 10, items 12 and 15, in the real page: two windows on one library (two tabs of one
// preview) editing the same note and the same article's tags, an add whose answer is lost, and a
// change saved while its search index could not be written.

let browser: Browser | null = null
let app: AppSession | null = null

beforeAll(async () => {
  browser = await startBrowser()
  if (browser) app = await openApp(browser, { seed: true })
})

afterAll(async () => {
  await app?.close()
  await browser?.close()
})

/** A second window (tab) on the same preview, in `locale`. */
async function secondWindow(locale = 'en-US'): Promise<Page> {
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    locale,
  })
  const page = await context.newPage()
  await page.goto(app!.preview.url)
  await waitForLibrary(page)
  return page
}

async function openSample(page: Page): Promise<void> {
  await page.locator('.article-link').first().click()
  await waitForReader(page)
}

/** Back to the library page (the reader reopens the last article on a fresh start). */
async function toLibrary(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/'
  })
  await waitForLibrary(page)
}

const popover = (page: Page) => page.locator('.highlight-popover:not([hidden])')

async function clickHighlight(page: Page, id: string): Promise<void> {
  await page.locator(`.reader .ProseMirror [data-annotation-id="${id}"]`).first().click()
  await page.waitForSelector(`.highlight-popover:not([hidden])[data-annotation-for="${id}"]`)
}

/** Highlights `word` in text block 3 with the H key; returns main's copy of the new highlight. */
async function highlight(page: Page, word: string): Promise<SavedAnnotation> {
  const text = await blockText(page, 3)
  const start = text.indexOf(word)
  expect(start, word).toBeGreaterThanOrEqual(0)
  const before = new Set(await highlightIds(page))
  await selectChars(page, 3, start, start + word.length)
  await page.keyboard.press('h')
  await waitForHighlightCount(page, before.size + 1)
  return (await savedAnnotations(page)).find((a) => !before.has(a.id))!
}

async function writeNote(page: Page, id: string, note: string): Promise<void> {
  await clickHighlight(page, id)
  await popover(page).locator('[data-action=edit-note]').click()
  await popover(page).locator('textarea').fill(note)
  await popover(page).locator('[data-action=save-note]').click()
}

describe('two windows on one library', () => {
  it('tells the other window of a note saved here, and refuses a note it was writing meanwhile', async ({
    skip,
  }) => {
    if (!app) return skip()
    const a = app.page
    await openSample(a)
    const made = await highlight(a, 'موسكو')
    const b = await secondWindow()
    try {
      await openSample(b)
      await waitForHighlightCount(b, 1)

      // Window A saves a note: B is told and shows it without being asked.
      await writeNote(a, made.id, 'from window A')
      await popover(a).locator('.note-edit').waitFor()
      await clickHighlight(b, made.id)
      await expect.poll(() => popover(b).locator('.annotation-note').textContent()).toContain('from window A')

      // B starts writing; A saves again meanwhile; B's save, made on the older version, is refused.
      await popover(b).locator('[data-action=edit-note]').click()
      await popover(b).locator('textarea').fill('stale copy from window B')
      await writeNote(a, made.id, 'from window A, again')
      await popover(a).locator('.note-edit').waitFor()
      await popover(b).locator('[data-action=save-note]').click()
      const error = popover(b).locator('.field-error')
      await expect.poll(() => error.textContent()).toContain('changed elsewhere')
      expect(await error.textContent()).toContain('your change was not saved')
      await mkdir(RESULTS_DIR, { recursive: true })
      await popover(b).screenshot({ path: join(RESULTS_DIR, 'two-windows-stale-note-en.png') })
      // Nothing was overwritten, and B's text is still in its editor.
      expect((await savedAnnotations(a)).find((x) => x.id === made.id)!.body.note).toBe(
        'from window A, again',
      )
      await expect(popover(b).locator('textarea').inputValue()).resolves.toBe('stale copy from window B')

      // B now holds the current version: Cancel shows A's note, and an edit made on it is saved.
      await popover(b).locator('[data-key=note-cancel]').click()
      await expect(popover(b).locator('.annotation-note').textContent()).resolves.toContain(
        'from window A, again',
      )
      await writeNote(b, made.id, 'from window B, having read A')
      await popover(b).locator('.note-edit').waitFor()
      expect((await savedAnnotations(a)).find((x) => x.id === made.id)!.body.note).toBe(
        'from window B, having read A',
      )
      // And A is told in turn.
      await clickHighlight(a, made.id)
      await expect
        .poll(() => popover(a).locator('.annotation-note').textContent())
        .toContain('from window B, having read A')
    } finally {
      await b.context().close()
    }
  })

  it('keeps both windows’ tags when they edit one article’s tags at once', async ({ skip }) => {
    if (!app) return skip()
    const a = app.page
    await toLibrary(a)
    const b = await secondWindow()
    try {
      const openTags = async (page: Page) => {
        await page.locator('.library-table tbody tr').first().locator('[data-action=tags]').click()
        return page.locator('dialog[open] input[type=text]')
      }
      const inA = await openTags(a)
      const inB = await openTags(b)
      await inA.fill('سياسة')
      await a.keyboard.press('Enter')
      await expect
        .poll(async () => (await callApi<{ tags: string[] }[]>(a, 'listArticles'))[0]!.tags)
        .toEqual(['سياسة'])
      // B's dialog opened before A's tag existed.
      await inB.fill('تاريخ')
      await b.keyboard.press('Enter')
      await expect
        .poll(() => b.locator('dialog[open] .tag-editor-list .tag span').allTextContents())
        .toEqual(['سياسة', 'تاريخ'])
      expect((await callApi<{ tags: string[] }[]>(a, 'listArticles'))[0]!.tags).toEqual(['سياسة', 'تاريخ'])
      // A removes its tag: B's stays.
      await a.locator('dialog[open] .tag-remove').first().click()
      await expect
        .poll(async () => (await callApi<{ tags: string[] }[]>(a, 'listArticles'))[0]!.tags)
        .toEqual(['تاريخ'])
      await a.keyboard.press('Escape')
      await b.keyboard.press('Escape')
    } finally {
      await b.context().close()
    }
  })

  it('shows in one window the tags and titles another window changed', async ({ skip }) => {
    if (!app) return skip()
    const a = app.page
    await toLibrary(a)
    const b = await secondWindow()
    try {
      await toLibrary(b)
      const firstRow = (page: Page) => page.locator('.library-table tbody tr').first()
      await firstRow(b).locator('[data-action=tags]').click()
      await b.locator('dialog[open] input[type=text]').fill('دبلوماسية')
      await b.keyboard.press('Enter')
      await b.keyboard.press('Escape')
      await expect.poll(() => firstRow(a).locator('.col-tags .tag').allTextContents()).toContain('دبلوماسية')
      // And its removal there too (the library is left as it was).
      await firstRow(b).locator('[data-action=tags]').click()
      await b.locator('dialog[open] .tag-remove[aria-label*="دبلوماسية"]').click()
      await b.keyboard.press('Escape')
      await expect
        .poll(() => firstRow(a).locator('.col-tags .tag').allTextContents())
        .not.toContain('دبلوماسية')
    } finally {
      await b.context().close()
    }
  })
})

describe('one window’s own quick edits', () => {
  it('are based each on the version the one before saved: an undo pressed while a note is being saved is not refused', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await toLibrary(page)
    await openSample(page)
    const made = await highlight(page, 'سيرغي')
    const other = made.body.color === 'blue' ? 'green' : 'blue'
    await clickHighlight(page, made.id)
    await popover(page).locator(`.popover-color[data-color=${other}]`).click()
    await page.waitForSelector(`[data-annotation-id="${made.id}"].hl-${other}`)

    // The note's save is held on its way to main; Ctrl+Z (undo the recolour) is pressed meanwhile.
    let release: () => void = () => undefined
    const held = new Promise<void>((r) => (release = r))
    let first = true
    await page.route('**/api/updateAnnotation', async (route) => {
      if (first) {
        first = false
        await held
      }
      await route.continue()
    })
    await popover(page).locator('[data-action=edit-note]').click()
    await popover(page).locator('textarea').fill('written while undoing')
    await popover(page).locator('[data-action=save-note]').click()
    await page.keyboard.press('Control+z')
    release()
    await page.waitForSelector(`[data-annotation-id="${made.id}"].hl-${made.body.color}`)
    await page.unroute('**/api/updateAnnotation')
    const saved = (await savedAnnotations(page)).find((a) => a.id === made.id)!
    expect(saved.body).toMatchObject({ color: made.body.color, note: 'written while undoing' })
    await expect(page.locator('.toast-error').count()).resolves.toBe(0)
    await expect(popover(page).locator('.field-error').textContent()).resolves.toBe('')
  })
})

describe('an add whose answer is lost', () => {
  it('is sent again with the same request id and makes one highlight, not two', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await toLibrary(page)
    await openSample(page)
    const before = (await savedAnnotations(page)).length
    // Main saves the highlight, but the page never hears back.
    await page.route('**/api/addAnnotation', async (route) => {
      await route.fetch()
      await route.abort('connectionreset')
    })
    const text = await blockText(page, 3)
    const start = text.indexOf('لافروف')
    await selectChars(page, 3, start, start + 'لافروف'.length)
    await page.keyboard.press('h')
    await page.waitForSelector('.toast-error')
    await page.waitForFunction(() => !document.querySelector('[data-pending]'))
    expect(await savedAnnotations(page)).toHaveLength(before + 1)
    await page.unroute('**/api/addAnnotation')

    // The selection was given back: the user tries again.
    await expect(page.evaluate(() => document.getSelection()!.toString())).resolves.toBe('لافروف')
    await page.keyboard.press('h')
    await waitForHighlightCount(page, before + 1)
    const saved = await savedAnnotations(page)
    expect(saved).toHaveLength(before + 1)
    expect(saved.filter((a) => a.target.quote.exact === 'لافروف')).toHaveLength(1)
  })
})

describe('while the search index cannot be written', () => {
  for (const [locale, tag] of [
    ['en-US', 'en'],
    ['ar', 'ar'],
  ] as const) {
    it(`a highlight needs no index write and is found; an imported article says so in a notice (${tag})`, async ({
      skip,
    }) => {
      if (!app) return skip()
      const page = await secondWindow(locale)
      const indexDir = join(app.preview.library, 'search-index')
      const aside = `${indexDir}.aside-${tag}`
      let blocked = false
      let imported: { article: { id: string } } | null = null
      try {
        await openSample(page)
        // A file where the index folder goes: every index write fails (ENOTDIR) on any machine.
        await rename(indexDir, aside)
        await writeFile(indexDir, '')
        blocked = true
        const made = await highlight(page, 'الخارجية')
        // Saved, no notice (an annotation change writes nothing to the index), and found by a search.
        expect((await savedAnnotations(page)).some((a) => a.id === made.id)).toBe(true)
        expect(await callApi<unknown[]>(page, 'listNotices')).toEqual([])
        const results = await callApi<{ matches: { annotationId?: string }[] }[]>(
          page,
          'searchLibrary',
          'الخارجية',
        )
        expect(results.flatMap((r) => r.matches.map((m) => m.annotationId))).toContain(made.id)

        // A new article's text index cannot be written: told, and still searched.
        const word = `كلمةفريدة${tag}`
        imported = await callApi<{ article: { id: string } }>(page, 'importFile', {
          name: `index-${tag}.txt`,
          bytes: { $bytes: Buffer.from(`مقالة قصيرة فيها ${word} وحدها.`).toString('base64') },
        })
        const notice = page.locator('.notice .notice-message')
        await notice.first().waitFor()
        const words = (await notice.allTextContents()).join('\n')
        if (tag === 'en') {
          expect(words).toContain('could not be written')
          expect(words).toMatch(/system error \S?E[A-Z]+/)
        } else {
          expect(words).toContain('تعذّرت كتابة فهرس البحث')
        }
        await notice.first().scrollIntoViewIfNeeded()
        await screenshot(page, `index-not-written-notice-${tag}.png`)
        const found = await callApi<{ title: string }[]>(page, 'searchLibrary', word)
        expect(found).toHaveLength(1)
        for (const n of await callApi<{ id: string }[]>(page, 'listNotices'))
          await callApi(page, 'dismissNotice', n.id)
      } finally {
        if (blocked) {
          await rm(indexDir, { force: true })
          await rename(aside, indexDir)
        }
        // The sample stays the first article of the list for the tests after this one.
        if (imported) {
          await callApi(page, 'trashArticle', imported.article.id)
          await callApi(page, 'deleteArticleForever', imported.article.id)
        }
        await page.context().close()
      }
    })
  }
})
