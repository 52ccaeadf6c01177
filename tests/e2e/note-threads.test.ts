import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  blockText,
  highlightIds,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
} from './annotation-helpers'
import { readFileSync } from 'node:fs'
import {
  browserPerFile,
  callApi,
  dropFiles,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

// Issue 15: a note about the whole article, a reply to a highlight and a reply to that reply,
// written in the notes panel with the keyboard, kept after a reload, shown as a thread.

const env = browserPerFile()

async function open(locale: string, name: string): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, locale })
  env.sessions.push(app)
  await callApi(app.page, 'setDisplayName', name)
  await app.page.locator('.article-link').first().click()
  await waitForReader(app.page)
  const toggle = app.page.locator('[data-action=toggle-notes]')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await app.page.locator('.notes-panel').waitFor()
  return app
}

/** Writes a note in the open composer and saves it with Ctrl+Enter; resolves with the new card's id. */
async function writeAndSave(page: Page, text: string): Promise<string> {
  const before = new Set((await savedAnnotations(page)).map((a) => a.id))
  const field = page.locator('.notes-panel .note-composer textarea')
  await field.waitFor()
  expect(await field.evaluate((e) => e === document.activeElement)).toBe(true)
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  await page.waitForFunction(() => !document.querySelector('.notes-panel .note-composer'))
  const made = (await savedAnnotations(page)).find((a) => !before.has(a.id))!
  // Focus lands on the new card itself.
  await page.waitForFunction(
    (id) => document.activeElement?.getAttribute('data-annotation-id') === id,
    made.id,
  )
  return made.id
}

async function threadOnPage(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.notes-panel')!
    const card = (li: Element) => ({
      id: li.getAttribute('data-annotation-id'),
      note: li.querySelector(':scope > .annotation-note')?.textContent?.trim(),
      inReply: li.querySelector(':scope > .note-in-reply')?.textContent ?? null,
      author: li.querySelector(':scope > .note-footer .annotation-author')?.textContent,
      replies: Array.from(li.querySelectorAll(':scope > ol.note-replies > li')).map((r) =>
        r.getAttribute('data-annotation-id'),
      ),
      repliesLabel: li.querySelector(':scope > ol.note-replies')?.getAttribute('aria-label') ?? null,
    })
    return {
      articleNotes: Array.from(panel.querySelectorAll('.notes-article-list > li')).map(card),
      cards: Array.from(panel.querySelectorAll('.note-item')).map(card),
    }
  })
}

