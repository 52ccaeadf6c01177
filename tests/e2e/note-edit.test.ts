import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  blockText,
  highlightIds,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
} from './annotation-helpers'
import type { AnchoredAnnotation } from '../../common/annotation'
import { hamishLink } from '../../common/hamish-link'
import { browserPerFile, callApi, openApp, screenshot, waitForReader, type AppSession } from './harness'

// Issue 15 review: an article note or a reply is edited in its card (not in the highlight
// popover), Escape never saves a change silently, deleting one says what was deleted, and
// deleting the middle reply of a thread keeps the replies below it in their place.

const env = browserPerFile()

async function open(locale: string): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, locale })
  env.sessions.push(app)
  await app.page.locator('.article-link').first().click()
  await waitForReader(app.page)
  await openPanel(app.page)
  return app
}

async function openPanel(page: Page): Promise<void> {
  const toggle = page.locator('[data-action=toggle-notes]')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await page.locator('.notes-panel').waitFor()
}

/** Opens the composer with `opener`, writes `text`, saves with Ctrl+Enter; the new annotation's id. */
async function write(page: Page, opener: string, text: string): Promise<string> {
  const before = new Set((await savedAnnotations(page)).map((a) => a.id))
  await page.locator(opener).first().click()
  await page.locator('.notes-panel .note-composer textarea').waitFor()
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  await page.waitForFunction(() => !document.querySelector('.notes-panel .note-composer'))
  return (await savedAnnotations(page)).find((a) => !before.has(a.id))!.id
}

async function noteOf(page: Page, id: string): Promise<string | undefined> {
  return (await savedAnnotations(page)).find((a) => a.id === id)?.body.note
}

const card = (id: string) => `.notes-panel .note-item[data-annotation-id="${id}"]`

const words = {
  en: {
    discard: 'Press Escape again',
    reply: 'Reply deleted.',
    note: 'Note deleted.',
    deletedReply: 'Deleted reply',
    inReplyToDeleted: 'In reply to a deleted note',
  },
  ar: {
    discard: 'اضغط Escape مرة أخرى',
    reply: 'حُذف الردّ.',
    note: 'حُذفت الملاحظة.',
    deletedReply: 'ردّ محذوف',
    inReplyToDeleted: 'ردًّا على ملاحظة محذوفة',
  },
}

