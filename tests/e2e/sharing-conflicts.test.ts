import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openArticleId, waitForHighlightCount } from './annotation-helpers'
import {
  callApi,
  dropFiles,
  openApp,
  screenshot,
  waitForReader,
  type AppSession,
  browserPerFile,
} from './harness'

const env = browserPerFile()

async function session(options: { seed: boolean; locale?: string }): Promise<AppSession> {
  const s = await openApp(env.browser!, options)
  env.sessions.push(s)
  return s
}

const bytes = (text: string) => ({ $bytes: Buffer.from(text).toString('base64') })

async function firstArticle(page: Page): Promise<string> {
  return (await callApi<{ id: string }[]>(page, 'listArticles'))[0]!.id
}

async function offsetOf(page: Page, articleId: string, word: string): Promise<number> {
  const article = await callApi<{ doc: { content: { content?: { text?: string }[] }[] } }>(
    page,
    'getArticle',
    articleId,
  )
  const first = article.doc.content[0]!.content!.map((n) => n.text ?? '\n').join('')
  return Array.from(first.slice(0, first.indexOf(word))).length
}

async function exported(page: Page, articleId: string): Promise<string> {
  const file = await callApi<{ bytes: { $bytes: string } }>(page, 'exportAnnotations', articleId, {
    bundle: false,
  })
  return Buffer.from(file.bytes.$bytes, 'base64').toString('utf8')
}

/**
 * A note by a third colleague (Layla) reaches both; the colleague (Omar) extends it while this
 * library edits it too; Omar's file is then dropped here.
 */
async function concurrentEdit(me: Page, omar: Page, layla: Page): Promise<string> {
  const laylaArticle = await firstArticle(layla)
  await callApi(layla, 'setDisplayName', 'ليلى')
  const start = await offsetOf(layla, laylaArticle, 'موسكو')
  const note = await callApi<{ id: string; modified: string }>(layla, 'addAnnotation', {
    articleId: laylaArticle,
    start,
    end: start + 5,
    quote: 'موسكو',
    color: 'blue',
    note: 'عاصمة',
  })
  const original = await exported(layla, laylaArticle)
  for (const page of [me, omar])
    await callApi(page, 'importAnnotations', { name: 'layla.hamish.json', bytes: bytes(original) })
  const mine = await firstArticle(me)
  const omars = await firstArticle(omar)
  await callApi(omar, 'setDisplayName', 'عمر')
  // Each edits the version it holds: Layla's, as both imported it.
  await callApi(
    omar,
    'updateAnnotation',
    omars,
    note.id,
    { note: 'عاصمة روسيا، كما أضاف عمر', tags: ['روسيا'] },
    note.modified,
  )
  await callApi(me, 'updateAnnotation', mine, note.id, { note: 'عاصمة — تعديلي' }, note.modified)
  await dropFiles(me, [
    { name: 'omar.hamish.json', text: await exported(omar, omars), type: 'application/json' },
  ])
  return note.id
}

