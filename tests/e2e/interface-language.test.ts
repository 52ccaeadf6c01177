import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ReadingSettings } from '../../common/article'
import { ar } from '../../common/i18n/ar'
import {
  callApi,
  dropFiles,
  importResults,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
  browserPerFile,
} from './harness'

/** An English article, to show that an Arabic interface leaves an article's own direction alone. */
const ENGLISH = 'A note on margins\n\nReaders have always written in the margins of what they read.\n'

const env = browserPerFile()

async function open(locale: string): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, locale })
  env.sessions.push(app)
  await callApi(app.page, 'importFile', {
    name: 'margins.txt',
    bytes: { $bytes: Buffer.from(ENGLISH).toString('base64') },
  })
  await app.page.reload()
  await waitForLibrary(app.page)
  return app
}

/** Horizontal centre of an element, as a fraction of the window's width (0 = left edge). */
async function centreX(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const r = e.getBoundingClientRect()
      return (r.left + r.width / 2) / window.innerWidth
    })
}

/**
 * Words of three or more Latin letters in the interface's own text (not the
 * articles, not key names), besides the names that stay Latin in Arabic.
 */
async function latinWords(page: Page, scope: string): Promise<string[]> {
  const allowed = new Set([
    'Ctrl',
    'Shift',
    'Enter',
    'Escape',
    'Tab',
    'Delete',
    'Markdown',
    'Hamish',
    'Amiri',
    'Noto',
    'Naskh',
    'Arabic',
    // File extensions, formats and programs named in messages.
    'txt',
    'html',
    'epub',
    'docx',
    'pdf',
    'json',
    'hamish',
    'HTML',
    'PDF',
    'JSON',
    'GitHub',
    'Obsidian',
    'Pandoc',
    'Hypothesis',
    'CSL',
    'Zotero',
    'BibTeX',
    'LaTeX',
    'biblatex',
    'UTF',
    'mark',
    'Letter',
  ])
  const words = await page.locator(scope).evaluateAll((roots) => {
    const out: string[] = []
    // Article text, titles, sources and snippets are the user's; key caps are key names.
    const userText =
      '.reader, .article-link, .col-source, .import-name, .search-snippet, .search-title-link, kbd, [lang="en"]'
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement!
        if (parent.closest(userText)) continue
        if (parent.closest('[hidden]')) continue
        out.push(...(n.textContent!.match(/[A-Za-z]{3,}/g) ?? []))
      }
      for (const e of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (e.closest(userText)) continue
        for (const a of ['aria-label', 'title', 'placeholder']) {
          const v = e.getAttribute(a)
          // Labels quote article titles and file names inside isolates (a file name's stem is
          // isolated again inside its own); drop those parts, innermost first.
          const outside = v
            ?.replace(/\u2068[^\u2068\u2069]*\u2069/g, '')
            .replace(/\u2068[^\u2068\u2069]*\u2069/g, '')
          if (outside) out.push(...(outside.match(/[A-Za-z]{3,}/g) ?? []))
        }
      }
    }
    return out
  })
  return words.filter((w) => !allowed.has(w))
}

