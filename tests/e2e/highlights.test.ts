import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '../../common/annotation'
import type { DocNode } from '../../common/document'
import { plainText } from '../../common/plain-text'
import { ROOT } from '../support/preview'
import {
  blockText,
  charPoint,
  dragSelect,
  highlightIds,
  highlightTexts,
  savedAnnotations,
  selectChars,
  showBlock,
  waitForHighlightCount,
} from './annotation-helpers'
import {
  appPerFile,
  callApi,
  dropFiles,
  importResults,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

/** Seven real paragraphs mixing Arabic, Latin letters and digits (corpus/bidi). */
const MIXED_PATH = join(ROOT, 'tests/fixtures/bidi-mixed-paragraphs.txt')

let app: AppSession | null = null
// The seeded library holds the Arabic sample article; the mixed paragraphs are imported.
appPerFile({ seed: true }, (session) => (app = session))

async function openArticle(page: Page, title: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/')
  await waitForLibrary(page)
  await page.locator('.article-link', { hasText: title }).click()
  await waitForReader(page)
}

/** Width of the word at [start, end) of a text block, measured with a Range over however many nodes it spans. */
async function wordWidth(page: Page, block: number, start: number, end: number): Promise<number> {
  return page.evaluate(
    ({ block, start, end }) => {
      const p = document.querySelectorAll('.reader .ProseMirror p')[block]!
      const locate = (index: number, atEnd: boolean): [Node, number] => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        let left = index
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length
          if (left < length || (atEnd && left === length)) return [node, left]
          left -= length
        }
        throw new Error('out of range')
      }
      const range = document.createRange()
      range.setStart(...locate(start, false))
      range.setEnd(...locate(end, true))
      return range.getBoundingClientRect().width
    },
    { block, start, end },
  )
}