describe('a colleague’s concurrent edit is kept and shown as “their version”', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`report with both texts, Use theirs / Keep mine / Keep both on the note (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const locale = lang === 'ar' ? 'ar-EG' : 'en-US'
      const [me, omar, layla] = await Promise.all([
        session({ seed: true, locale }),
        session({ seed: true }),
        session({ seed: true }),
      ])
      const { page } = me
      await page.locator('.article-link').first().click()
      await waitForReader(page)
      const noteId = await concurrentEdit(page, omar.page, layla.page)

      const report = page.locator('dialog.annotation-import-dialog')
      const conflict = report.locator(`.report-conflicts li[data-id="${noteId}"]`)
      await conflict.waitFor()
      expect(await conflict.locator('.report-version-ours .report-version-note').textContent()).toBe(
        'عاصمة — تعديلي',
      )
      expect(await conflict.locator('.report-version-theirs .report-version-note').textContent()).toBe(
        'عاصمة روسيا، كما أضاف عمر',
      )
      // Named by its passage and by whom, never by id; every field of both versions, tags included.
      const line = (await conflict.textContent())!
      expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
      expect(await conflict.locator('.report-changed-by').textContent()).toContain('ليلى')
      expect(await conflict.locator('.report-version-theirs .report-version-fields').textContent()).toBe(
        lang === 'en'
          ? ' (colour: Blue, tags: \u2068روسيا\u2069)'
          : ' (اللون: أزرق، الوسوم: \u2068روسيا\u2069)',
      )
      expect(await conflict.locator('.report-version-ours .report-version-fields').textContent()).toBe(
        lang === 'en' ? ' (colour: Blue, no tags)' : ' (اللون: أزرق، بلا وسوم)',
      )
      // The quote marks follow the sentence's direction; the Arabic passage is isolated inside them.
      const quote = conflict.locator('q.report-quote')
      expect(await quote.evaluate((q) => getComputedStyle(q).direction)).toBe(lang === 'en' ? 'ltr' : 'rtl')
      expect(await quote.locator('bdi').textContent()).toBe('موسكو')
      await screenshot(page, `sharing-conflict-report-${lang}.png`)
      await report.locator('[data-action=open-article]').click()
      await waitForReader(page)
      await waitForHighlightCount(page, 1)

      const toggle = page.locator('[data-action=toggle-notes]')
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
      const item = page.locator(`.notes-panel .note-item[data-annotation-id="${noteId}"]`)
      const theirs = item.locator('.their-version')
      await theirs.waitFor()
      expect(await item.locator('.annotation-note').first().textContent()).toContain('عاصمة — تعديلي')
      expect(await theirs.locator('.annotation-note').textContent()).toContain('عاصمة روسيا، كما أضاف عمر')
      expect(await theirs.locator('.their-version-heading').textContent()).toBe(
        lang === 'en' ? 'Their version' : 'نسختهم',
      )
      expect(await theirs.locator('button').allTextContents()).toEqual(
        lang === 'en'
          ? ['Use theirs', 'Keep mine', 'Keep both']
          : ['استخدم نسختهم', 'أبقِ نسختي', 'أبقِ الاثنتين'],
      )
      await screenshot(page, `sharing-their-version-${lang}.png`)

      // Keep both: a second note of mine on the same passage carries their text; nothing waits any more.
      await theirs.locator('[data-choice=both]').click()
      await waitForHighlightCount(page, 2)
      await page.locator('.notes-panel .note-item').nth(1).waitFor()
      expect(await page.locator('.notes-panel .their-version').count()).toBe(0)
      // Focus stays on the card settled (not on the page's body, where the keyboard starts over).
      await expect
        .poll(() =>
          page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.annotationId ?? null),
        )
        .toBe(noteId)
      const notes = (
        await callApi<{ annotations: { body: { note: string }; others?: unknown[] }[] }>(
          page,
          'getArticle',
          await openArticleId(page),
        )
      ).annotations
      expect(notes.map((a) => a.body.note).sort()).toEqual(
        ['عاصمة روسيا، كما أضاف عمر', 'عاصمة — تعديلي'].sort(),
      )
      expect(notes.every((a) => a.others === undefined)).toBe(true)

      // Share notes… > Export annotations: the toast keeps the Arabic file name whole, the
      // extension after it, outside the name's isolate.
      await page.locator('[data-action=share-notes]').click()
      await page.locator('[data-action=export-annotations]').click()
      const toast = page.locator('.toast-message').last()
      await toast.waitFor()
      expect(await toast.textContent()).toMatch(
        lang === 'en'
          ? /^Exported \u2068\u2068[^\u2069]*\u2069\.hamish\.json\u2069\.$/
          : /\u2068\u2068[^\u2069.]*\u2069\.hamish\.json\u2069/,
      )
      await screenshot(page, `sharing-export-toast-${lang}.png`)
      expect(me.pageErrors).toEqual([])
    })
  }
})

describe('a file whose article is not here is not attached to an unrelated one by default', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`nothing pre-selected below a strong match, weak matches marked, a way to ask for a bundle, orphans-only asks first (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const [me, other] = await Promise.all([
        session({ seed: true, locale: lang === 'ar' ? 'ar-EG' : 'en-US' }),
        session({ seed: false }),
      ])
      // The colleague's article is unrelated to the only one here (the sample), but shares a word of its title.
      const added = await callApi<{ article: { id: string } }>(other.page, 'importFile', {
        name: 'other.txt',
        bytes: bytes('لافروف في مقالة أخرى\n\nنص مختلف تمامًا عن الطقس والزراعة في الريف.\n'),
      })
      const start = await offsetOf(other.page, added.article.id, 'الزراعة')
      await callApi(other.page, 'addAnnotation', {
        articleId: added.article.id,
        start,
        end: start + 7,
        quote: 'الزراعة',
        color: 'green',
        note: 'ملاحظة عن الزراعة',
      })
      const text = await exported(other.page, added.article.id)
      const { page } = me
      await dropFiles(page, [{ name: 'other.hamish.json', text, type: 'application/json' }])
      const dialog = page.locator('dialog.annotation-import-dialog')
      const option = dialog.locator('.choose-article-option').first()
      await option.waitFor()
      expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0)
      expect(await option.locator('.choose-article-weak').count()).toBe(1)
      const missing = dialog.locator('[data-action=missing-article]')
      expect(await missing.getAttribute('class')).toContain('primary')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
        'missing-article',
      )
      await screenshot(page, `sharing-chooser-weak-${lang}.png`)

      // Picking the weak match anyway: every note would be unplaced, so it asks, and nothing is written yet.
      // The library has no other article to choose: the way to ask for a bundle is the main action.
      await option.locator('input[type=radio]').check()
      await dialog.locator('[data-action=import-chosen]').click()
      const ask = dialog.locator('.orphans-confirm')
      await ask.waitFor()
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
        'missing-article',
      )
      expect(await dialog.locator('[data-action=missing-article]').getAttribute('class')).toContain('primary')
      const article = await firstArticle(page)
      expect((await callApi<{ annotations: unknown[] }>(page, 'getArticle', article)).annotations).toEqual([])
      await screenshot(page, `sharing-orphans-confirm-${lang}.png`)
      await page.keyboard.press('Enter')
      await dialog.locator('.ask-bundle').waitFor()
      await screenshot(page, `sharing-ask-bundle-${lang}.png`)
      expect((await callApi<{ annotations: unknown[] }>(page, 'getArticle', article)).annotations).toEqual([])
      await dialog.locator('.dialog-actions button.primary, .sharing-actions button.primary').first().click()
      await dialog.waitFor({ state: 'hidden' })

      // With another article to choose, going back to the choice stays the main action.
      await callApi(page, 'importFile', {
        name: 'second.txt',
        bytes: bytes('مقالة ثانية\n\nنص آخر عن البحر والسفن في الموانئ القديمة.\n'),
      })
      await dropFiles(page, [{ name: 'other.hamish.json', text, type: 'application/json' }])
      await option.waitFor()
      await dialog.locator(`.choose-article-option[data-article-id="${article}"] input[type=radio]`).check()
      await dialog.locator('[data-action=import-chosen]').click()
      await ask.waitFor()
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
        'choose-again',
      )
      await dialog.locator('[data-action=choose-again]').click()
      await missing.waitFor()
      await missing.click()
      await dialog.locator('.ask-bundle').waitFor()
      expect((await callApi<{ annotations: unknown[] }>(page, 'getArticle', article)).annotations).toEqual([])
      expect(me.pageErrors).toEqual([])
    })
  }
})
