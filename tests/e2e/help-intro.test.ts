import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ar } from '../../common/i18n/ar'
import { en } from '../../common/i18n/en'
import { browserPerFile, openApp, RESULTS_DIR, screenshot } from './harness'

/**
 * The Help dialog tells a new user how to work (issue 16, item 13): how to
 * highlight (select, then a colour or the keys 1–5), add a note, find the
 * notes, search and export — in English and in Arabic — and the keys it
 * names are the ones the shortcut list below binds.
 */

const env = browserPerFile()

const TABLES = { 'en-US': en, ar } as const

describe('the Help dialog says how to highlight, add a note, search and export', () => {
  for (const locale of ['en-US', 'ar'] as const) {
    it(`in ${locale === 'ar' ? 'Arabic' : 'English'}`, async ({ skip }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: true, locale, width: 1400, height: 900 })
      env.sessions.push(app)
      const { page } = app
      await page.locator('body').press('?')
      const dialog = page.locator('dialog.help-dialog[open]')
      await dialog.waitFor()
      const table = TABLES[locale]
      const topics = await dialog
        .locator('.help-how-to li')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('data-topic'), li.textContent]))
      expect(topics).toEqual(Object.entries(table.helpHowTo))
      const text = (await dialog.textContent()) ?? ''
      expect(text).not.toContain(locale === 'ar' ? 'لنسخه' : 'select text to copy it')

      // What the sentences say, in the dialog's language.
      const how = Object.fromEntries(topics) as Record<string, string>
      if (locale === 'ar') {
        expect(how.highlight).toMatch(/حدّد نصًا.*لونًا.*1–5/)
        expect(how.note).toMatch(/ملاحظة.*N/)
        expect(how.search).toContain('البحث')
        expect(how.export).toMatch(/تصدير.*PDF.*Markdown/)
      } else {
        expect(how.highlight).toMatch(/select text.*colour.*1–5/i)
        expect(how.note).toMatch(/add a note.*press N/i)
        expect(how.search).toMatch(/Search.*every article.*Find in article/)
        expect(how.export).toMatch(/Export….*PDF, Markdown/)
      }
      // The keys it names are the keys the shortcut list binds to those commands.
      const keys = async (command: string) =>
        (await dialog.locator(`dl.shortcuts dt[data-command=${command}] kbd`).textContent()) ?? ''
      expect(await keys('highlight-note')).toBe('N')
      const colourKeys = (await keys('highlight-color')).replace(/\s/g, '')
      expect(colourKeys).toBe('1–5')
      expect(how.highlight).toContain(`\u2066${colourKeys}\u2069`)
      // The keys read 1–5 from left to right in either language (an isolate of their own).
      const order = await dialog.locator('.help-how-to li[data-topic=highlight]').evaluate((li) => {
        const text = li.firstChild!
        const at = (ch: string) => {
          const range = document.createRange()
          const i = text.textContent!.indexOf(ch)
          range.setStart(text, i)
          range.setEnd(text, i + 1)
          return range.getBoundingClientRect().left
        }
        return at('1') < at('5')
      })
      expect(order).toBe(true)
      await screenshot(page, `help-intro-${locale}.png`)
      await dialog
        .locator('.help-how-to')
        .screenshot({ path: join(RESULTS_DIR, `help-how-to-${locale}.png`) })
      expect(app.pageErrors).toEqual([])
    })
  }
})
