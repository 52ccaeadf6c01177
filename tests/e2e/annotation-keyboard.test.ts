import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '../../common/annotation'
import {
  blockText,
  charPoint,
  dragSelect,
  highlightIds,
  savedAnnotations,
  selectChars,
  showBlock,
  waitForHighlightCount,
  type SavedAnnotation,
} from './annotation-helpers'
import { appPerFile, screenshot, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
// The seeded library holds the Arabic sample article.
appPerFile({ seed: true }, (session) => (app = session))

const popover = (page: Page) => page.locator('.highlight-popover:not([hidden])')
const card = (page: Page, id: string) => page.locator(`.notes-panel .note-item[data-annotation-id="${id}"]`)

/** Opens the sample article with the notes panel shown. */
async function openSample(page: Page): Promise<void> {
  if (!(await page.locator('.reader .ProseMirror').count())) {
    await page.locator('.article-link').first().click()
    await waitForReader(page)
  }
  const toggle = page.locator('[data-action=toggle-notes]')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

/** Selects `word` in a text block and presses `key`; returns the annotation that made. */
async function highlightWord(page: Page, block: number, word: string, key: string): Promise<SavedAnnotation> {
  const text = await blockText(page, block)
  const start = text.indexOf(word)
  expect(start, word).toBeGreaterThanOrEqual(0)
  await selectChars(page, block, start, start + word.length)
  const before = new Set(await highlightIds(page))
  await page.keyboard.press(key)
  await waitForHighlightCount(page, before.size + 1)
  return (await savedAnnotations(page)).find((a) => !before.has(a.id))!
}

/** What has keyboard focus: its tag, classes, data-action and the annotation it belongs to. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null
    return {
      tag: e?.tagName.toLowerCase(),
      action: e?.dataset.action ?? null,
      annotation: e?.closest<HTMLElement>('[data-annotation-id]')?.dataset.annotationId ?? null,
      inText: e?.classList.contains('ProseMirror') ?? false,
      noteField: e?.matches('.highlight-popover .note-input') ?? false,
    }
  })
}

describe('annotations from the keyboard', () => {
  it('starts Edit in the notes panel in the note field, so typing a space writes it and never recolours', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await openSample(page)
    // Colour 3, so that a space on the popover's first colour (yellow) would change it.
    const plain = await highlightWord(page, 0, 'لافروف', '3')
    expect(plain.body).toEqual({ color: HIGHLIGHT_COLORS[2], note: '', tags: [] })
    await card(page, plain.id).locator('[data-action=edit]').focus()
    await page.keyboard.press('Enter')
    await popover(page).waitFor()
    expect((await focused(page)).noteField).toBe(true)
    await screenshot(page, 'popover-edit-from-panel.png')
    await page.keyboard.type('a note, typed at once')
    // Escape saves the note and gives focus back to Edit.
    await page.keyboard.press('Escape')
    await card(page, plain.id).locator('.annotation-note:has-text("a note, typed at once")').waitFor()
    const saved = (await savedAnnotations(page)).find((a) => a.id === plain.id)!
    expect(saved.body).toEqual({ color: HIGHLIGHT_COLORS[2], note: 'a note, typed at once', tags: [] })
    expect(await focused(page)).toMatchObject({ action: 'edit', annotation: plain.id })

    // A highlight with a note: Edit puts its text in the field, focus there.
    await page.keyboard.press('Enter')
    await popover(page).waitFor()
    expect((await focused(page)).noteField).toBe(true)
    await expect(popover(page).locator('.note-input').inputValue()).resolves.toBe('a note, typed at once')
    await page.keyboard.press('Escape')
    await popover(page).waitFor({ state: 'hidden' })
    expect(app.pageErrors).toEqual([])
  })

  it('puts focus on the next card itself after Delete in the notes panel, so one more Enter deletes nothing', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await openSample(page)
    await highlightWord(page, 1, 'موسكو', 'h')
    await highlightWord(page, 1, 'دمشق', 'h')
    const order = (await savedAnnotations(page)).map((a) => a.id)
    expect(order.length).toBeGreaterThanOrEqual(3)
    const [first, second] = order
    await card(page, first!).locator('[data-action=delete]').focus()
    await page.keyboard.press('Enter')
    await waitForHighlightCount(page, order.length - 1)
    await page.waitForFunction(
      (id) => document.activeElement?.matches(`.notes-panel .note-item[data-annotation-id="${id}"]`),
      second,
    )
    expect(await focused(page)).toMatchObject({ tag: 'li', action: null, annotation: second })
    await screenshot(page, 'notes-panel-focus-after-delete.png')
    // Enter again: the card is not a button; nothing more is deleted.
    await page.keyboard.press('Enter')
    expect((await savedAnnotations(page)).map((a) => a.id)).toEqual(order.slice(1))
    expect(await highlightIds(page)).toHaveLength(order.length - 1)

    // The last card deleted: focus goes to the one before it.
    const last = order[order.length - 1]!
    await card(page, last).locator('[data-action=delete]').focus()
    await page.keyboard.press('Enter')
    await waitForHighlightCount(page, order.length - 2)
    await page.waitForFunction(
      (id) => document.activeElement?.matches(`.notes-panel .note-item[data-annotation-id="${id}"]`),
      order[order.length - 2],
    )
    // Put both back (Ctrl+Z twice), for the test after this one.
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, order.length - 1)
    await page.keyboard.press('Control+z')
    await waitForHighlightCount(page, order.length)
    expect(app.pageErrors).toEqual([])
  })

  it('highlights with H, 1–5 and N after a drag that starts in the margin', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await openSample(page)
    const block = 3
    /** Drags from the margin beside the start of a line (right of the text: the article is Arabic) into it. */
    const dragFromMargin = async (): Promise<string> => {
      await page.evaluate(() => document.getSelection()!.removeAllRanges())
      await showBlock(page, block)
      const into = await charPoint(page, block, 12)
      const text = await page.locator('.reader .ProseMirror').boundingBox()
      const selected = await dragSelect(page, { x: text!.x + text!.width + 24, y: into.y }, into)
      await page.waitForSelector('.selection-toolbar:not([hidden])')
      return selected
    }
    const keys: [key: string, color: string][] = [
      ['2', HIGHLIGHT_COLORS[1]!],
      ['5', HIGHLIGHT_COLORS[4]!],
      ['h', HIGHLIGHT_COLORS[4]!], // H: the last colour used
    ]
    for (const [key, color] of keys) {
      const selected = await dragFromMargin()
      expect(selected.trim().length).toBeGreaterThan(3)
      // Focus is on the page around the text, not in it: the case the keys must work in.
      expect((await focused(page)).inText).toBe(false)
      const before = new Set(await highlightIds(page))
      await page.keyboard.press(key)
      await waitForHighlightCount(page, before.size + 1)
      const made = (await savedAnnotations(page)).find((a) => !before.has(a.id))!
      expect(made.body.color).toBe(color)
      expect(selected).toContain(made.target.quote.exact.trim())
    }
    // N highlights and opens the note editor, focus in its field.
    await dragFromMargin()
    const before = new Set(await highlightIds(page))
    await page.keyboard.press('n')
    await waitForHighlightCount(page, before.size + 1)
    await popover(page).locator('.note-input').waitFor()
    expect((await focused(page)).noteField).toBe(true)
    await page.keyboard.press('Escape')
    expect(app.pageErrors).toEqual([])
  })
})
