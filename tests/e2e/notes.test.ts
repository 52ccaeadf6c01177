import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  blockText,
  highlightIds,
  showBlock,
  highlightTexts,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
  type SavedAnnotation,
} from './annotation-helpers'
import { callApi, openApp, screenshot, startBrowser, waitForReader, type AppSession } from './harness'

/** A note that tries to become HTML, next to Markdown that should. */
const HOSTILE_NOTE =
  '<img src=x onerror=alert(1)> **bold** [site](https://example.org/x) [bad](javascript:alert(1))'

let browser: Browser | null = null
let app: AppSession | null = null
const dialogs: string[] = []

beforeAll(async () => {
  browser = await startBrowser()
  if (!browser) return
  app = await openApp(browser, { seed: true })
  app.page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
})

afterAll(async () => {
  await app?.close()
  await browser?.close()
})

/** Selects `length` characters from the start of `word` in a text block and presses `key`. */
async function highlightWord(page: Page, block: number, word: string, key: string, length = word.length) {
  const text = await blockText(page, block)
  const start = text.indexOf(word)
  expect(start, word).toBeGreaterThanOrEqual(0)
  await selectChars(page, block, start, start + length)
  const before = new Set(await highlightIds(page))
  await page.keyboard.press(key)
  await waitForHighlightCount(page, before.size + 1)
  return (await savedAnnotations(page)).find((a) => !before.has(a.id))!
}

/** Clicks the middle of a highlight's first element. */
async function clickHighlight(page: Page, id: string): Promise<void> {
  await page.locator(`.reader .ProseMirror [data-annotation-id="${id}"]`).first().click()
  await page.waitForSelector(`.highlight-popover:not([hidden])[data-annotation-for="${id}"]`)
}

const popover = (page: Page) => page.locator('.highlight-popover:not([hidden])')
const byId = async (page: Page, id: string): Promise<SavedAnnotation | undefined> =>
  (await savedAnnotations(page)).find((a) => a.id === id)