describe('editing and deleting article notes and replies in the notes panel', () => {
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['ar', 'ar-EG'],
  ] as const)
    it(`edits in the card, Escape keeps what is saved, deletion keeps the thread (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const w = words[lang]
      const { page, pageErrors } = await open(locale)
      const text = await blockText(page, 0)
      const start = text.indexOf('لافروف')
      await selectChars(page, 0, start, start + 'لافروف'.length)
      await page.keyboard.press('h')
      await waitForHighlightCount(page, 1)
      const highlight = (await highlightIds(page))[0]!
      const note = await write(page, '[data-action=add-article-note]', 'About the article')
      const first = await write(page, `${card(highlight)} [data-action=reply]`, 'First reply')
      const middle = await write(page, `${card(first)} [data-action=reply]`, 'Middle reply')
      const last = await write(page, `${card(middle)} [data-action=reply]`, 'Last reply')

      // Deeper replies indent no further than two levels: as wide as the reply two levels up.
      const deeper = await write(page, `${card(last)} [data-action=reply]`, 'Deeper reply')
      const deepest = await write(page, `${card(deeper)} [data-action=reply]`, 'Deepest reply')
      const width = (id: string) => page.locator(card(id)).evaluate((e) => e.getBoundingClientRect().width)
      expect(Math.abs((await width(deepest)) - (await width(last)))).toBeLessThanOrEqual(1)
      expect(Math.abs((await width(deeper)) - (await width(last)))).toBeLessThanOrEqual(1)

      // 1. Edit opens the note's own editor in its card, with its text; no highlight popover.
      await page.locator(`${card(first)} > .note-footer [data-action=edit]`).click()
      const field = page.locator(`${card(first)} > .note-composer textarea`)
      await field.waitFor()
      expect(await field.inputValue()).toBe('First reply')
      expect(await field.evaluate((e) => e === document.activeElement)).toBe(true)
      expect(await page.locator('.highlight-popover:visible').count()).toBe(0)
      await page.keyboard.press('End')
      await page.keyboard.type(' XXXX')
      // Escape with a change asks first; nothing is saved.
      await page.keyboard.press('Escape')
      await page.locator(`${card(first)} > .note-composer .field-error:has-text("${w.discard}")`).waitFor()
      expect(await field.inputValue()).toBe('First reply XXXX')
      expect(await noteOf(page, first)).toBe('First reply')
      // The second Escape throws the change away.
      await page.keyboard.press('Escape')
      await page.waitForFunction(() => !document.querySelector('.notes-panel .note-composer'))
      expect(await noteOf(page, first)).toBe('First reply')
      expect(await page.locator(`${card(first)} > .annotation-note`).textContent()).toContain('First reply')
      // Ctrl+Enter saves an edit.
      await page.locator(`${card(first)} > .note-footer [data-action=edit]`).click()
      await field.waitFor()
      await page.keyboard.press('End')
      await page.keyboard.type(' edited')
      await page.keyboard.press('Control+Enter')
      await page.waitForFunction(() => !document.querySelector('.notes-panel .note-composer'))
      expect(await noteOf(page, first)).toBe('First reply edited')

      // 2 and 3. Deleting the middle reply says "Reply deleted." and keeps the last one in its place.
      await page.locator(`${card(middle)} > .note-footer [data-action=delete]`).click()
      await page.locator(`.toast-message:has-text("${w.reply}")`).waitFor()
      const placeholder = `${card(first)} > ol.note-replies > li.note-deleted-reply[data-annotation-id="${middle}"]`
      await page
        .locator(`${placeholder} > ol.note-replies > ${card(last).replace('.notes-panel ', '')}`)
        .waitFor()
      expect(await page.locator(`${placeholder} > .note-deleted`).textContent()).toBe(w.deletedReply)
      expect(await page.locator(`${card(last)} > .note-in-reply`).textContent()).toBe(w.inReplyToDeleted)
      expect(await page.locator('.notes-orphan-replies:not([hidden])').count()).toBe(0)
      await screenshot(page, `note-deleted-reply-${lang}.png`)
      // The same after a reload (main keeps the deleted reply's place).
      await page.reload()
      await waitForReader(page)
      await openPanel(page)
      await page
        .locator(`${placeholder} > ol.note-replies > ${card(last).replace('.notes-panel ', '')}`)
        .waitFor()
      expect(await page.locator('.notes-orphan-replies:not([hidden])').count()).toBe(0)

      // Deleting the article note says "Note deleted."; Undo brings it back.
      await page.locator(`${card(note)} > .note-footer [data-action=delete]`).click()
      await page.locator(`.toast-message:has-text("${w.note}")`).waitFor()
      await page.locator('.toast-action').last().click()
      await page.locator(card(note)).waitFor()
      expect(pageErrors).toEqual([])
    })
})

describe('hamish:// links to an article note or a reply', () => {
  for (const [lang, locale, gone] of [
    ['en', 'en-US', 'This note is no longer in the article.'],
    ['ar', 'ar-EG', 'لم تعد هذه الملاحظة في المقالة.'],
  ] as const)
    it(`open the notes panel on the card, focused and flashed; a deleted one says so (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: true, locale })
      env.sessions.push(app)
      const { page } = app
      const [summary] = await callApi<{ id: string }[]>(page, 'listArticles')
      const articleId = summary!.id
      const note = await callApi<AnchoredAnnotation>(page, 'addNote', {
        articleId,
        about: { kind: 'article' },
        note: 'A note on the whole article',
      })
      const reply = await callApi<AnchoredAnnotation>(page, 'addNote', {
        articleId,
        about: { kind: 'reply', annotationId: note.id },
        note: 'A reply to it',
      })
      const origin = new URL(app.preview.url).origin
      const openLink = (link: string) => page.goto(`${origin}/?open=${encodeURIComponent(link)}`)
      for (const target of [reply, note]) {
        await openLink(hamishLink({ articleId, annotationId: target.id }))
        await waitForReader(page)
        const flashed = page.locator(
          `.notes-panel:not([hidden]) ${card(target.id).replace('.notes-panel ', '')}.note-flash`,
        )
        await flashed.waitFor({ timeout: 15_000 })
        expect(await flashed.evaluate((e) => e === document.activeElement)).toBe(true)
      }
      await screenshot(page, `app-link-note-${lang}.png`)
      // Deleted since the link was made: the article opens and a toast says why nothing is shown.
      await callApi(page, 'deleteAnnotation', articleId, reply.id)
      await page.goto(`${origin}/#/`)
      await openLink(hamishLink({ articleId, annotationId: reply.id }))
      await waitForReader(page)
      await page.locator(`.toast-message:has-text("${gone}")`).waitFor({ timeout: 15_000 })
      // An id this library never had: the same.
      await page.goto(`${origin}/#/`)
      await openLink(hamishLink({ articleId, annotationId: '0b9f5d8e-1c2a-4e3b-9d4c-5e6f7a8b9c0d' }))
      await waitForReader(page)
      await page.locator(`.toast-message:has-text("${gone}")`).waitFor({ timeout: 15_000 })
      expect(app.pageErrors).toEqual([])
    })
})