describe('interface in Arabic and English', () => {
  it('follows the OS language: Arabic mirrors the whole interface, English does not', async ({ skip }) => {
    if (!env.browser) return skip()
    const arApp = await open('ar-EG')
    const en = await open('en-GB')

    for (const [app, lang, dir] of [
      [arApp, 'ar', 'rtl'],
      [en, 'en', 'ltr'],
    ] as const) {
      expect(
        await app.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([lang, dir])
    }
    expect(await arApp.page.locator('.topbar-nav .nav-link').first().textContent()).toBe(ar.navLibrary)
    expect(await en.page.locator('.topbar-nav .nav-link').first().textContent()).toBe('Library')

    // Mirrored: the brand and the first column at the right in Arabic, at the left in English.
    expect(await centreX(arApp.page, '.brand')).toBeGreaterThan(0.8)
    expect(await centreX(en.page, '.brand')).toBeLessThan(0.2)
    expect(await centreX(arApp.page, '.topbar-actions')).toBeLessThan(0.3)
    expect(await centreX(en.page, '.topbar-actions')).toBeGreaterThan(0.7)
    const titleHeader = '.library-table thead th:first-child'
    expect(await centreX(arApp.page, titleHeader)).toBeGreaterThan(
      await centreX(arApp.page, '.library-table thead th:last-child'),
    )
    expect(await centreX(en.page, titleHeader)).toBeLessThan(
      await centreX(en.page, '.library-table thead th:last-child'),
    )

    // Numbers and dates through Intl in the interface's language.
    expect(await arApp.page.locator('.library-count').textContent()).toBe(ar.articles_two)
    expect(await en.page.locator('.library-count').textContent()).toBe('2 articles')
    const added = (page: Page) => page.locator('.library-table tbody td.col-added').first().textContent()
    expect(await added(arApp.page)).toMatch(/[٠-٩]/)
    expect(await added(en.page)).toMatch(/[0-9]/)

    // Main's own sentences (here an import refusal) come in the interface's language too.
    await dropFiles(arApp.page, [{ name: 'notes.txt', text: 'a\u0000b\u0000c' }])
    const [refused] = await importResults(arApp.page)
    expect(refused!.status).toBe('rejected')
    expect(refused!.text).toContain('ملف غير نصي')
    expect(await latinWords(arApp.page, '.app')).toEqual([])
    await screenshot(arApp.page, 'ui-ar-library.png')
    await screenshot(en.page, 'ui-en-library.png')

    // Each article keeps its own direction inside the Arabic interface.
    await arApp.page.locator('.article-link', { hasText: 'A note on margins' }).click()
    await waitForReader(arApp.page)
    expect(await arApp.page.locator('.reader').getAttribute('dir')).toBe('ltr')
    expect(await arApp.page.locator('.reader-nav').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl')
    expect(await arApp.page.locator('.back-link').textContent()).toBe(`→ ${ar.navLibrary}`)
    expect(await latinWords(arApp.page, '.topbar, .reader-nav, .notes-panel')).toEqual([])
    await screenshot(arApp.page, 'ui-ar-reader-english-article.png')
    await arApp.page.goBack()
    await waitForLibrary(arApp.page)
    await arApp.page.locator('.article-link', { hasText: 'التقى' }).click()
    await waitForReader(arApp.page)
    expect(await arApp.page.locator('.reader').getAttribute('dir')).toBe('rtl')
    await screenshot(arApp.page, 'ui-ar-reader.png')

    // The export and share dialogs too (format and product names stay as they are).
    await arApp.page.keyboard.press('Control+e')
    await arApp.page.waitForSelector('dialog.export-dialog[open]')
    expect(await latinWords(arApp.page, 'dialog.export-dialog')).toEqual([])
    await screenshot(arApp.page, 'ui-ar-export.png')
    await arApp.page.keyboard.press('Escape')
    await arApp.page.locator('[data-action="share-notes"]').click()
    await arApp.page.waitForSelector('dialog[open]')
    expect(await latinWords(arApp.page, 'dialog[open]')).toEqual([])
    await arApp.page.keyboard.press('Escape')

    // Dialogs: help and settings speak Arabic too.
    await arApp.page.keyboard.press('?')
    await arApp.page.waitForSelector('dialog.help-dialog[open]')
    expect(await arApp.page.locator('dialog.help-dialog h2').first().textContent()).toBe(ar.helpTitle)
    expect(await latinWords(arApp.page, 'dialog.help-dialog')).toEqual([])
    await screenshot(arApp.page, 'ui-ar-help.png')
    await arApp.page.keyboard.press('Escape')

    // Library search, with its counts in Arabic words and digits.
    await arApp.page.keyboard.press('Control+k')
    await arApp.page.locator('#library-search').fill('الشيباني')
    await arApp.page.waitForSelector('.search-result')
    expect(await arApp.page.locator('.search-status').textContent()).toMatch(/[٠-٩]/)
    expect(await latinWords(arApp.page, '.app')).toEqual([])
    await screenshot(arApp.page, 'ui-ar-search.png')
    expect(arApp.pageErrors).toEqual([])
    expect(en.pageErrors).toEqual([])
  })

  it('Settings > Language switches the interface at once, keeps it, and returns to the settings', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = env.sessions[1] ?? (await open('en-GB'))
    const { page } = app
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await page.keyboard.press('Control+,')
    await page.waitForSelector('dialog.settings-panel[open]')
    expect(await page.getByRole('radio', { name: 'Like the system' }).first().isChecked()).toBe(true)
    await page.getByRole('radio', { name: 'العربية' }).check()
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    await page.waitForSelector('dialog.settings-panel[open]')
    expect(await page.locator('dialog.settings-panel h2').first().textContent()).toBe(ar.settingsTitle)
    expect(await page.getByRole('radio', { name: 'العربية' }).isChecked()).toBe(true)
    expect((await callApi<ReadingSettings>(page, 'getSettings')).language).toBe('ar')
    expect(await latinWords(page, 'dialog.settings-panel')).toEqual([])
    await screenshot(page, 'ui-ar-settings.png')

    // A restart keeps it; the OS language no longer decides.
    await page.reload()
    await waitForLibrary(page)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar')

    await page.keyboard.press('Control+,')
    await page.waitForSelector('dialog.settings-panel[open]')
    await page.getByRole('radio', { name: 'English' }).check()
    await page.waitForFunction(() => document.documentElement.dir === 'ltr')
    await page.waitForSelector('dialog.settings-panel[open]')
    expect(await page.locator('dialog.settings-panel h2').first().textContent()).toBe('Settings')
    expect((await callApi<ReadingSettings>(page, 'getSettings')).language).toBe('en')
    expect(app.pageErrors).toEqual([])
  })
})