describe('article notes and threads of replies in the notes panel', () => {
  for (const [lang, locale, name] of [
    ['en', 'en-US', 'Layla'],
    ['ar', 'ar-EG', 'ليلى'],
  ] as const)
    it(`adds an article note, a reply to a highlight and a reply to it, all kept after a reload (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const { page, pageErrors } = await open(locale, name)
      // A highlight to answer.
      const text = await blockText(page, 0)
      const start = text.indexOf('لافروف')
      await selectChars(page, 0, start, start + 'لافروف'.length)
      await page.keyboard.press('h')
      await waitForHighlightCount(page, 1)
      const highlight = (await highlightIds(page))[0]!

      // The article note, from the keyboard: focus the button, Enter, type, Ctrl+Enter.
      await page.locator('[data-action=add-article-note]').focus()
      await page.keyboard.press('Enter')
      const note = await writeAndSave(page, 'About the **whole** article <img src=x onerror=alert(1)>')

      await page.locator(`.note-item[data-annotation-id="${highlight}"] [data-action=reply]`).first().click()
      const reply = await writeAndSave(page, 'First reply')
      await page.locator(`.note-item[data-annotation-id="${reply}"] [data-action=reply]`).first().click()
      const nested = await writeAndSave(page, 'Reply to the reply')

      const saved = new Map((await savedAnnotations(page)).map((a) => [a.id, a]))
      expect(saved.get(note)).toMatchObject({ about: { kind: 'article' } })
      expect(saved.get(reply)).toMatchObject({ about: { kind: 'reply', annotationId: highlight } })
      expect(saved.get(nested)).toMatchObject({ about: { kind: 'reply', annotationId: reply } })

      await page.reload()
      await waitForReader(page)
      const toggle = page.locator('[data-action=toggle-notes]')
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
      await page.locator(`.note-item[data-annotation-id="${nested}"]`).waitFor()
      const shown = await threadOnPage(page)
      expect(shown.articleNotes.map((c) => c.id)).toEqual([note])
      // Markdown rendered as DOM, the <img> kept as text.
      expect(
        await page.locator(`.notes-article-list [data-annotation-id="${note}"] strong`).textContent(),
      ).toBe('whole')
      expect(shown.articleNotes[0]!.note).toContain('<img src=x onerror=alert(1)>')
      const byId = new Map(shown.cards.map((c) => [c.id, c]))
      expect(byId.get(highlight)!.replies).toEqual([reply])
      expect(byId.get(reply)!.replies).toEqual([nested])
      expect(byId.get(reply)!.author).toBe(name)
      // Each reply says whom it answers; each thread is a list named for whom it answers.
      expect(byId.get(nested)!.inReply).toContain(name)
      expect(byId.get(highlight)!.repliesLabel).toContain(name)
      // Not drawn in the text, and not "Not found in this text".
      expect(await highlightIds(page)).toEqual([highlight])
      expect(await page.locator('.notes-panel .notes-orphans:not([hidden])').count()).toBe(0)
      // The panel's search finds a reply, and shows it within its thread.
      await page.locator('.notes-search').fill('Reply to the')
      await page.waitForFunction(
        () => document.querySelectorAll('.notes-panel > ol.notes-list > .note-item').length === 1,
      )
      expect(
        await page
          .locator(`.notes-panel > ol.notes-list > .note-item[data-annotation-id="${highlight}"]`)
          .count(),
      ).toBe(1)
      await page.locator('.notes-search').fill('')
      await page.locator(`.note-item[data-annotation-id="${nested}"]`).waitFor()
      await screenshot(page, `note-threads-${lang}.png`)

      // Deleting the highlight keeps its replies, under "Replies to a deleted note".
      await callApi(page, 'deleteAnnotation', await articleIdOf(page), highlight)
      await page.locator(`.notes-orphan-replies .note-item[data-annotation-id="${reply}"]`).waitFor()
      expect(await page.locator(`.notes-orphan-replies [data-annotation-id="${nested}"]`).count()).toBe(1)
      expect(pageErrors).toEqual([])
    })
})

describe('a Hypothesis export with page notes and replies, dropped on the window', () => {
  it('is imported into the chosen article, the report lists the reply kept as an article note, the panel shows the thread', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: false, locale: 'en-US' })
    env.sessions.push(app)
    const { page } = app
    const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url))
    await callApi(page, 'importFile', {
      name: 'al-andalus.txt',
      bytes: { $bytes: fixture('arcd-02-al-andalus.txt').toString('base64') },
    })
    await page.reload()
    await waitForLibrary(page)
    await dropFiles(page, [
      { name: 'thread.json', text: fixture('hypothesis/al-andalus-thread.hypothesis.json').toString('utf8') },
    ])
    // No fingerprint: the article is chosen, pre-selected as a strong match by its quotes.
    await page.locator('dialog[open] [data-action=import-chosen]:not([disabled])').click()
    await page.locator('dialog[open] .report-adjusted').waitFor({ timeout: 15_000 })
    // The id in the sentence is isolated (U+2068…U+2069) so it keeps its direction in an Arabic line.
    const adjusted = await page.locator('dialog[open] .report-adjusted li').allTextContents()
    expect(adjusted.map((t) => t.replace(/[\u2066-\u2069]/g, ''))).toEqual([
      'hypothesis:LoStRePlYAAAAAAAAAAAAA: it replies to an annotation that is not in the file (NoTiNfIlEAAAAAAAAAAAAA), so it was kept as a note on the article',
    ])
    expect(await page.locator('dialog[open] .report-rejected').count()).toBe(0)
    await page.locator('dialog[open] [data-action=open-article]').click()
    await waitForReader(page)
    const toggle = page.locator('[data-action=toggle-notes]')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await page.locator('.note-item[data-annotation-id="hypothesis:RePlY2AAAAAAAAAAAAAAAA"]').waitFor()
    const shown = await threadOnPage(page)
    expect(shown.articleNotes.map((c) => c.id)).toEqual([
      'hypothesis:PaGeNoTe1AAAAAAAAAAAAA',
      'hypothesis:LoStRePlYAAAAAAAAAAAAA',
    ])
    const byId = new Map(shown.cards.map((c) => [c.id, c]))
    expect(byId.get('hypothesis:Th1gHlIgHtAAAAAAAAAAAA')!.replies).toEqual([
      'hypothesis:RePlY1AAAAAAAAAAAAAAAA',
    ])
    expect(byId.get('hypothesis:RePlY1AAAAAAAAAAAAAAAA')!.replies).toEqual([
      'hypothesis:RePlY2AAAAAAAAAAAAAAAA',
    ])
    expect(byId.get('hypothesis:RePlY2AAAAAAAAAAAAAAAA')!.inReply).toBe('In reply to \u2068Omar K.\u2069')
    expect(byId.get('hypothesis:PaGeNoTe1AAAAAAAAAAAAA')!.replies).toEqual([
      'hypothesis:RePlYoNpAgEnOtEAAAAAAA',
    ])
  })
})

async function articleIdOf(page: Page): Promise<string> {
  return page.evaluate(() => decodeURIComponent(location.hash.split('/').pop()!))
}