describe('highlights in the reader', () => {
  it('saves exactly the text a mouse drag selected, across Arabic, Latin and digits', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.setInputFiles('input[type=file]', MIXED_PATH)
    expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
    await page.click('.import-close')
    await openArticle(page, 'فقرات مختلطة')

    // From inside an Arabic word, over a Latin name in parentheses, to inside a number; each drag
    // then a different key: 2 (green), H (last colour), 4 (pink), Shift+H.
    const drags: { block: number; from: string; fromAt: number; to: string; toAt: number; key: string }[] = [
      { block: 1, from: 'أينْشتاين', fromAt: 2, to: '1879', toAt: 2, key: '2' },
      { block: 2, from: 'أردوغان', fromAt: 3, to: 'فبراير 1954', toAt: 9, key: 'h' },
      { block: 3, from: 'Thomas', fromAt: 2, to: 'مخترع', toAt: 3, key: '4' },
      { block: 5, from: 'تجريبية', fromAt: 1, to: 'AS-206', toAt: 4, key: 'Shift+H' },
    ]
    for (const [i, d] of drags.entries()) {
      const text = await blockText(page, d.block)
      const a = text.indexOf(d.from)
      const b = text.indexOf(d.to)
      expect(a, d.from).toBeGreaterThanOrEqual(0)
      expect(b, d.to).toBeGreaterThanOrEqual(0)
      await showBlock(page, d.block)
      const selected = await dragSelect(
        page,
        await charPoint(page, d.block, a + d.fromAt),
        await charPoint(page, d.block, b + d.toAt),
      )
      expect(selected.length, `drag ${i}`).toBeGreaterThan(5)
      // The toolbar is offered beside the selection.
      await page.waitForSelector('.selection-toolbar:not([hidden])')
      const before = new Set(await highlightIds(page))
      await page.keyboard.press(d.key)
      await waitForHighlightCount(page, i + 1)
      const added = (await savedAnnotations(page)).find((s) => !before.has(s.id))!
      expect(added.target.quote.exact).toBe(selected)
      expect((await highlightTexts(page))[added.id]).toBe(selected)
    }
    const colors = (await savedAnnotations(page)).map((s) => s.body.color)
    // H and Shift+H use the last colour chosen (green, then pink).
    expect(colors).toEqual(['green', 'green', 'pink', 'pink'])
    await expect(page.locator('.selection-toolbar').isHidden()).resolves.toBe(true)
    expect(app.pageErrors).toEqual([])
  })

  it('highlights from the toolbar and from a keyboard selection, N opening the note editor', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const text = await blockText(page, 4)
    const a = text.indexOf('Révolution')
    await showBlock(page, 4)
    const selected = await dragSelect(page, await charPoint(page, 4, a), await charPoint(page, 4, a + 25))
    await page.click('.selection-toolbar [data-color=purple]')
    await waitForHighlightCount(page, 5)
    const purple = (await savedAnnotations(page)).find((s) => s.body.color === 'purple')!
    expect(purple.target.quote.exact).toBe(selected)

    // Keyboard: a caret in block 6, then Ctrl+Shift+Left by words (forwards, in right-to-left text), then N.
    await selectChars(page, 6, 20, 20)
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowLeft')
    const keyboardSelected = await page.evaluate(() => document.getSelection()!.toString())
    expect(keyboardSelected.trim().length).toBeGreaterThan(3)
    await page.keyboard.press('n')
    const note = page.locator('.highlight-popover:not([hidden]) textarea')
    await note.waitFor()
    await expect(note.evaluate((e) => e === document.activeElement)).resolves.toBe(true)
    await note.fill('ملاحظة: **DNA** الخاص بالبلاستيدات')
    await page.keyboard.press('Control+Enter')
    await page.waitForSelector('.highlight-popover .annotation-note strong')
    const saved = await savedAnnotations(page)
    const withNote = saved.find((s) => s.body.note !== '')!
    expect(withNote.target.quote.exact).toBe(keyboardSelected)
    expect(withNote.body.note).toBe('ملاحظة: **DNA** الخاص بالبلاستيدات')
    await page.keyboard.press('Escape')
    await expect(page.locator('.highlight-popover').isHidden()).resolves.toBe(true)
    await screenshot(page, 'highlights-mixed.png')
  })

  it('keeps an Arabic word joined when a highlight covers only its first two letters', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await openArticle(page, 'لافروف')
    const block = 0
    const text = await blockText(page, block)
    const word = 'مباحثات'
    const start = text.indexOf(word)
    expect(start).toBeGreaterThan(0)
    const end = start + word.length
    const before = await wordWidth(page, block, start, end)
    const letters = await selectChars(page, block, start, start + 2)
    expect(letters).toBe('مب')
    await page.keyboard.press('1')
    await waitForHighlightCount(page, 1)
    const [id] = await highlightIds(page)
    expect((await highlightTexts(page))[id!]).toBe('مب')
    const after = await wordWidth(page, block, start, end)
    expect(Math.abs(after - before)).toBeLessThanOrEqual(0.5)
    // Each letter keeps its joined (medial/initial) form: the two highlighted ones are as wide as before too.
    // And the span changes nothing but colours.
    const style = await page.evaluate((id) => {
      const span = document.querySelector<HTMLElement>(`[data-annotation-id="${id}"]`)!
      const s = getComputedStyle(span)
      return {
        display: s.display,
        padding: s.padding,
        border: s.borderWidth,
        margin: s.margin,
        letterSpacing: s.letterSpacing,
        font: s.font === getComputedStyle(span.parentElement!).font,
        background: s.backgroundColor,
      }
    }, id!)
    expect(style).toMatchObject({
      display: 'inline',
      padding: '0px',
      border: '0px',
      margin: '0px',
      letterSpacing: 'normal',
      font: true,
    })
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)')
    const paragraph = page.locator('.reader .ProseMirror p').first()
    await paragraph.screenshot({ path: join(ROOT, 'test-results/highlight-joining.png') })
  })

  it('draws overlapping highlights both, nested, each with its own id', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const text = await blockText(page, 1)
    const start = text.indexOf('العلاقات')
    expect(start).toBeGreaterThan(0)
    await selectChars(page, 1, start, start + 14)
    await page.keyboard.press('3')
    await waitForHighlightCount(page, 2)
    await selectChars(page, 1, start + 9, start + 24)
    await page.keyboard.press('5')
    await waitForHighlightCount(page, 3)
    const overlap = await page.evaluate(
      ({ start }) => {
        const p = document.querySelectorAll('.reader .ProseMirror p')[1]!
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        let offset = 0
        const covering: { ids: string[]; colors: string[] }[] = []
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length
          // Text nodes inside the overlap [start+9, start+14).
          if (offset >= start + 9 && offset + length <= start + 14) {
            const ids: string[] = []
            const colors: string[] = []
            for (let e = node.parentElement; e && e !== p; e = e.parentElement) {
              if (e.dataset.annotationId) {
                ids.push(e.dataset.annotationId)
                colors.push(getComputedStyle(e).backgroundColor)
              }
            }
            covering.push({ ids, colors })
          }
          offset += length
        }
        return covering
      },
      { start },
    )
    expect(overlap.length).toBeGreaterThan(0)
    for (const c of overlap) {
      expect(new Set(c.ids).size).toBe(2)
      for (const color of c.colors) expect(color).not.toBe('rgba(0, 0, 0, 0)')
    }
    await screenshot(page, 'highlights.png')
  })

  it('moves between highlights with Tab and Shift+Tab, in document order, with a popover', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.evaluate(() => document.getSelection()!.removeAllRanges())
    await page.focus('.reader .ProseMirror')
    const saved = await savedAnnotations(page)
    expect(saved).toHaveLength(3)
    const order = saved.map((s) => s.id)
    const current = () =>
      page.evaluate(() => ({
        popover: document.querySelector<HTMLElement>('.highlight-popover:not([hidden])')?.dataset
          .annotationFor,
        active: document.querySelector<HTMLElement>('.hl-active')?.dataset.annotationId,
        focusInText: document.activeElement?.classList.contains('ProseMirror'),
      }))
    await page.keyboard.press('Tab')
    expect(await current()).toEqual({ popover: order[0], active: order[0], focusInText: true })
    await page.keyboard.press('Tab')
    expect(await current()).toEqual({ popover: order[1], active: order[1], focusInText: true })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await current()).toEqual({ popover: order[1], active: order[1], focusInText: true })
    // Enter goes into the popover; Shift+Tab from its first control comes back to the text, still on
    // the same highlight; Enter again, then Escape comes back to the text.
    const inPopover = () =>
      page.evaluate(() => document.querySelector('.highlight-popover')!.contains(document.activeElement))
    await page.keyboard.press('Enter')
    await expect(inPopover()).resolves.toBe(true)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await current()).toEqual({ popover: order[1], active: order[1], focusInText: true })
    await page.keyboard.press('Enter')
    await expect(inPopover()).resolves.toBe(true)
    await screenshot(page, 'popover.png')
    await page.keyboard.press('Escape')
    await expect(page.locator('.highlight-popover').isHidden()).resolves.toBe(true)
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')),
    ).resolves.toBe(true)
    // Past the last highlight, Tab leaves the text as usual.
    await page.keyboard.press('Escape')
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')),
    ).resolves.toBe(false)
  })

  it('puts the notes panel on the left of a right-to-left article, collapsible and remembered', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const sides = () =>
      page.evaluate(() => {
        const panel = document.querySelector('.notes-panel')!
        const text = document.querySelector('.reader .ProseMirror')!.getBoundingClientRect()
        return {
          hidden: (panel as HTMLElement).hidden,
          panelRight: panel.getBoundingClientRect().right,
          panelLeft: panel.getBoundingClientRect().left,
          textLeft: text.left,
          textRight: text.right,
          items: Array.from(panel.querySelectorAll<HTMLElement>('.note-item')).map(
            (e) => e.dataset.annotationId,
          ),
        }
      })
    const open = await sides()
    expect(open.hidden).toBe(false)
    expect(open.panelRight).toBeLessThanOrEqual(open.textLeft)
    expect(open.items).toEqual((await savedAnnotations(page)).map((s) => s.id))
    await screenshot(page, 'notes-panel-rtl.png')
    // An item goes to its highlight: scrolled into view, flashing.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const last = open.items[open.items.length - 1]!
    await page.click(`.notes-panel .note-item[data-annotation-id="${last}"] .note-go`)
    const flashed = await page.evaluate((id) => {
      const e = document.querySelector<HTMLElement>(
        `.reader .ProseMirror .hl-flash[data-annotation-id="${id}"]`,
      )
      const r = e?.getBoundingClientRect()
      return r ? r.top >= 0 && r.bottom <= window.innerHeight : null
    }, last)
    expect(flashed).toBe(true)

    await page.click('[data-action=toggle-notes]')
    expect((await sides()).hidden).toBe(true)
    await page.reload()
    await waitForReader(page)
    expect((await sides()).hidden).toBe(true)
    await page.keyboard.press('Control+Shift+M')
    expect((await sides()).hidden).toBe(false)
    await expect(page.evaluate(() => document.activeElement?.closest('.notes-panel') !== null)).resolves.toBe(
      true,
    )
  })

  it('puts the notes panel on the right of a left-to-right article', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.goto(page.url().replace(/#.*$/, '') + '#/')
    await waitForLibrary(page)
    await dropFiles(page, [
      {
        name: 'english.md',
        text: '# An English article\n\nThis article is written in English, from left to right.\n',
        type: 'text/markdown',
      },
    ])
    expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
    await page.click('.import-close')
    await page.locator('.article-link', { hasText: 'An English article' }).click()
    await waitForReader(page)
    const geometry = await page.evaluate(() => ({
      panelLeft: document.querySelector('.notes-panel')!.getBoundingClientRect().left,
      textRight: document.querySelector('.reader .ProseMirror')!.getBoundingClientRect().right,
    }))
    expect(geometry.panelLeft).toBeGreaterThanOrEqual(geometry.textRight)
    await expect(page.locator('.notes-empty').textContent()).resolves.toContain('No highlights yet')
  })

  it('draws a large set of highlights in full, in chunks after the first paint', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await openArticle(page, 'لافروف')
    const id = await page.evaluate(() => decodeURIComponent(location.hash.replace(/^#\/read\//, '')))
    const article = await callApi<{ doc: DocNode }>(page, 'getArticle', id)
    const text = plainText(article.doc)
    // 1,500 synthetic highlights of one to three words (overlapping), as main would send them.
    const starts = Array.from(text.matchAll(/(?<=^|\s)\S/g), (m) => m.index)
    const at = new Date().toISOString()
    const many = Array.from({ length: 1500 }, (_, n) => {
      const w = (n * 7) % (starts.length - 4)
      const start = starts[w]!
      const end = starts[w + 1 + (n % 3)]! - 1
      const exact = text.slice(start, end)
      return {
        id: `many-${n}`,
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start, end },
        },
        body: { color: HIGHLIGHT_COLORS[n % 5], note: '', tags: [] },
        creator: { id: 'urn:uuid:test', name: 'test' },
        created: at,
        modified: at,
        deleted: false,
        anchor: { start, end, method: 'position' },
      }
    }).sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end)
    // The reader opens an article with openArticle (a short one comes whole).
    await page.route('**/api/openArticle', async (route) => {
      const response = await route.fetch()
      const body = (await response.json()) as { value: { article: { annotations: unknown[] } } }
      body.value.article.annotations = many
      await route.fulfill({ response, body: JSON.stringify(body) })
    })
    await page.reload()
    await waitForReader(page)
    await page.unroute('**/api/openArticle')
    expect((await highlightIds(page)).length).toBe(1500)
    await expect(
      page.evaluate(() => performance.getEntriesByName('hamish:highlights-drawn').length),
    ).resolves.toBe(1)
    // The panel lists the first 200 and offers the rest.
    await expect(page.locator('.notes-panel .notes-list > .note-item').count()).resolves.toBe(200)
    await page.click('.notes-panel .notes-more button')
    await expect(page.locator('.notes-panel .notes-list > .note-item').count()).resolves.toBe(400)
    await page.reload()
    await waitForReader(page)
  })

  it('shows the new annotation counts in the library', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.click('.back-link')
    await waitForLibrary(page)
    const counts = await page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('.library-table tbody tr')).map((tr) => [
          tr.querySelector('.article-link')!.textContent,
          tr.querySelector('.col-annotations')!.textContent,
        ]),
      ),
    )
    const byTitle = Object.entries(counts)
    expect(byTitle.find(([t]) => t!.includes('فقرات مختلطة'))?.[1]).toBe('6')
    expect(byTitle.find(([t]) => t!.includes('لافروف'))?.[1]).toBe('3')
    expect(byTitle.find(([t]) => t!.includes('English'))?.[1]).toBe('0')
    expect(app.pageErrors).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })
})