describe('notes, the notes panel and undo', () => {
  it('takes the author name from the settings panel', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.click('[data-action=settings]')
    const name = page.locator('dialog[open] .profile-name')
    await name.waitFor()
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('dialog[open] .profile-name')!.value !== '',
    )
    await name.fill('Layla ليلى')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog[open] .field-status:text("Saved.")')
    await page.keyboard.press('Escape')
    const profile = await callApi<{ displayName: string }>(page, 'getProfile')
    expect(profile.displayName).toBe('Layla ليلى')
  })

  it('renders a note as Markdown made of DOM nodes, never as HTML', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const a = await highlightWord(page, 0, 'لافروف', 'h')
    expect(a.creator.name).toBe('Layla ليلى')
    await clickHighlight(page, a.id)
    await popover(page).locator('[data-action=edit-note]').click()
    await popover(page).locator('textarea').fill(HOSTILE_NOTE)
    await popover(page).locator('[data-action=save-note]').click()
    await page.waitForSelector('.highlight-popover .annotation-note strong')
    expect((await byId(page, a.id))!.body.note).toBe(HOSTILE_NOTE)

    const item = page.locator(`.notes-panel .note-item[data-annotation-id="${a.id}"]`)
    await item.locator('.annotation-note strong').waitFor()
    const rendered = await item.evaluate((li) => {
      const note = li.querySelector('.annotation-note')!
      return {
        text: note.textContent,
        strong: Array.from(note.querySelectorAll('strong')).map((s) => s.textContent),
        links: Array.from(note.querySelectorAll('a')).map((l) => [
          l.getAttribute('href'),
          l.getAttribute('rel'),
        ]),
        author: li.querySelector('.annotation-author')!.textContent,
      }
    })
    expect(rendered.text).toContain('<img src=x onerror=alert(1)>')
    expect(rendered.strong).toEqual(['bold'])
    expect(rendered.links).toEqual([['https://example.org/x', 'noopener noreferrer']])
    expect(rendered.text).toContain('[bad](javascript:alert(1))')
    expect(rendered.author).toBe('Layla ليلى')
    await expect(
      page.evaluate(() => document.body.querySelectorAll('img, script, iframe').length),
    ).resolves.toBe(0)
    // A link in a note does not navigate.
    const url = page.url()
    await item.locator('.annotation-note a').click()
    expect(page.url()).toBe(url)
    await screenshot(page, 'notes-panel.png')
    await popover(page).locator('.popover-close').click()
    expect(dialogs).toEqual([])
  })

  it('adds tags in the popover and filters the panel by colour, tag, author and text', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const [first] = await savedAnnotations(page)
    await clickHighlight(page, first!.id)
    await popover(page).locator('.tag-input').fill('سياسة')
    await page.keyboard.press('Enter')
    await popover(page).locator('.tag:has-text("سياسة")').waitFor()
    expect((await byId(page, first!.id))!.body.tags).toEqual(['سياسة'])
    await page.keyboard.press('Escape')

    const second = await highlightWord(page, 1, 'الشيباني', '2')
    await page.waitForFunction(() => document.querySelectorAll('.notes-panel .note-item').length === 2)
    const shown = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.notes-panel .note-item')).map(
          (e) => e.dataset.annotationId,
        ),
      )
    await page.click('.notes-panel .notes-color[data-color=green]')
    expect(await shown()).toEqual([second.id])
    await page.click('.notes-panel .notes-clear')
    await page.selectOption('.notes-panel [data-filter=tag]', 'سياسة')
    expect(await shown()).toEqual([first!.id])
    await page.click('.notes-panel .notes-clear')
    await page.fill('.notes-panel .notes-search', 'BOLD')
    expect(await shown()).toEqual([first!.id])
    // Arabic folding: a shadda typed, or alef maqsura for the final yaa, still finds the name.
    await page.fill('.notes-panel .notes-search', 'الشَّيباني')
    expect(await shown()).toEqual([second.id])
    await page.fill('.notes-panel .notes-search', 'الشيبانى')
    expect(await shown()).toEqual([second.id])
    await page.click('.notes-panel .notes-clear')
    const authors = await page.locator('.notes-panel [data-filter=author] .author-toggle').allTextContents()
    expect(authors).toEqual(['Layla ليلى'])
    expect(await shown()).toEqual([first!.id, second.id])
  })

  it('undoes and redoes create, recolour, note edits and deletes (from the popover and the panel)', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const count = async () => (await savedAnnotations(page)).length
    const start = await count()

    // Create.
    const made = await highlightWord(page, 2, 'سوريا', '4')
    expect(await count()).toBe(start + 1)
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, start)
    expect(await byId(page, made.id)).toBeUndefined()
    await page.keyboard.press('Control+Shift+z')
    await waitForHighlightCount(page, start + 1)
    expect((await byId(page, made.id))!.target.quote.exact).toBe('سوريا')

    // Recolour.
    await clickHighlight(page, made.id)
    await popover(page).locator('.popover-color[data-color=blue]').click()
    await page.waitForSelector(`[data-annotation-id="${made.id}"].hl-blue`)
    await page.keyboard.press('Escape')
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')),
    ).resolves.toBe(true)
    await page.keyboard.press('Control+z')
    await page.waitForSelector(`[data-annotation-id="${made.id}"].hl-pink`)
    expect((await byId(page, made.id))!.body.color).toBe('pink')
    await page.keyboard.press('Control+y')
    await page.waitForSelector(`[data-annotation-id="${made.id}"].hl-blue`)
    expect((await byId(page, made.id))!.body.color).toBe('blue')

    // Note edits; Ctrl+Z inside the note editor belongs to the text field.
    for (const text of ['first note', 'second note']) {
      await clickHighlight(page, made.id)
      await popover(page).locator('[data-action=edit-note]').click()
      await popover(page).locator('textarea').fill(text)
      await popover(page).locator('[data-action=save-note]').click()
      await popover(page).locator(`.annotation-note:has-text("${text}")`).waitFor()
      await page.keyboard.press('Escape')
    }
    await clickHighlight(page, made.id)
    await popover(page).locator('[data-action=edit-note]').click()
    await popover(page).locator('textarea').pressSequentially(' more')
    await page.keyboard.press('Control+z')
    expect((await byId(page, made.id))!.body.note).toBe('second note')
    await popover(page).locator('button:has-text("Cancel")').click()
    await page.keyboard.press('Escape')
    await page.focus('.reader .ProseMirror')
    await page.keyboard.press('Control+z')
    await page.waitForSelector(
      `.notes-panel .note-item[data-annotation-id="${made.id}"] .annotation-note:has-text("first note")`,
    )
    expect((await byId(page, made.id))!.body.note).toBe('first note')
    await page.keyboard.press('Control+Shift+z')
    await page.waitForSelector(
      `.notes-panel .note-item[data-annotation-id="${made.id}"] .annotation-note:has-text("second note")`,
    )
    expect((await byId(page, made.id))!.body.note).toBe('second note')

    // Delete from the popover.
    await clickHighlight(page, made.id)
    await popover(page).locator('[data-action=delete]').click()
    await waitForHighlightCount(page, start)
    expect(await byId(page, made.id)).toBeUndefined()
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, start + 1)
    expect((await byId(page, made.id))!.body.note).toBe('second note')

    // Delete from the panel; focus stays in the panel, and Ctrl+Z still undoes.
    const texts = await highlightTexts(page)
    await page.click(`.notes-panel .note-item[data-annotation-id="${made.id}"] [data-action=delete]`)
    await waitForHighlightCount(page, start)
    expect(await byId(page, made.id)).toBeUndefined()
    await expect(page.evaluate(() => document.activeElement?.closest('.notes-panel') !== null)).resolves.toBe(
      true,
    )
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, start + 1)
    expect(await highlightTexts(page)).toEqual(texts)
    await page.waitForSelector(`.notes-panel .note-item[data-annotation-id="${made.id}"]`)
    // Redo the panel's delete, then undo it again so the next test has the highlight.
    await page.keyboard.press('Control+Shift+z')
    await waitForHighlightCount(page, start)
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, start + 1)
    // The panel lists it again once the restore is saved: the next test reads the panel.
    await page.waitForSelector(`.notes-panel .note-item[data-annotation-id="${made.id}"]`)
    expect(app.pageErrors).toEqual([])
  })

  it('shows every highlight and note in place again after a reload', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const notes = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.notes-panel .note-item')).map((e) => [
          e.dataset.annotationId,
          e.querySelector('.annotation-note')?.textContent ?? '',
          e.querySelector('.annotation-tags')?.textContent ?? '',
        ]),
      )
    const before = { texts: await highlightTexts(page), notes: await notes() }
    expect(Object.keys(before.texts)).toHaveLength(3)
    await page.reload()
    await waitForReader(page)
    await page.waitForSelector('.notes-panel .note-item')
    expect(await highlightTexts(page)).toEqual(before.texts)
    expect(await notes()).toEqual(before.notes)
  })

  it('shows a new highlight as saved only once main has written it', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    let release: () => void = () => undefined
    const held = new Promise<void>((r) => (release = r))
    await page.route('**/api/addAnnotation', async (route) => {
      await held
      await route.continue()
    })
    const count = (await highlightIds(page)).length
    const text = await blockText(page, 3)
    await selectChars(page, 3, text.indexOf('موسكو'), text.indexOf('موسكو') + 5)
    await page.keyboard.press('3')
    await page.waitForSelector('.reader .ProseMirror [data-pending].hl-pending')
    expect((await highlightIds(page)).length).toBe(count)
    await screenshot(page, 'highlight-pending.png')
    release()
    await waitForHighlightCount(page, count + 1)
    await page.unroute('**/api/addAnnotation')
    // Undo it, so the tests after this one see the same highlights as before.
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, count)
  })

  it('reports a failed save and keeps the note being written', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const failure = JSON.stringify({ ok: false, error: { code: 'storage', message: 'The disk is full.' } })
    await page.route('**/api/addAnnotation', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: failure }),
    )
    const count = (await highlightIds(page)).length
    const text = await blockText(page, 3)
    await selectChars(page, 3, text.indexOf('لافروف'), text.indexOf('لافروف') + 6)
    await page.keyboard.press('h')
    await page.waitForSelector('.toast-error:has-text("The highlight could not be saved: The disk is full.")')
    await page.waitForFunction(() => !document.querySelector('[data-pending]'))
    expect((await highlightIds(page)).length).toBe(count)
    // The selection is given back, to try again.
    await expect(page.evaluate(() => document.getSelection()!.toString())).resolves.toBe('لافروف')
    await page.unroute('**/api/addAnnotation')

    await page.route('**/api/updateAnnotation', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: failure }),
    )
    const [first] = await savedAnnotations(page)
    await clickHighlight(page, first!.id)
    await popover(page).locator('[data-action=edit-note]').click()
    await popover(page).locator('textarea').fill('keep this text')
    await popover(page).locator('[data-action=save-note]').click()
    await popover(page).locator('.field-error:has-text("The disk is full.")').waitFor()
    await expect(popover(page).locator('textarea').inputValue()).resolves.toBe('keep this text')
    // Escape tries to save too, and stays open with the text when it cannot.
    await page.keyboard.press('Escape')
    await expect(popover(page).locator('textarea').inputValue()).resolves.toBe('keep this text')
    await screenshot(page, 'popover-error.png')
    await page.unroute('**/api/updateAnnotation')
    await popover(page).locator('[data-action=save-note]').click()
    await popover(page).locator('.annotation-note:has-text("keep this text")').waitFor()
    expect((await byId(page, first!.id))!.body.note).toBe('keep this text')
    await page.keyboard.press('Escape')
  })

  for (const lang of ['en', 'ar'] as const)
    it(`keeps the popover beside the notes panel and inside the window, its error message included (${lang})`, async ({
      skip,
    }) => {
      if (!browser) return skip()
      const own = await openApp(browser, { seed: true, locale: lang === 'ar' ? 'ar-EG' : 'en-US' })
      try {
        const { page } = own
        await page.locator('.article-link').first().click()
        await waitForReader(page)
        const toggle = page.locator('[data-action=toggle-notes]')
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
        const panel = page.locator('.notes-panel')
        await panel.waitFor()
        // A word at the end of a line of the second paragraph nearest the panel: the popover, lined up
        // with the word, would reach over the panel.
        await showBlock(page, 1)
        const panelAtLeft = await panel.evaluate(
          (e) => e.getBoundingClientRect().left < window.innerWidth / 2,
        )
        const leftmost = await page.evaluate((panelAtLeft) => {
          const p = document.querySelectorAll('.reader .ProseMirror p')[1]!
          const text = p.textContent!
          const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!
          let best = { index: -1, x: Infinity }
          for (let i = 2; i < node.textContent!.length; i++) {
            if (!/\p{L}/u.test(text[i]!) || !/\p{L}/u.test(text[i - 2]!)) continue
            const range = document.createRange()
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            const r = range.getBoundingClientRect()
            const x = panelAtLeft ? r.left : -r.right
            if (r.top > window.innerHeight / 3 && x < best.x) best = { index: i, x }
          }
          return best.index
        }, panelAtLeft)
        expect(leftmost).toBeGreaterThan(0)
        await selectChars(page, 1, leftmost - 2, leftmost + 1)
        await page.keyboard.press('h')
        await waitForHighlightCount(page, 1)
        const [saved] = await savedAnnotations(page)
        const card = panel.locator(`.note-item[data-annotation-id="${saved!.id}"]`)
        await card.locator('[data-action=edit]').click()
        const box = popover(page)
        await box.locator('textarea').waitFor()
        const panelBox = (await panel.boundingBox())!
        const popoverBox = (await box.boundingBox())!
        expect(
          popoverBox.x >= panelBox.x + panelBox.width || popoverBox.x + popoverBox.width <= panelBox.x,
        ).toBe(true)

        // A long refusal: the popover grows, and is placed again so all of it stays in the window.
        const message = 'This highlight was changed elsewhere. '.repeat(16).trim()
        await page.route('**/api/updateAnnotation', (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ ok: false, error: { code: 'conflict', message } }),
          }),
        )
        await box.locator('textarea').fill('a note that cannot be saved')
        await box.locator('[data-action=save-note]').click()
        const error = box.locator('.field-error')
        await box.locator('.field-error:has-text("changed elsewhere")').waitFor()
        const viewport = page.viewportSize()!
        await expect
          .poll(async () => {
            const [p, e] = [(await box.boundingBox())!, (await error.boundingBox())!]
            return (
              p.y >= 0 && p.y + p.height <= viewport.height && e.y >= p.y && e.y + e.height <= viewport.height
            )
          })
          .toBe(true)
        await screenshot(page, `popover-beside-panel-error-${lang}.png`)
        await page.unroute('**/api/updateAnnotation')
        expect(own.pageErrors).toEqual([])
      } finally {
        await own.close()
      }
    })

  it('lists an annotation whose passage is not in the text under "Not found in this text"', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    // Main decides what is orphaned; here its answer is altered in flight to say one is.
    const [orphan] = await savedAnnotations(page)
    // The reader opens an article with openArticle (a short one comes whole).
    await page.route('**/api/openArticle', async (route) => {
      const response = await route.fetch()
      const body = (await response.json()) as {
        ok: boolean
        value: { kind: 'whole'; article: { annotations: SavedAnnotation[] } }
      }
      const list = body.value.article.annotations
      const i = list.findIndex((a) => a.id === orphan!.id)
      list.push({ ...list.splice(i, 1)[0]!, anchor: null })
      await route.fulfill({ response, body: JSON.stringify(body) })
    })
    await page.reload()
    await waitForReader(page)
    const section = page.locator('.notes-panel .notes-orphans')
    await section.waitFor()
    await expect(section.locator('h3').textContent()).resolves.toBe('Not found in this text')
    await expect(section.locator('.note-quote').textContent()).resolves.toBe(orphan!.target.quote.exact)
    expect(await highlightIds(page)).not.toContain(orphan!.id)
    // It can still be edited from the panel.
    await section.locator('[data-action=edit]').click()
    await popover(page).locator('.annotation-quote').waitFor()
    await page.keyboard.press('Escape')
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'edit',
    )
    await page.unroute('**/api/openArticle')
    expect(app.pageErrors).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })
})
